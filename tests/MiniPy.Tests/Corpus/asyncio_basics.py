# asyncio programs whose output does not depend on timing: ordering comes from sleep(0) and events.
import asyncio
async def worker(name, log, n):
    for i in range(n):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)
    return name.upper()
async def fails():
    await asyncio.sleep(0)
    raise KeyError("k")
async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i * i
class Resource:
    async def __aenter__(self):
        print("open")
        return self
    async def __aexit__(self, *exc):
        print("close", exc[0].__name__ if exc[0] else None)
async def main():
    log = []
    print(await asyncio.gather(worker("a", log, 3), worker("b", log, 2)), log)
    print(await asyncio.gather(fails(), worker("c", [], 1), return_exceptions=True))
    print([x async for x in agen(4)], {k: v async for k, v in aiter_pairs()})
    async with Resource() as r:
        print("using", type(r).__name__)
    try:
        async with Resource():
            raise ValueError("inside")
    except ValueError as e:
        print("propagated", e)
    q = asyncio.Queue()
    done = asyncio.Event()
    async def consumer():
        out = []
        while True:
            item = await q.get()
            q.task_done()
            if item is None:
                break
            out.append(item)
        done.set()
        return out
    c = asyncio.create_task(consumer())
    for i in range(5):
        await q.put(i)
    await q.put(None)
    await q.join()
    await done.wait()
    print(await c, c.done(), c.result())
    t = asyncio.create_task(asyncio.sleep(100))
    await asyncio.sleep(0)
    print(t.cancel(), t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled())
    lock = asyncio.Lock()
    order = []
    async def critical(i):
        async with lock:
            order.append(("in", i))
            await asyncio.sleep(0)
            order.append(("out", i))
    await asyncio.gather(*(critical(i) for i in range(3)))
    print(order)
    return "finished"
async def aiter_pairs():
    for k in "xy":
        await asyncio.sleep(0)
        yield k, ord(k)
print(asyncio.run(main()))
