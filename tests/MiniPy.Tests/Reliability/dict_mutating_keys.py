# __hash__ and __eq__ that change the dict being searched, or raise: the lookup restarts or fails cleanly.
class Evil:
    def __init__(self, v, d): self.v = v; self.d = d
    def __hash__(self): return hash(self.v)
    def __eq__(self, other):
        # mutates the dict being searched
        self.d.clear()
        for i in range(50): self.d[i] = i
        return False
d = {}
for i in range(8):
    d[Evil(1, d)] = i
print("inserted", len(d) >= 0)
try:
    print(Evil(1, d) in d)
except RuntimeError as e:
    print("RuntimeError", e)
class Changing:
    n = 0
    def __hash__(self):
        Changing.n += 1
        return Changing.n
    def __eq__(self, o): return self is o
s = set()
c = Changing()
s.add(c); s.add(c); s.add(c)
print(len(s), c in s)
class Raising:
    def __hash__(self): raise ValueError("no hash")
try:
    {Raising(): 1}
except ValueError as e:
    print("ValueError", e)
class EqRaise:
    def __hash__(self): return 1
    def __eq__(self, o): raise KeyError("eq")
d = {EqRaise(): 1}
try:
    d[EqRaise()]
except KeyError as e:
    print("KeyError", e)
print("done")
