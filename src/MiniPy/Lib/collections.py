"""collections for MiniPy: deque, defaultdict, OrderedDict, Counter and namedtuple. MiniPy refuses tuple
subclasses, so a namedtuple class is not a tuple subclass: it indexes, unpacks, compares and hashes like
the tuple of its fields (and equals that tuple), but isinstance(p, tuple) is False."""

__all__ = ['deque', 'defaultdict', 'OrderedDict', 'Counter', 'namedtuple']


from _collections import deque


class defaultdict(dict):
    """A dict that makes missing values with default_factory()."""

    def __init__(self, default_factory=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self)

    def __repr__(self):
        return f'defaultdict({self.default_factory!r}, {dict.__repr__(self)})'


class OrderedDict(dict):
    """A dict (ordered, as every dict is) with move_to_end and popitem(last=...)."""

    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            items = list(self.items())
            self.clear()
            self[key] = value
            self.update(items)

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(list(self))) if last else next(iter(self))
        return key, self.pop(key)

    def __repr__(self):
        if not self:
            return 'OrderedDict()'
        return f'OrderedDict({dict.__repr__(self)})'


class Counter(dict):
    """A dict of counts: missing keys count 0."""

    def __init__(self, iterable=None, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for key, count in iterable.items():
                    self[key] = self[key] + count
            else:
                for key in iterable:
                    self[key] = self[key] + 1
        for key, count in kwds.items():
            self[key] = self[key] + count

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            pairs = iterable.items() if isinstance(iterable, dict) else ((k, 1) for k in iterable)
            for key, count in pairs:
                self[key] = self[key] - count
        for key, count in kwds.items():
            self[key] = self[key] - count

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]

    def elements(self):
        for key, count in self.items():
            for _ in range(count):
                yield key

    def total(self):
        return sum(self.values())

    def __repr__(self):
        if not self:
            return 'Counter()'
        inner = ', '.join(f'{k!r}: {v!r}' for k, v in self.most_common())
        return f'Counter({{{inner}}})'


class _NamedTuple:
    """The base of namedtuple classes: a fixed tuple of values with names."""

    _fields = ()
    _field_defaults = {}

    def __init__(self, *args, **kwargs):
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f'{type(self).__name__}() takes {len(fields)} positional arguments but {len(args)} were given')
        values = list(args)
        missing = []
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in self._field_defaults:
                values.append(self._field_defaults[name])
            else:
                missing.append(name)
        if missing:
            if len(missing) == 1:
                names = repr(missing[0])
            elif len(missing) == 2:
                names = f'{missing[0]!r} and {missing[1]!r}'
            else:
                names = ', '.join(repr(m) for m in missing[:-1]) + f', and {missing[-1]!r}'
            plural = 's' if len(missing) > 1 else ''
            raise TypeError(f"{type(self).__name__}.__new__() missing {len(missing)} required positional argument{plural}: {names}")
        for name in kwargs:
            if name in fields:
                raise TypeError(f"{type(self).__name__}() got multiple values for argument '{name}'")
            raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument '{name}'")
        object.__setattr__(self, '_values', tuple(values))

    @classmethod
    def _make(cls, iterable):
        return cls(*iterable)

    def _asdict(self):
        return dict(zip(self._fields, self._values))

    def _replace(self, **changes):
        values = self._asdict()
        for name, value in changes.items():
            if name not in values:
                raise ValueError(f'Got unexpected field names: {[name]!r}')
            values[name] = value
        return type(self)(**values)

    def __setattr__(self, name, value):
        raise AttributeError("can't set attribute" if name in self._fields else
                             f"'{type(self).__name__}' object has no attribute '{name}'")

    def __getitem__(self, index):
        return self._values[index]

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __contains__(self, value):
        return value in self._values

    def __hash__(self):
        return hash(self._values)

    @staticmethod
    def _other(other):
        if isinstance(other, _NamedTuple):
            return other._values
        if isinstance(other, tuple):
            return other
        return None

    def __eq__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._values == o

    def __ne__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._values != o

    def __lt__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._values < o

    def __le__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._values <= o

    def __gt__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._values > o

    def __ge__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._values >= o

    def __add__(self, other):
        return self._values + tuple(other)

    def count(self, value):
        return self._values.count(value)

    def index(self, value):
        return self._values.index(value)

    def __repr__(self):
        inner = ', '.join(f'{name}={value!r}' for name, value in zip(self._fields, self._values))
        return f'{type(self).__name__}({inner})'


def _field_property(index, name):
    return property(lambda self: self._values[index], doc=f'Alias for field number {index}')


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A class whose instances are tuples of named fields: Point = namedtuple('Point', 'x y')."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = [str(name) for name in field_names]
    seen = set()
    for i, name in enumerate(field_names):
        bad = (not name.isidentifier() or name.startswith('_') or name in seen or
               name in ('def', 'class', 'return', 'None', 'True', 'False', 'for', 'if', 'else', 'while', 'in', 'is'))
        if bad:
            if rename:
                field_names[i] = f'_{i}'
            elif name.startswith('_'):
                raise ValueError(f'Field names cannot start with an underscore: {name!r}')
            elif name in seen:
                raise ValueError(f'Encountered duplicate field name: {name!r}')
            else:
                raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
        seen.add(field_names[i])
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(field_names[len(field_names) - len(defaults):], defaults))
    namespace = {'_fields': tuple(field_names), '_field_defaults': field_defaults, '__slots__': ()}
    for index, name in enumerate(field_names):
        namespace[name] = _field_property(index, name)
    cls = type(typename, (_NamedTuple,), namespace)
    if module is not None:
        cls.__module__ = module
    return cls
