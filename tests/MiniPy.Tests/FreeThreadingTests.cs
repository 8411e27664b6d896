using System;
using MiniPy.Hosting;
using MiniPy.Memory;
using Xunit;

namespace MiniPy.Tests;

/// <summary>The free-threaded mode (--gil off): containers stay exact under contention, counts stay right
/// under both thread-safe schemes, and __del__ runs exactly once whoever drops the last reference.</summary>
public sealed class FreeThreadingTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static RunResult RunFreeThreaded(string program, RefCountScheme scheme) =>
        TestHost.RunSource(program, o => { o.Gil = false; o.RefCount = scheme; o.CheckRefs = true; }, Deadline);

    private static void AssertNoMismatch(RunResult result) => Assert.Contains(" 0 mismatches", result.Stderr);

    [Theory]
    [InlineData(RefCountScheme.Biased)]
    [InlineData(RefCountScheme.Atomic)]
    public void Four_threads_appending_to_one_list_lose_nothing(RefCountScheme scheme)
    {
        const string program = """
            import sys, threading
            shared = []
            def work():
                for i in range(100000):
                    shared.append(i)
            threads = [threading.Thread(target=work) for _ in range(4)]
            for t in threads: t.start()
            for t in threads: t.join(60)
            print(sys._is_gil_enabled(), len(shared), sum(shared) == 4 * sum(range(100000)))
            """;
        var result = RunFreeThreaded(program, scheme);
        Assert.Equal("False 400000 True\n", result.Stdout);
        AssertNoMismatch(result);
    }

    [Theory]
    [InlineData(RefCountScheme.Biased)]
    [InlineData(RefCountScheme.Atomic)]
    public void Concurrent_writers_and_readers_on_a_dict_and_a_set_end_exact(RefCountScheme scheme)
    {
        const string program = """
            import threading
            d = {}
            s = set()
            errors = []
            def writer(base):
                try:
                    for i in range(15000):
                        k = base + i
                        d[k] = k * 2
                        s.add(k)
                        if i % 3 == 0:
                            del d[k]
                            s.discard(k)
                except Exception as e:
                    errors.append(repr(e))
            def reader():
                try:
                    for _ in range(15):
                        for k in list(d):
                            v = d.get(k)
                            if v is not None and v != k * 2:
                                errors.append("wrong value")
                        for k in sorted(s)[:100]:
                            _ = k in s, k in d
                        _ = len(d) + len(s)
                except Exception as e:
                    errors.append(repr(e))
            threads = [threading.Thread(target=writer, args=(b,)) for b in (0, 100000, 200000)]
            threads += [threading.Thread(target=reader) for _ in range(2)]
            for t in threads: t.start()
            for t in threads: t.join(60)
            expected = {b + i for b in (0, 100000, 200000) for i in range(15000) if i % 3 != 0}
            print(errors, set(d) == expected, s == expected, all(d[k] == k * 2 for k in d))
            """;
        var result = RunFreeThreaded(program, scheme);
        Assert.Equal("[] True True True\n", result.Stdout);
        AssertNoMismatch(result);
    }

    [Theory]
    [InlineData(RefCountScheme.Biased)]
    [InlineData(RefCountScheme.Atomic)]
    public void Objects_passed_between_threads_are_finalised_exactly_once(RefCountScheme scheme)
    {
        const string program = """
            import threading, queue
            deleted = []
            class Item:
                def __init__(self, n):
                    self.n = n
                    self.payload = [n, str(n)]
                def __del__(self):
                    # No lock here: a finaliser may run at any safe point of any thread (even one that
                    # holds that lock); list.append is atomic on its own.
                    deleted.append(self.n)
            first, second = queue.Queue(), queue.Queue()
            def producer():
                for i in range(2000):
                    first.put(Item(i))
                first.put(None)
            def relay():
                while True:
                    item = first.get()
                    second.put(item)
                    if item is None:
                        return
                    del item
            total = []
            def consumer():
                n = 0
                while True:
                    item = second.get()
                    if item is None:
                        break
                    n += item.n
                    del item
                total.append(n)
            threads = [threading.Thread(target=f) for f in (producer, relay, consumer)]
            for t in threads: t.start()
            for t in threads: t.join(60)
            print(total, len(deleted), sorted(deleted) == list(range(2000)))
            """;
        var result = RunFreeThreaded(program, scheme);
        Assert.Equal("[1999000] 2000 True\n", result.Stdout);
        AssertNoMismatch(result);
    }

    [Theory]
    [InlineData(RefCountScheme.Biased)]
    [InlineData(RefCountScheme.Atomic)]
    public void Closure_cells_shared_by_threads_keep_their_counts(RefCountScheme scheme)
    {
        // nonlocal updates race (the total may come out short, as in CPython), but no count may go wrong.
        const string program = """
            import threading
            def make():
                value = 0
                names = ["a"]
                def bump(n):
                    nonlocal value, names
                    for i in range(n):
                        value += 1
                        names = [str(i)]
                        _ = names[0]
                return bump, lambda: value
            bump, get = make()
            threads = [threading.Thread(target=bump, args=(30000,)) for _ in range(4)]
            for t in threads: t.start()
            for t in threads: t.join(60)
            print(0 < get() <= 120000)
            """;
        var result = RunFreeThreaded(program, scheme);
        Assert.Equal("True\n", result.Stdout);
        AssertNoMismatch(result);
    }

    [Fact]
    public void Plain_counting_without_the_gil_is_refused_unless_unsafe()
    {
        var refused = Assert.Throws<NotSupportedException>(() => new MiniPyRuntime(new RuntimeOptions { Gil = false, RefCount = RefCountScheme.Plain }));
        Assert.Contains("--unsafe", refused.Message);
        var runtime = new MiniPyRuntime(new RuntimeOptions { Gil = false, RefCount = RefCountScheme.Plain, Unsafe = true });
        Assert.Equal(RefCountScheme.Plain, runtime.Options.Scheme);
        Assert.Equal(RefCountScheme.Biased, new RuntimeOptions { Gil = false }.Scheme);
        Assert.Equal(RefCountScheme.Plain, new RuntimeOptions().Scheme);
    }
}
