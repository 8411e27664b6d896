using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace MiniPy.Tests;

/// <summary>Timing-sensitive tests run alone, after the others, so that parallel tests do not steal their cores.</summary>
[CollectionDefinition("Timing", DisableParallelization = true)]
public sealed class TimingCollection { }

/// <summary>The GIL: hand-over latency, mutual exclusion seen in the trace, exact counts under contention.</summary>
[Collection("Timing")]
public sealed class GilTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>A thread that wakes every 1 ms while another spins in pure Python; prints the median and
    /// the worst lateness in milliseconds, at the default switch interval and after setswitchinterval(0.001).</summary>
    private const string LatencyProgram = """
        import sys, threading, time
        def measure(wakeups=150):
            stop = []
            def spin():
                x = 0
                while not stop:
                    x += 1
            lateness = []
            def sleeper():
                for _ in range(wakeups):
                    t0 = time.perf_counter()
                    time.sleep(0.001)
                    lateness.append(time.perf_counter() - t0 - 0.001)
            s = threading.Thread(target=spin)
            s.start()
            w = threading.Thread(target=sleeper)
            w.start()
            w.join(30)
            stop.append(True)
            s.join(30)
            lateness.sort()
            return lateness[len(lateness) // 2] * 1000
        print(sys.getswitchinterval(), measure())
        sys.setswitchinterval(0.001)
        print(sys.getswitchinterval(), measure())
        """;

    [Fact]
    public void A_sleeping_thread_runs_again_within_one_switch_interval_of_waking()
    {
        // The machines are shared: a burst of load from elsewhere can delay a whole measurement, so the
        // bound must hold in one of three measurements (each of 150 wake-ups per interval).
        var medians = new List<string>();
        for (int attempt = 0; attempt < 3; attempt++)
        {
            var result = TestHost.RunSource(LatencyProgram, _ => { }, Deadline);
            Assert.Equal(0, result.ExitCode);
            var lines = result.Stdout.Trim().Split('\n').Select(l => l.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
            Assert.Equal(0.005, lines[0][0]);
            Assert.Equal(0.001, lines[1][0]);
            medians.Add($"{lines[0][1]:F2} ms at 5 ms, {lines[1][1]:F2} ms at 1 ms");
            if (lines[0][1] <= 6.0 && lines[1][1] <= 2.0) return;
        }
        Assert.Fail("median wake-up latency over the bounds (6 ms at a 5 ms switch interval, 2 ms at 1 ms): " + string.Join("; ", medians));
    }

    [Fact]
    public void Lock_protected_increments_from_eight_threads_end_exact()
    {
        const string program = """
            import threading
            counter = 0
            lock = threading.Lock()
            def work():
                global counter
                for _ in range(10000):
                    with lock:
                        counter += 1
            threads = [threading.Thread(target=work) for _ in range(8)]
            for t in threads: t.start()
            for t in threads: t.join(30)
            print(counter, sum(t.is_alive() for t in threads))
            """;
        var result = TestHost.RunSource(program, o => o.CheckRefs = true, Deadline);
        Assert.Equal("80000 0\n", result.Stdout);
        Assert.Contains(" 0 mismatches", result.Stderr);
    }

    [Fact]
    public void Cpu_bound_threads_take_turns()
    {
        // Each thread counts for a while: with a working eval breaker both make progress, and both are
        // forced to hand the GIL over many times (the statistics say so).
        const string program = """
            import threading, time
            counts = [0, 0]
            def spin(i):
                end = time.monotonic() + 0.3
                while time.monotonic() < end:
                    counts[i] += 1
            threads = [threading.Thread(target=spin, args=(i,), name=f"spinner-{i}") for i in range(2)]
            for t in threads: t.start()
            for t in threads: t.join(30)
            print(min(counts) > 1000)
            """;
        var result = TestHost.RunSource(program, o => o.Stats = true, Deadline);
        Assert.Equal("True\n", result.Stdout);
        var forced = result.Stderr.Split('\n').Where(l => l.StartsWith("gil: thread=spinner-", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split("forced_switches=")[1].Split(' ')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, forced.Count);
        Assert.All(forced, f => Assert.True(f >= 5, $"only {f} forced switches in 0.3 s"));
    }

    private const string TracedProgram = """
        import threading, time, hashlib
        def cpu():
            x = 0
            for i in range(200000):
                x += i
        def blocking():
            for _ in range(5):
                time.sleep(0.002)
            hashlib.sha256(b"x" * 100000).hexdigest()
        threads = [threading.Thread(target=cpu, name="cpu-1"), threading.Thread(target=cpu, name="cpu-2"),
                   threading.Thread(target=blocking, name="sleeper")]
        for t in threads: t.start()
        for t in threads: t.join(30)
        print("done")
        """;

    [Fact]
    public void Trace_file_is_trace_event_json_and_shows_one_holder_at_a_time()
    {
        var path = Path.Combine(Path.GetTempPath(), $"minipy-trace-{Guid.NewGuid():N}.json");
        try
        {
            var result = TestHost.RunSource(TracedProgram, o => o.TracePath = path, Deadline);
            Assert.Equal("done\n", result.Stdout);
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var events = doc.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
            var names = events.Where(e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "thread_name")
                .ToDictionary(e => e.GetProperty("tid").GetInt32(), e => e.GetProperty("args").GetProperty("name").GetString()!);
            Assert.Contains("MainThread", names.Values);
            Assert.Contains("cpu-1", names.Values);
            Assert.Contains("sleeper", names.Values);
            var complete = events.Where(e => e.GetProperty("ph").GetString() == "X").ToList();
            Assert.NotEmpty(complete);
            foreach (var e in complete)
            {
                Assert.Equal("gil", e.GetProperty("cat").GetString());
                Assert.True(e.GetProperty("dur").GetDouble() >= 0);
                Assert.True(names.ContainsKey(e.GetProperty("tid").GetInt32()), "every thread is named");
            }
            var kinds = complete.Select(e => e.GetProperty("name").GetString()).ToHashSet();
            Assert.Contains("running (holds GIL)", kinds);
            Assert.Contains("waiting for GIL", kinds);
            Assert.Contains("blocked (GIL released)", kinds);
            // The GIL is exclusive: no two running intervals overlap.
            var running = complete.Where(e => e.GetProperty("name").GetString() == "running (holds GIL)")
                .Select(e => (Start: e.GetProperty("ts").GetDouble(), End: e.GetProperty("ts").GetDouble() + e.GetProperty("dur").GetDouble()))
                .OrderBy(i => i.Start).ToList();
            for (int i = 1; i < running.Count; i++)
                Assert.True(running[i].Start >= running[i - 1].End - 0.2, $"running intervals overlap at {running[i].Start} us");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Trace_file_with_an_svg_name_is_a_picture()
    {
        var path = Path.Combine(Path.GetTempPath(), $"minipy-trace-{Guid.NewGuid():N}.svg");
        try
        {
            var result = TestHost.RunSource(TracedProgram, o => o.TracePath = path, Deadline);
            Assert.Equal("done\n", result.Stdout);
            var svg = XDocument.Parse(File.ReadAllText(path));
            XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.Equal(ns + "svg", svg.Root!.Name);
            var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
            Assert.Contains("cpu-2", texts);
            var colours = svg.Descendants(ns + "rect").Select(r => (string?)r.Attribute("fill")).ToHashSet();
            Assert.Contains("#2e9e44", colours); // running
            Assert.Contains("#d9534f", colours); // waiting
        }
        finally { File.Delete(path); }
    }
}
