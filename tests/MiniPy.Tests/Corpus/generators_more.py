# Generators: pipelines, send/throw/close, yield from with return values, generator expressions.
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
def naturals(start=0):
    while True:
        yield start
        start += 1
def evens(it):
    return (x for x in it if x % 2 == 0)
print(list(take(5, evens(naturals()))), list(take(3, naturals(10))))
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value
acc = accumulator()
print(next(acc), acc.send(5), acc.send(10))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)
def delegator():
    result = yield from accumulator()
    yield f"inner returned {result}"
d = delegator()
print(next(d), d.send(1), d.send(2), d.send(None))
def guarded():
    try:
        yield "start"
        yield "middle"
    except ValueError as e:
        yield f"handled {e}"
    finally:
        print("guarded cleanup")
g = guarded()
print(next(g), g.throw(ValueError("boom")))
g.close()
g2 = guarded()
print(next(g2))
g2.close()
print("closed g2")
def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))
gen = (i * i for i in range(5))
print(next(gen), list(gen), list(gen))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

print([x for _, x in zip(range(10), fib())])
def counter():
    n = yield
    while True:
        n = yield n * 2
c = counter()
next(c)
print([c.send(i) for i in range(4)])
print(sum(x for x in range(100) if x % 7 == 0), any(x > 3 for x in [1, 5]), all(x for x in []))
def lazy_print():
    for i in range(3):
        print("producing", i)
        yield i
for v in lazy_print():
    print("consuming", v)
def walk(tree, depth=0):
    yield depth, tree[0]
    for child in tree[1]:
        yield from walk(child, depth + 1)
for depth, name in walk(("root", [("a", [("a1", [])]), ("b", [])])):
    print("  " * depth + name)
def relay():
    got = yield from inner_values()
    yield got
def inner_values():
    yield 1
    yield 2
    return "done"
for v in relay():
    print("relay", v)
