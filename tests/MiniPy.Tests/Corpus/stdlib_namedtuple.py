from collections import namedtuple
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p[1], p == (1, 2), p == Point(1, 2), list(p), len(p))
x, y = p
print(x + y, p._asdict(), p._replace(x=5), Point._make([3, 4]), Point._fields)
Color = namedtuple("Color", ["r", "g", "b"], defaults=[0])
print(Color(1, 2), sorted([Point(2, 1), Point(1, 5)]), hash(p) == hash((1, 2)), {p: "a"}[Point(1, 2)])
try:
    p.x = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError", e)
print(max(Point(1, 2), Point(1, 3)), "%d-%d" % tuple(p))
