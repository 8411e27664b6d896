# Scope rules: globals, nonlocal chains, class scopes, comprehension scopes, shadowing and del.
x = "global x"
def read():
    return x
def shadow():
    x = "local x"
    def inner():
        return x
    return inner()
def modify():
    global x
    x = "modified"
print(read(), shadow())
modify()
print(read(), x)
def counter_chain():
    a = 0
    def level1():
        def level2():
            nonlocal a
            a += 1
            return a
        return level2
    f = level1()
    f(); f()
    return a
print(counter_chain())
class Config:
    debug = False
    level = 3
    levels = [i * 2 for i in range(3)]
    def show(self):
        return (self.debug, self.level, self.levels)
print(Config().show())
funcs = []
for i in range(3):
    funcs.append(lambda i=i: i * 10)
print([f() for f in funcs])
def late():
    fs = [lambda: j for j in range(3)]
    return [f() for f in fs]
print(late())
total = 0
def add_all(nums):
    global total
    for n in nums:
        total += n
add_all([1, 2, 3])
print(total)
def walrus_scope():
    data = [3, 8, 1]
    hits = [y for v in data if (y := v * 3) > 5]
    return hits, y
print(walrus_scope())
def deleter():
    v = 1
    del v
    try:
        return v
    except NameError as e:
        return type(e).__name__
print(deleter())
def outer_cell():
    val = "cell"
    class Inner:
        def get(self):
            return val
    return Inner().get()
print(outer_cell())
y = 5
def uses_before_assign():
    try:
        print(y)
    except UnboundLocalError as e:
        print("UnboundLocalError")
    y = 1
    return y
print(uses_before_assign())
print([i for i in range(3)], "i" in dir())
