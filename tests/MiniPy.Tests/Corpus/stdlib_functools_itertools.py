import functools, itertools
from typing import List, Optional, TypeVar, Generic, Dict
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, v: T): self.v = v
def f(xs: List[int], y: Optional[Dict[str, int]] = None) -> int: return sum(xs)
print(f([1, 2]), Box[int](3).v if False else Box(3).v)
print(functools.reduce(lambda a, b: a * b, range(1, 6)))
p = functools.partial(int, base=2); print(p("101"), p)
@functools.lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@functools.wraps(fib)
def w(): pass
print(w.__name__)
@functools.total_ordering
class V:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return self.x == o.x
    def __lt__(self, o): return self.x < o.x
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
class C:
    @functools.cached_property
    def big(self):
        print("computing"); return 42
c = C(); print(c.big, c.big)
print(list(itertools.islice(itertools.count(10, 2), 3)), list(itertools.chain([1], (2, 3))), list(itertools.chain.from_iterable([[1], [2]])))
print(list(itertools.product("ab", repeat=2)), list(itertools.permutations([1, 2, 3], 2)))
print(list(itertools.combinations(range(4), 2)), list(itertools.combinations_with_replacement("ab", 2)))
print([(k, list(g)) for k, g in itertools.groupby("aabbbc")], list(itertools.accumulate([1, 2, 3])))
print(list(itertools.zip_longest("ab", "xyz", fillvalue="-")), list(itertools.pairwise([1, 2, 3])), list(itertools.batched(range(5), 2)))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.starmap(pow, [(2, 3)])))
print(list(itertools.islice("abcdefg", 1, 6, 2)), list(itertools.compress("abc", [1, 0, 1])), list(itertools.filterfalse(None, [0, 1, 2])))
a, b = itertools.tee([1, 2]); print(list(a), list(b), list(itertools.repeat(7, 2)), list(itertools.islice(itertools.cycle("ab"), 5)))
from collections import deque, defaultdict, Counter, OrderedDict
d = deque([1, 2, 3], maxlen=3); d.append(4); d.appendleft(0); print(d, d.popleft(), d.pop(), len(d))
dd = defaultdict(list); dd["a"].append(1); print(dd, dict(dd))
cnt = Counter("abracadabra"); print(cnt.most_common(2), cnt["z"])
od = OrderedDict(a=1, b=2); od.move_to_end("a"); print(list(od), od.popitem())
