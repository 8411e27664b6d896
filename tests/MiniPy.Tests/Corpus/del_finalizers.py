# __del__ timing: deterministic finalisation as in CPython.
class Tracker:
    log = []
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def make_and_drop():
    a = Tracker("local")
    print("inside function")
make_and_drop()
print("after function")
x = Tracker("x")
y = x
x = None
print("x rebound")
y = None
print("y rebound")
lst = [Tracker("l0"), Tracker("l1"), Tracker("l2")]
del lst[1]
print("deleted middle")
lst = lst[:1]
print("sliced")
d = {"k": Tracker("dict value")}
d.pop("k")
print("popped")
class Holder:
    def __init__(self):
        self.child = Tracker("child")
h = Holder()
h.child = Tracker("new child")
print("replaced child")
del h
print("holder deleted")
t = (Tracker("in tuple"),)
t = None
print("tuple gone")
def gen():
    r = Tracker("gen local")
    yield 1
    yield 2
g = gen()
next(g)
g = None
print("generator dropped")
temp = [Tracker(str(i)) for i in range(3)]
temp.clear()
print("cleared")
print("end")
