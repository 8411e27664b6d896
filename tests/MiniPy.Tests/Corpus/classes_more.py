# Classes: inheritance, class attributes, dunders, properties, classmethods, super chains.
class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    def area(self):
        return 0
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area()})"
    def __lt__(self, other):
        return self.area() < other.area()
class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"
class Circle(Shape):
    PI = 3.14
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return round(self.PI * self.r ** 2, 2)
shapes = [Rect(2, 3), Square(2), Circle(1), Rect(1, 1)]
print(sorted(shapes), Shape.count, min(shapes), max(shapes).name)
print(isinstance(shapes[1], Rect), issubclass(Square, Shape), Square.__mro__[1].__name__, Square.__bases__)
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
        return self
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        return iter(reversed(self._items))
    def __contains__(self, x):
        return x in self._items
    def __getitem__(self, i):
        return self._items[-1 - i]
    def __bool__(self):
        return bool(self._items)
    @property
    def top(self):
        return self._items[-1] if self._items else None
    @classmethod
    def of(cls, *xs):
        s = cls()
        for x in xs:
            s.push(x)
        return s
    @staticmethod
    def name():
        return "Stack"
s = Stack.of(1, 2, 3)
print(len(s), list(s), 2 in s, s[0], s.top, bool(Stack()), Stack.name(), s.push(4).top)
class Temperature:
    def __init__(self):
        self._c = 0
    def _get(self):
        return self._c
    def _set(self, v):
        self._c = max(v, -273)
    celsius = property(_get, _set)
t = Temperature()
t.celsius = -500
print(t.celsius, Temperature.celsius.fget(t))
class Base:
    def hello(self):
        return ["Base"]
class Left(Base):
    def hello(self):
        return ["Left"] + super().hello()
class Right(Base):
    def hello(self):
        return ["Right"] + super().hello()
class Child(Left, Right):
    def hello(self):
        return ["Child"] + super().hello()
print(Child().hello(), [c.__name__ for c in Child.__mro__])
class Point:
    __slots__ = ()
    def __init__(self):
        pass
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, other):
        return P(self.x + other.x, self.y + other.y)
    def __mul__(self, k):
        return P(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __repr__(self):
        return f"P({self.x}, {self.y})"
    def __getattr__(self, name):
        return f"<no {name}>"
p = P(1, 2)
print(p + P(3, 4), 2 * p, p * 3, {p, P(1, 2)}, p == P(1, 2), p != P(0, 0), p.missing, getattr(p, "x"))
class Registry:
    items = []
    def __init_subclass__(cls, **kwargs):
        Registry.items.append(cls.__name__)
class A(Registry): pass
class B(Registry): pass
print(Registry.items, A.__name__, A.__qualname__, type(A).__name__, type(A()).__name__)
class WithClassVar:
    x = 1
    y = [x * 2 for _ in range(2)] if False else 2
    def get(self):
        return self.x, WithClassVar.y
print(WithClassVar().get(), WithClassVar.__dict__["x"], hasattr(WithClassVar, "get"))
