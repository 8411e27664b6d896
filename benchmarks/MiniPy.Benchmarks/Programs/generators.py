# Generator pipelines and closures.
def source(n):
    for i in range(n):
        yield i
def double(it):
    for v in it:
        yield v * 2
def make_total():
    total = 0
    def add(v):
        nonlocal total
        total += v
        return total
    return add
add = make_total()
last = 0
for v in double(source(30000)):
    last = add(v)
print(last)
