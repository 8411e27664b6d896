# Calls: every parameter kind, closures, recursion, generators used as arguments.
def describe(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, sorted(kw.items()))
print(describe(1, d=4))
print(describe(1, 2, 3, 4, 5, d=6, z=7, y=8))
print(describe(*[1, 2], d=0, **{"e": 9, "f": 10}))
def make_counter(step=1):
    count = 0
    def counter():
        nonlocal count
        count += step
        return count
    return counter
c1, c2 = make_counter(), make_counter(10)
print(c1(), c1(), c2(), c1(), c2())
def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3), [ackermann(1, n) for n in range(4)])
def gen_squares(n):
    for i in range(n):
        yield i * i
print(sum(gen_squares(10)), list(gen_squares(4)), max(gen_squares(6)), sorted(gen_squares(3), reverse=True))
def kw_only(*, x, y=0):
    return x - y
print(kw_only(x=5), kw_only(y=1, x=5))
try:
    kw_only(5)
except TypeError as e:
    print("TypeError:", e)
try:
    describe()
except TypeError as e:
    print("TypeError:", e)
try:
    make_counter(1, 2)
except TypeError as e:
    print("TypeError:", e)
def outer():
    values = []
    def add(v):
        values.append(v)
        return len(values)
    add(1); add(2)
    return values, add.__name__, add.__qualname__
print(outer())
def defaults_eval(x=[]):
    x.append(len(x))
    return x
print(defaults_eval(), defaults_eval(), defaults_eval([9]))
print((lambda *a, **k: (a, k))(1, 2, z=3), (lambda: "no args")())
def rec_sum(lst):
    return 0 if not lst else lst[0] + rec_sum(lst[1:])
print(rec_sum(list(range(100))))
def doc_example():
    """Returns its own docstring."""
    return doc_example.__doc__
print(doc_example(), describe.__name__, callable(describe))
