class Fut:
    def __init__(self): self.v = None
    def __await__(self):
        x = yield self
        return x
async def inner(n):
    r = await Fut()
    return r + n
async def outer():
    try:
        a = await inner(1)
        b = await inner(2)
        return a + b
    finally:
        print("finally outer")
c = outer()
print(type(c).__name__)
y = c.send(None); print(type(y).__name__)
y = c.send(10); print(type(y).__name__)
try:
    c.send(20)
except StopIteration as e:
    print("result", e.value)
class ACM:
    async def __aenter__(self):
        print("enter"); return "v"
    async def __aexit__(self, t, e, tb):
        print("exit", t.__name__ if t else None); return True
class AIt:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3: raise StopAsyncIteration
        return self.i
async def agen():
    for i in range(3):
        yield i * 10
        await Fut()
async def main():
    async with ACM() as v:
        print("body", v)
        raise KeyError("x")
    out = []
    async for x in AIt():
        out.append(x)
    else:
        out.append("else")
    async for x in agen():
        out.append(x)
    print(out)
    return "done"
c = main()
try:
    v = c.send(None)
    while True:
        v = c.send(None)
except StopIteration as e:
    print(e.value)
async def deep(n):
    if n == 0: return 0
    return 1 + await deep(n - 1)
try:
    deep(100000).send(None)
except RecursionError as e:
    print("RecursionError", e)
def cancel_test():
    async def w():
        try:
            await Fut()
        finally:
            print("w finally")
    async def top():
        try:
            await w()
        except KeyError:
            print("top caught")
            raise
    c = top()
    c.send(None)
    try:
        c.throw(KeyError("cancel"))
    except KeyError as e:
        print("propagated", e)
cancel_test()
