import asyncio
async def ok(n):
    await asyncio.sleep(0)
    return n * 2
async def bad():
    await asyncio.sleep(0)
    raise ValueError("boom")
async def slow(log):
    try:
        await asyncio.sleep(10)
    finally:
        log.append("slow cancelled")
async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(ok(1))
        t2 = tg.create_task(ok(2))
    print(t1.result(), t2.result())
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow(log))
            tg.create_task(bad())
    except Exception as eg:
        print(type(eg).__name__, eg, [type(e).__name__ for e in eg.exceptions], log)
    print(asyncio.iscoroutinefunction(ok), asyncio.iscoroutinefunction(print))
asyncio.run(main())
