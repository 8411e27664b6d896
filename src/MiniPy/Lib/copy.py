"""copy for MiniPy: shallow and deep copies (__copy__, __deepcopy__ and the instance __dict__)."""

__all__ = ['copy', 'deepcopy', 'Error']


class Error(Exception):
    pass


_ATOMIC = (type(None), int, float, bool, str, bytes, type, range, type(len), type(lambda: 0))


def copy(x):
    cls = type(x)
    if isinstance(x, _ATOMIC) or cls is tuple or cls is frozenset:
        return x
    if cls in (list, dict, set, bytearray):
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _copy_instance(x, lambda v, memo: v, None)


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    key = id(x)
    if key in memo:
        return memo[key]
    cls = type(x)
    if isinstance(x, _ATOMIC):
        return x
    if cls is list:
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
        return y
    if cls is tuple:
        y = tuple(deepcopy(item, memo) for item in x)
        if key in memo:
            return memo[key]
        if all(a is b for a, b in zip(x, y)):
            y = x
        memo[key] = y
        return y
    if cls is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
        return y
    if cls in (set, frozenset):
        y = cls(deepcopy(item, memo) for item in x)
        memo[key] = y
        return y
    if cls is bytearray:
        return bytearray(x)
    copier = getattr(cls, '__deepcopy__', None)
    if copier is not None:
        y = copier(x, memo)
        memo[key] = y
        return y
    return _copy_instance(x, deepcopy, memo)


def _copy_instance(x, copy_value, memo):
    cls = type(x)
    try:
        y = cls.__new__(cls)
    except TypeError:
        raise Error(f'un(deep)copyable object of type {cls}') from None
    if memo is not None:
        memo[id(x)] = y
    state = getattr(x, '__dict__', None)
    if state is None:
        raise Error(f'un(deep)copyable object of type {cls}')
    for name, value in state.items():
        setattr(y, name, copy_value(value, memo) if memo is not None else value)
    return y
