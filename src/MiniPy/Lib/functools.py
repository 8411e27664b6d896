"""functools for MiniPy: partial, reduce, wraps, lru_cache, cache, cached_property, total_ordering, cmp_to_key."""

__all__ = ['partial', 'reduce', 'wraps', 'update_wrapper', 'lru_cache', 'cache', 'cached_property',
           'total_ordering', 'cmp_to_key', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES']

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')
WRAPPER_UPDATES = ('__dict__',)

_initial_missing = object()


def reduce(function, iterable, initial=_initial_missing):
    """Apply function cumulatively to the items of iterable, from left to right."""
    it = iter(iterable)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    """A callable that calls func with some arguments fixed in advance."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(f'{k}={v!r}' for k, v in self.keywords.items())
        return f'functools.partial({", ".join(parts)})'


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


class _CacheInfo:
    def __init__(self, hits, misses, maxsize, currsize):
        self.hits, self.misses, self.maxsize, self.currsize = hits, misses, maxsize, currsize

    def __iter__(self):
        return iter((self.hits, self.misses, self.maxsize, self.currsize))

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return f'CacheInfo(hits={self.hits}, misses={self.misses}, maxsize={self.maxsize}, currsize={self.currsize})'


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += (_kwd_mark,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


_kwd_mark = (object(),)


def lru_cache(maxsize=128, typed=False):
    """Memoise a function; with maxsize, the least recently used results go first."""
    if callable(maxsize) and not isinstance(maxsize, bool):
        return lru_cache(128, typed)(maxsize)
    if maxsize is not None and maxsize < 0:
        maxsize = 0

    def decorating_function(user_function):
        cache = {}
        stats = [0, 0]

        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            if key in cache:
                stats[0] += 1
                result = cache.pop(key)
                cache[key] = result          # most recently used goes last
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if maxsize != 0:
                cache[key] = result
                if maxsize is not None and len(cache) > maxsize:
                    del cache[next(iter(cache))]
            return result

        def cache_info():
            return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

        def cache_clear():
            cache.clear()
            stats[0] = stats[1] = 0

        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        return update_wrapper(wrapper, user_function)

    return decorating_function


def cache(user_function):
    """An unbounded lru_cache."""
    return lru_cache(maxsize=None)(user_function)


class cached_property:
    """A property computed once per instance, then stored in its __dict__."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname if self.attrname is not None else self.func.__name__
        if name in instance.__dict__:
            return instance.__dict__[name]
        value = self.func(instance)
        instance.__dict__[name] = value
        return value


def total_ordering(cls):
    """Fill in the missing rich comparisons from __eq__ and one of __lt__, __le__, __gt__, __ge__."""
    def defined(name):
        return getattr(cls, name, None) is not getattr(object, name, None)
    if defined('__lt__'):
        def __gt__(self, other):
            r = self.__lt__(other)
            return r if r is NotImplemented else not r and self != other
        def __le__(self, other):
            r = self.__lt__(other)
            return r if r is NotImplemented else r or self == other
        def __ge__(self, other):
            r = self.__lt__(other)
            return r if r is NotImplemented else not r
        extra = {'__gt__': __gt__, '__le__': __le__, '__ge__': __ge__}
    elif defined('__le__'):
        def __ge__(self, other):
            r = self.__le__(other)
            return r if r is NotImplemented else not r or self == other
        def __lt__(self, other):
            r = self.__le__(other)
            return r if r is NotImplemented else r and self != other
        def __gt__(self, other):
            r = self.__le__(other)
            return r if r is NotImplemented else not r
        extra = {'__ge__': __ge__, '__lt__': __lt__, '__gt__': __gt__}
    elif defined('__gt__'):
        def __lt__(self, other):
            r = self.__gt__(other)
            return r if r is NotImplemented else not r and self != other
        def __ge__(self, other):
            r = self.__gt__(other)
            return r if r is NotImplemented else r or self == other
        def __le__(self, other):
            r = self.__gt__(other)
            return r if r is NotImplemented else not r
        extra = {'__lt__': __lt__, '__ge__': __ge__, '__le__': __le__}
    elif defined('__ge__'):
        def __le__(self, other):
            r = self.__ge__(other)
            return r if r is NotImplemented else not r or self == other
        def __gt__(self, other):
            r = self.__ge__(other)
            return r if r is NotImplemented else r and self != other
        def __lt__(self, other):
            r = self.__ge__(other)
            return r if r is NotImplemented else not r
        extra = {'__le__': __le__, '__gt__': __gt__, '__lt__': __lt__}
    else:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    for name, method in extra.items():
        if not defined(name):
            setattr(cls, name, method)
    return cls


def cmp_to_key(mycmp):
    """A key= function from an old-style cmp function."""
    class K:
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K
