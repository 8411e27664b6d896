# Paths by which Python code calls Python code count against the recursion limits: a cycle of them ends
# in RecursionError (never a crashed process), and the program carries on.
import sys


def t(name, f):
    try:
        r = f()
        print(name, "ok", r if isinstance(r, (int, bool)) else type(r).__name__)
    except RecursionError as e:
        print(name, "RecursionError", e)
    except BaseException as e:
        print(name, type(e).__name__, e)


class F:
    pass


F.__repr__ = F.__str__
t("repr is str is repr", lambda: str(F()))


class C:
    pass


c = C()
C.__call__ = c
t("__call__ is an instance", lambda: c())


class G:
    def __getattr__(self, name):
        return getattr(self, name)


t("__getattr__ recursing", lambda: G().x)


class H:
    def __hash__(self):
        return hash(self)


t("__hash__ recursing", lambda: {H(): 1})


class E:
    def __eq__(self, other):
        return self == other

    __hash__ = object.__hash__


t("__eq__ recursing", lambda: E() == E())


class Desc:
    def __get__(self, obj, owner):
        return obj.attr


class UsesDesc:
    attr = Desc()


t("descriptor recursing", lambda: UsesDesc().attr)


def key(x):
    return sorted([x, x], key=key)


t("sorted key recursing", lambda: sorted([1], key=key))


class Fmt:
    def __format__(self, spec):
        return format(self, spec)


t("__format__ recursing", lambda: f"{Fmt()}")


def nested_list(n):
    x = []
    for _ in range(n):
        x = [x]
    return x


t("repr of a list nested 100000 deep", lambda: repr(nested_list(100000)))
t("== of lists nested 100000 deep", lambda: nested_list(100000) == nested_list(100000))
t("repr of a list nested 500 deep", lambda: len(repr(nested_list(500))))


def deep(n):
    return deep(n + 1)


t("plain recursion", lambda: deep(0))
sys.setrecursionlimit(5000)
t("plain recursion, limit 5000", lambda: deep(0))
sys.setrecursionlimit(1000)
print("still running")
