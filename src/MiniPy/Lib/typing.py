"""typing for MiniPy: the names annotations use. MiniPy does not check types, so every construct here
accepts its parameters and stands for "any" (TypeVar, Generic, Protocol, Optional[...], List[...], ...)."""

TYPE_CHECKING = False


class _SpecialForm:
    def __init__(self, name):
        self._name = name

    def __getitem__(self, parameters):
        return _GenericAlias(self, parameters)

    def __call__(self, *args, **kwargs):
        raise TypeError(f'Cannot instantiate typing.{self._name}')

    def __repr__(self):
        return f'typing.{self._name}'


class _GenericAlias:
    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)

    def __getitem__(self, parameters):
        return _GenericAlias(self.__origin__, parameters)

    def __call__(self, *args, **kwargs):
        origin = self.__origin__
        if isinstance(origin, type):
            return origin(*args, **kwargs)
        raise TypeError(f'Cannot instantiate {self!r}')

    def __repr__(self):
        args = ', '.join(getattr(a, '__name__', repr(a)) for a in self.__args__)
        return f'{self.__origin__!r}[{args}]'


Any = _SpecialForm('Any')
Union = _SpecialForm('Union')
Optional = _SpecialForm('Optional')
Callable = _SpecialForm('Callable')
Literal = _SpecialForm('Literal')
Final = _SpecialForm('Final')
ClassVar = _SpecialForm('ClassVar')
Annotated = _SpecialForm('Annotated')
Type = _SpecialForm('Type')
Tuple = _SpecialForm('Tuple')
List = _SpecialForm('List')
Dict = _SpecialForm('Dict')
Set = _SpecialForm('Set')
FrozenSet = _SpecialForm('FrozenSet')
DefaultDict = _SpecialForm('DefaultDict')
Iterable = _SpecialForm('Iterable')
Iterator = _SpecialForm('Iterator')
Generator = _SpecialForm('Generator')
AsyncIterator = _SpecialForm('AsyncIterator')
AsyncIterable = _SpecialForm('AsyncIterable')
AsyncGenerator = _SpecialForm('AsyncGenerator')
Awaitable = _SpecialForm('Awaitable')
Coroutine = _SpecialForm('Coroutine')
Sequence = _SpecialForm('Sequence')
MutableSequence = _SpecialForm('MutableSequence')
Mapping = _SpecialForm('Mapping')
MutableMapping = _SpecialForm('MutableMapping')
Hashable = _SpecialForm('Hashable')
Sized = _SpecialForm('Sized')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
TypeAlias = _SpecialForm('TypeAlias')


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound

    def __repr__(self):
        return f'~{self.__name__}'


class Generic:
    """Base class for generic classes: Generic[T] is Generic."""

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    """Base class for structural types (not checked)."""


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None):
    return dict(getattr(obj, '__annotations__', {}))


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    return new_type
