"""dataclasses for MiniPy: @dataclass (init, repr, eq, order, frozen, unsafe_hash, kw_only), field, fields,
asdict, astuple, replace, is_dataclass. Generated methods are compiled from source, as CPython does."""

__all__ = ['dataclass', 'field', 'Field', 'fields', 'asdict', 'astuple', 'replace', 'is_dataclass',
           'FrozenInstanceError', 'MISSING', 'KW_ONLY']


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class _KwOnlyType:
    def __repr__(self):
        return 'KW_ONLY'


KW_ONLY = _KwOnlyType()


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen dataclass."""


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return (f'Field(name={self.name!r},type={self.type!r},default={self.default!r},'
                f'default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},'
                f'hash={self.hash!r},compare={self.compare!r},metadata={self.metadata!r},kw_only={self.kw_only!r})')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(tp):
    if isinstance(tp, str):
        return tp.startswith('ClassVar') or tp.startswith('typing.ClassVar')
    try:
        import typing
    except ImportError:
        return False
    return tp is typing.ClassVar or getattr(tp, '__origin__', None) is typing.ClassVar


def _process(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
    fields_by_name = {}
    for base in reversed(cls.__mro__[1:]):
        base_fields = base.__dict__.get('__dataclass_fields__')
        if base_fields:
            for f in base_fields.values():
                fields_by_name[f.name] = f
    annotations = cls.__dict__.get('__annotations__', {})
    kw_only_from_here = kw_only
    for name, tp in annotations.items():
        if tp is KW_ONLY:
            kw_only_from_here = True
            continue
        if _is_classvar(tp):
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = tp
        if f.kw_only is MISSING:
            f.kw_only = kw_only_from_here
        if f.default is not MISSING and type(f.default) in (list, dict, set):
            raise ValueError(f'mutable default {type(f.default)} for field {name} is not allowed: use default_factory')
        if f.default is MISSING:
            if name in cls.__dict__:
                delattr(cls, name)
        else:
            setattr(cls, name, f.default)
        fields_by_name[name] = f
    cls.__dataclass_fields__ = fields_by_name
    all_fields = list(fields_by_name.values())
    namespace = {'MISSING': MISSING, 'FrozenInstanceError': FrozenInstanceError, '__object_setattr': object.__setattr__}

    if init:
        positional = [f for f in all_fields if f.init and not f.kw_only]
        keyword = [f for f in all_fields if f.init and f.kw_only]
        seen_default = False
        for f in positional:
            if f.default is not MISSING or f.default_factory is not MISSING:
                seen_default = True
            elif seen_default:
                raise TypeError(f"non-default argument '{f.name}' follows default argument")
        params = []
        body = []
        for f in positional + keyword:
            if f.default_factory is not MISSING:
                namespace[f'__factory_{f.name}'] = f.default_factory
                params.append(f'{f.name}=MISSING')
                value = f'__factory_{f.name}() if {f.name} is MISSING else {f.name}'
            elif f.default is not MISSING:
                namespace[f'__default_{f.name}'] = f.default
                params.append(f'{f.name}=__default_{f.name}')
                value = f.name
            else:
                params.append(f.name)
                value = f.name
            body.append(f'__object_setattr(self, {f.name!r}, {value})' if frozen else f'self.{f.name} = {value}')
        for f in all_fields:
            if not f.init:
                if f.default_factory is not MISSING:
                    namespace[f'__factory_{f.name}'] = f.default_factory
                    value = f'__factory_{f.name}()'
                elif f.default is not MISSING:
                    namespace[f'__default_{f.name}'] = f.default
                    value = f'__default_{f.name}'
                else:
                    continue
                body.append(f'__object_setattr(self, {f.name!r}, {value})' if frozen else f'self.{f.name} = {value}')
        if '__post_init__' in dir(cls):
            body.append('self.__post_init__()')
        if keyword:
            split = len([f for f in positional])
            params.insert(split, '*')
        source = f"def __init__(self{', ' if params else ''}{', '.join(params)}):\n"
        source += ''.join(f'    {line}\n' for line in body) if body else '    pass\n'
        exec(source, namespace)
        init_fn = namespace['__init__']
        init_fn.__qualname__ = f'{cls.__qualname__}.__init__'
        cls.__init__ = init_fn

    if repr and '__repr__' not in cls.__dict__:
        shown = [f.name for f in all_fields if f.repr]

        def __repr__(self):
            inner = ', '.join(f'{name}={getattr(self, name)!r}' for name in shown)
            return f'{type(self).__qualname__}({inner})'
        cls.__repr__ = __repr__

    compared = [f.name for f in all_fields if f.compare]

    def as_tuple(self):
        return tuple(getattr(self, name) for name in compared)

    if eq and '__eq__' not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return as_tuple(self) == as_tuple(other)
            return NotImplemented
        cls.__eq__ = __eq__

    if order:
        def make(op):
            def compare(self, other):
                if other.__class__ is self.__class__:
                    return op(as_tuple(self), as_tuple(other))
                return NotImplemented
            return compare
        cls.__lt__ = make(lambda a, b: a < b)
        cls.__le__ = make(lambda a, b: a <= b)
        cls.__gt__ = make(lambda a, b: a > b)
        cls.__ge__ = make(lambda a, b: a >= b)

    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError(f'cannot assign to field {name!r}')

        def __delattr__(self, name):
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__

    hashed = [f.name for f in all_fields if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash or (eq and frozen):
        def __hash__(self):
            return hash(tuple(getattr(self, name) for name in hashed))
        cls.__hash__ = __hash__
    elif eq and '__hash__' not in cls.__dict__:
        cls.__hash__ = None
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False):
    """Add __init__, __repr__, __eq__ (and optionally ordering, hashing, immutability) from the annotations."""
    def wrap(c):
        return _process(c, init, repr, eq, order, unsafe_hash, frozen, kw_only)
    return wrap if cls is None else wrap(cls)


def fields(class_or_instance):
    try:
        found = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(found.values())


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _convert(value, factory):
    if is_dataclass(value) and not isinstance(value, type):
        return factory((f.name, _convert(getattr(value, f.name), factory)) for f in fields(value))
    if isinstance(value, (list, tuple)):
        return type(value)(_convert(v, factory) for v in value)
    if isinstance(value, dict):
        return type(value)((_convert(k, factory), _convert(v, factory)) for k, v in value.items())
    return value


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('asdict() should be called on dataclass instances')
    return _convert(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('astuple() should be called on dataclass instances')
    return tuple_factory(_astuple(getattr(obj, f.name), tuple_factory) for f in fields(obj))


def _astuple(value, factory):
    if is_dataclass(value) and not isinstance(value, type):
        return factory(_astuple(getattr(value, f.name), factory) for f in fields(value))
    if isinstance(value, (list, tuple)):
        return type(value)(_astuple(v, factory) for v in value)
    return value


def replace(obj, /, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
