# collections.deque: CPython's methods, messages and reprs.
from collections import deque
d = deque([1,2,3], maxlen=3)
for f in [lambda: d.remove(9), lambda: d.index(9), lambda: d.insert(0, 1), lambda: deque().pop(), lambda: deque().popleft(), lambda: d[5], lambda: d[1:2], lambda: deque(maxlen=-1), lambda: d + [1], lambda: deque('ab', 'x'), lambda: hash(d)]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
class D(deque): pass
print(repr(D([1,2])), repr(D([1], maxlen=2)), repr(d), d.maxlen, repr(deque()), d * 2, 2 * d, d.copy(), type(D([1]).copy()))
x = deque([1]); x.append(x); print(x)
d2 = deque(range(5)); d2.rotate(2); print(d2); d2.rotate(-3); print(d2); d2.extendleft([10,11]); print(d2)
d3 = deque([1,2,3]); d3 += [4]; print(d3); d3 *= 2; print(d3, d3.count(1), d3.index(2, 2))
it = iter(d3); d3.append(5)
try: next(it)
except RuntimeError as e: print(e)
print(deque([1,2]) == deque([1,2]), deque([1,2]) == [1,2], deque([1]) < deque([2]))
d4 = deque([1,2,3,4]); del d4[1]; d4[0] = 9; print(d4, 3 in d4, list(reversed(d4)), bool(deque()))
d5 = deque(maxlen=2); d5.extend([1,2,3]); d5.appendleft(0); print(d5)
print(deque([1,2,3], 2), type(deque()), deque.__name__)
d6 = deque(range(20)); 
for i in range(15): d6.append(d6.popleft() * 2)
print(d6, len(d6), d6[0], d6[-1])
d6.insert(3, 'x'); d6.reverse(); print(d6)
import copy; print(copy.copy(d6) == d6)
