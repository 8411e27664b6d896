"""collections for MiniPy: deque, defaultdict, OrderedDict and Counter (namedtuple needs tuple subclasses,
which MiniPy refuses)."""

__all__ = ['deque', 'defaultdict', 'OrderedDict', 'Counter']


class deque:
    """A double-ended queue: appends and pops at both ends in amortised constant time."""

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None and maxlen < 0:
            raise ValueError('maxlen must be non-negative')
        self._items = []
        self._head = 0
        self._maxlen = maxlen
        for item in iterable:
            self.append(item)

    @property
    def maxlen(self):
        return self._maxlen

    def _compact(self):
        if self._head > 32 and self._head * 2 > len(self._items):
            del self._items[:self._head]
            self._head = 0

    def append(self, item):
        self._items.append(item)
        if self._maxlen is not None and len(self) > self._maxlen:
            self.popleft()

    def appendleft(self, item):
        if self._head > 0:
            self._head -= 1
            self._items[self._head] = item
        else:
            self._items.insert(0, item)
        if self._maxlen is not None and len(self) > self._maxlen:
            self.pop()

    def pop(self):
        if len(self) == 0:
            raise IndexError('pop from an empty deque')
        return self._items.pop()

    def popleft(self):
        if len(self) == 0:
            raise IndexError('pop from an empty deque')
        item = self._items[self._head]
        self._items[self._head] = None
        self._head += 1
        if self._head == len(self._items):
            self._items.clear()
            self._head = 0
        else:
            self._compact()
        return item

    def extend(self, iterable):
        for item in iterable:
            self.append(item)

    def extendleft(self, iterable):
        for item in iterable:
            self.appendleft(item)

    def clear(self):
        self._items.clear()
        self._head = 0

    def copy(self):
        return deque(self, self._maxlen)

    def count(self, value):
        return sum(1 for item in self if item == value)

    def index(self, value):
        for i, item in enumerate(self):
            if item == value:
                return i
        raise ValueError(f'{value!r} is not in deque')

    def remove(self, value):
        i = self.index(value)
        del self._items[self._head + i]

    def reverse(self):
        items = list(self)
        items.reverse()
        self._items = items
        self._head = 0

    def rotate(self, n=1):
        if len(self) == 0:
            return
        n %= len(self)
        if n:
            items = list(self)
            self._items = items[-n:] + items[:-n]
            self._head = 0

    def __len__(self):
        return len(self._items) - self._head

    def __bool__(self):
        return len(self) > 0

    def __iter__(self):
        return iter(self._items[self._head:])

    def __reversed__(self):
        return reversed(self._items[self._head:])

    def __contains__(self, value):
        return value in self._items[self._head:]

    def _index(self, i):
        n = len(self)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError('deque index out of range')
        return self._head + i

    def __getitem__(self, i):
        return self._items[self._index(i)]

    def __setitem__(self, i, value):
        self._items[self._index(i)] = value

    def __delitem__(self, i):
        del self._items[self._index(i)]

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) == list(other)

    def __repr__(self):
        if self._maxlen is None:
            return f'deque({list(self)!r})'
        return f'deque({list(self)!r}, maxlen={self._maxlen})'


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
