from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
from typing import List, ClassVar
@dataclass
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0
p = Point(1, 2)
print(p, p == Point(1, 2), p != Point(2, 1), Point(5))
p.tags.append("a")
print(asdict(p), astuple(p), replace(p, x=9), [f.name for f in fields(p)])
@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
v = Version(1, 2)
print(v < Version(1, 3), sorted([Version(2), Version(1, 5), Version(1)]), hash(v) == hash(Version(1, 2)))
try:
    v.major = 3
except FrozenInstanceError as e:
    print("frozen:", e)
@dataclass
class Child(Point):
    z: int = 5
    def __post_init__(self):
        self.total = self.x + self.y + self.z
c = Child(1, 2, [], 3)
print(c, c.total)
@dataclass
class Inv:
    name: str
    qty: int = field(default=1, repr=False)
print(Inv("x"), Inv("y", 3) == Inv("y", 3))
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(e)
print(Point.__init__.__qualname__ if hasattr(Point.__init__, "__qualname__") else "", Point.count)
