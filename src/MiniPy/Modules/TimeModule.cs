using System;
using System.Diagnostics;
using System.Threading;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>The time module.</summary>
internal static class TimeModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule(ts, "time");
        void Def(string name, NativeFn fn) => m.Dict.SetStrOwned(ts, ts.Interp.Intern(name), new PyBuiltinFunction(name, fn));
        Def("time", (ThreadState ts, PyObject? s, in Args a) => new PyFloat(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 + (DateTime.UtcNow.Ticks % 10000) / 1e7));
        Def("time_ns", (ThreadState ts, PyObject? s, in Args a) => ts.NewInt((DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100));
        Def("perf_counter", (ThreadState ts, PyObject? s, in Args a) => new PyFloat(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency));
        Def("perf_counter_ns", (ThreadState ts, PyObject? s, in Args a) => ts.NewInt((long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency))));
        Def("monotonic", (ThreadState ts, PyObject? s, in Args a) => new PyFloat(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency));
        Def("monotonic_ns", (ThreadState ts, PyObject? s, in Args a) => ts.NewInt((long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency))));
        Def("process_time", (ThreadState ts, PyObject? s, in Args a) => new PyFloat(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds));
        Def("sleep", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("sleep", 1, 1);
            double secs = Ops.AsDouble(ts, a[0]);
            if (secs < 0) throw Err.ValueError("sleep length must be non-negative");
            var guard = ts.Guard;
            ts.BeginBlocking();
            try
            {
                if (guard is null) Thread.Sleep(TimeSpan.FromSeconds(secs));
                else
                {
                    // Under a host's limits: sleep in slices, so a timeout or a cancellation stops the sleeper.
                    var until = DateTime.UtcNow + TimeSpan.FromSeconds(secs);
                    for (var left = until - DateTime.UtcNow; left > TimeSpan.Zero && !guard.ShouldStop; left = until - DateTime.UtcNow)
                        Thread.Sleep(left < TimeSpan.FromMilliseconds(5) ? left : TimeSpan.FromMilliseconds(5));
                }
            }
            finally { ts.EndBlocking(); }
            guard?.Check();
            return Types.None;
        });
        Def("strftime", (ThreadState ts, PyObject? s, in Args a) =>
        {
            var fmt = Ops.StrString(ts, a[0]);
            var now = DateTime.Now;
            var r = fmt.Replace("%Y", now.ToString("yyyy")).Replace("%m", now.ToString("MM")).Replace("%d", now.ToString("dd"))
                .Replace("%H", now.ToString("HH")).Replace("%M", now.ToString("mm")).Replace("%S", now.ToString("ss"));
            return new PyStr(r);
        });
        if (!Capabilities.Allows(ts, Hosting.ScriptCapabilities.Clock))
            Capabilities.Deny(ts, m, Hosting.ScriptCapabilities.Clock, "time", "time_ns", "perf_counter", "perf_counter_ns", "monotonic",
                "monotonic_ns", "process_time", "sleep", "strftime");
        return m;
    }
}
