using System;
using Xunit;

namespace MiniPy.Tests;

/// <summary>Coroutines and asyncio: the language forms, cancellation, deep awaits, many tasks, and the bridge
/// to threads, with the GIL and without it, under the reference checker.</summary>
public sealed class AsyncTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static RunResult Run(string program, bool gil) =>
        TestHost.RunSource(program, o => { o.Gil = gil; o.CheckRefs = true; }, Deadline);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Async_with_async_for_and_async_generators_work_without_an_event_loop(bool gil)
    {
        const string program = """
            class Step:
                def __await__(self):
                    return (yield "step")
            class Manager:
                async def __aenter__(self):
                    print("enter")
                    return "value"
                async def __aexit__(self, t, e, tb):
                    print("exit", t.__name__ if t else None)
                    return True
            class Count:
                def __init__(self):
                    self.i = 0
                def __aiter__(self):
                    return self
                async def __anext__(self):
                    self.i += 1
                    if self.i > 2:
                        raise StopAsyncIteration
                    return self.i
            async def numbers():
                for i in range(3):
                    await Step()
                    yield i * 10
            async def main():
                async with Manager() as v:
                    print("body", v)
                    raise KeyError("swallowed")
                out = [x async for x in Count()]
                async for x in numbers():
                    out.append(x)
                return out
            c = main()
            steps = 0
            try:
                while True:
                    assert c.send(None) == "step"
                    steps += 1
            except StopIteration as e:
                print(e.value, steps)
            """;
        var result = Run(program, gil);
        Assert.Equal("enter\nbody value\nexit KeyError\n[1, 2, 0, 10, 20] 3\n", result.Stdout);
        Assert.Contains(" 0 mismatches", result.Stderr);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Cancelling_a_task_runs_its_finally_blocks_and_raises_CancelledError_in_the_awaiter(bool gil)
    {
        const string program = """
            import asyncio
            async def worker(log):
                try:
                    await asyncio.sleep(10)
                except asyncio.CancelledError:
                    log.append("worker saw CancelledError")
                    raise
                finally:
                    log.append("worker finally")
            async def main():
                log = []
                t = asyncio.create_task(worker(log))
                await asyncio.sleep(0)
                t.cancel()
                try:
                    await t
                except asyncio.CancelledError:
                    log.append("awaiter got CancelledError")
                print(log, t.cancelled())
            asyncio.run(main())
            """;
        var result = Run(program, gil);
        Assert.Equal("['worker saw CancelledError', 'worker finally', 'awaiter got CancelledError'] True\n", result.Stdout);
        Assert.Contains(" 0 mismatches", result.Stderr);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_coroutine_awaited_100000_levels_deep_raises_RecursionError(bool gil)
    {
        const string program = """
            import asyncio
            async def deep(n):
                if n == 0:
                    return 0
                return 1 + await deep(n - 1)
            async def main():
                try:
                    await deep(100000)
                except RecursionError as e:
                    print("RecursionError:", e)
                print(await deep(500))
            asyncio.run(main())
            """;
        var result = TestHost.RunSource(program, o => o.Gil = gil, Deadline);
        Assert.Equal("RecursionError: maximum recursion depth exceeded\n500\n", result.Stdout);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Ten_thousand_tasks_yielding_ten_times_complete(bool gil)
    {
        const string program = """
            import asyncio
            done = 0
            async def tick():
                global done
                for _ in range(10):
                    await asyncio.sleep(0)
                done += 1
            async def main():
                await asyncio.gather(*(tick() for _ in range(10000)))
            asyncio.run(main())
            print(done)
            """;
        var result = Run(program, gil);
        Assert.Equal("10000\n", result.Stdout);
        Assert.Contains(" 0 mismatches", result.Stderr);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void to_thread_and_timeouts_bridge_to_real_threads(bool gil)
    {
        const string program = """
            import asyncio, threading, time
            def blocking(x):
                time.sleep(0.05)
                return x * 2, threading.current_thread() is not threading.main_thread()
            async def slow():
                await asyncio.sleep(5)
            async def main():
                print(await asyncio.gather(asyncio.to_thread(blocking, 1), asyncio.to_thread(blocking, 2)))
                print(await asyncio.get_running_loop().run_in_executor(None, blocking, 3))
                try:
                    await asyncio.wait_for(slow(), timeout=0.05)
                except TimeoutError:
                    print("timed out")
                q = asyncio.Queue()
                ev = asyncio.Event()
                async def producer():
                    for i in range(3):
                        await q.put(i)
                    ev.set()
                asyncio.create_task(producer())
                await ev.wait()
                print([q.get_nowait() for _ in range(3)])
            asyncio.run(main())
            """;
        var result = Run(program, gil);
        Assert.Equal("[(2, True), (4, True)]\n(6, True)\ntimed out\n[0, 1, 2]\n", result.Stdout);
        Assert.Contains(" 0 mismatches", result.Stderr);
    }
}
