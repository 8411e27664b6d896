import operator, bisect, copy, string
from functools import reduce
print(reduce(operator.mul, range(1, 6)), operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)("abc"), operator.abs(-3))
rows = [{"n": "b", "v": 2}, {"n": "a", "v": 1}]
print(sorted(rows, key=operator.itemgetter("n")), operator.methodcaller("upper")("x"))
class P:
    def __init__(self, x): self.x = x; self.inner = [x]
print([p.x for p in sorted([P(3), P(1)], key=operator.attrgetter("x"))])
a = [1, 3, 5]
bisect.insort(a, 4); print(a, bisect.bisect_left(a, 3), bisect.bisect(a, 3), bisect.bisect_right([1, 2, 2, 3], 2))
orig = {"k": [1, [2, 3]], "t": (1, [2])}
shallow, deep = copy.copy(orig), copy.deepcopy(orig)
orig["k"][1].append(4)
print(shallow["k"], deep["k"], deep["t"])
p = P(7); q = copy.deepcopy(p); p.inner.append(8); print(q.x, q.inner, copy.copy(p).inner)
print(string.ascii_lowercase, string.digits, string.capwords("hello big world"), len(string.printable))
