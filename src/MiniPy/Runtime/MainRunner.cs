using System;
using System.Collections.Generic;
using System.IO;
using MiniPy.Compiler;
using MiniPy.Interpreters;
using MiniPy.Objects;

namespace MiniPy.Runtime;

/// <summary>Runs a program as the __main__ module, with CPython's exit codes and reports.</summary>
internal static class MainRunner
{
    public static int RunSource(Interpreter interp, string source, string filename)
    {
        var ts = interp.MainThread;
        var main = new PyModule(ts, "__main__");
        main.Dict.SetStr(ts, Types.Strs.Builtins, interp.BuiltinsModule);
        if (filename != "<string>" && filename != "<stdin>")
            main.Dict.SetStrOwned(ts, Types.Strs.File, new PyStr(filename));
        interp.Modules.SetStr(ts, Types.Strs.Main, main);
        interp.MainModule = main;
        PyBaseException? uncaught = null;
        try
        {
            // Files are compiled through the code cache; -c and stdin programs are compiled afresh.
            var code = filename is "<string>" or "<stdin>" ? ScriptRunner.Compile(ts, source, filename)
                : CodeCache.Compile(ts, System.IO.Path.GetFileName(filename), source, filename);
            Rc.Decref(ts, ScriptRunner.RunCode(ts, code, main.Dict, main.Dict));
        }
        catch (PyException e)
        {
            uncaught = e.Value;
        }
        catch (Exception e)
        {
            uncaught = Err.FromClr(ts, e);
        }
        int exitCode = 0;
        string? errorText = null;
        if (uncaught is not null)
        {
            if (uncaught.Type.IsSubtypeOf(Types.SystemExit)) exitCode = ExitCodeOf(ts, uncaught, out errorText);
            else
            {
                exitCode = 1;
                errorText = uncaught.Type.IsSubtypeOf(Types.SyntaxError) && uncaught.Traceback is null && uncaught.Dict?.GetItemOrNull(interp.Intern("filename")) is not null
                    ? ScriptRunner.FormatSyntaxError(ts, uncaught)
                    : TracebackPrinter.Format(ts, uncaught);
            }
        }
        WaitForThreads(ts);
        // Closing the process closes every interpreter the program left open.
        var closeReports = InterpreterEntry.CloseAll(ts);
        // Objects other threads handed back to this one are merged (and freed) before anything is counted.
        ts.MergeQueuedObjects();
        // Daemon threads still running stop at their next attempt to take the GIL.
        interp.Gil.Close(ts, interp.Threads());
        interp.Flush();
        var reports = closeReports;
        if (interp.RefChecker is not null)
        {
            var report = interp.RefChecker.Check(ts, uncaught is null ? null : new PyObject[] { uncaught });
            reports.Add(report.Text);
        }
        if (uncaught is not null) Rc.Decref(ts, uncaught);
        ClearMainModule(ts, main);
        if (ts.Stats is not null)
        {
            reports.Add(StatsReport(interp, ts));
            var (created, puts, gets) = interp.Registry.Stats();
            if (created > 1 || puts > 0) reports.Add($"interpreters: created={created} queue_puts={puts} queue_gets={gets}\n");
            if (interp.Gil.Enabled) reports.Add(GilReport(interp));
        }
        if (interp.Options.TracePath is { } tracePath)
        {
            try
            {
                if (interp.Gil.Trace is { } trace) trace.Write(tracePath);
                else reports.Add("minipy: --trace records the GIL; with --gil off there is none, so no trace was written\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                reports.Add($"minipy: cannot write trace '{tracePath}': {e.Message}\n");
            }
        }
        interp.Flush();
        foreach (var r in reports) interp.Stderr.Write(r);
        if (errorText is not null) interp.Stderr.Write(errorText);
        interp.Flush();
        return exitCode;
    }

    /// <summary>threading._shutdown(): the interpreter waits for non-daemon threads before it finalises.</summary>
    public static void WaitForThreads(ThreadState ts)
    {
        var threading = ts.Interp.Modules.GetItemOrNull(ts.Interp.Intern("threading"));
        if (threading is null) return;
        try { Rc.Decref(ts, Ops.CallMethod(ts, threading, "_shutdown", ReadOnlySpan<PyObject>.Empty)); }
        catch (PyException e)
        {
            ts.Interp.Stderr.Write("Exception ignored on threading shutdown:\n" + TracebackPrinter.Format(ts, e.Value));
            Rc.Decref(ts, e.Value);
        }
    }

    /// <summary>The reference-counting figures of every thread, summed.</summary>
    private static string StatsReport(Interpreter interp, ThreadState main)
    {
        var s = new Memory.RcStats();
        s.Add(interp.TotalStats);
        s.Add(main.Stats!);
        var o = interp.Options;
        var line = $"stats: refcount={o.Scheme.ToString().ToLowerInvariant()} immortal={(o.Immortal ? "on" : "off")} gil={(o.Gil ? "on" : "off")} " +
                   $"increments={s.Increments} decrements={s.Decrements} immortal_skips={s.ImmortalSkips} " +
                   $"deallocations={s.Deallocations} freelist_reuses={s.FreeListReuses}";
        if (o.Scheme is Memory.RefCountScheme.Atomic or Memory.RefCountScheme.Biased)
            line += $" atomic_ops={s.AtomicOps}";
        if (o.Scheme == Memory.RefCountScheme.Biased)
            line += $" shared_increments={s.SharedIncrements} shared_decrements={s.SharedDecrements} queued={s.Queued} merged={s.Merged}";
        if (!o.Gil)
            line += $" object_locks={s.LockAcquisitions} contended_object_locks={s.ContendedLockAcquisitions}";
        return line + "\n";
    }

    private static string GilReport(Interpreter interp)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var t in interp.GilSummaries())
            sb.Append($"gil: thread={t.Name} acquisitions={t.Acquisitions} forced_switches={t.ForcedSwitches} " +
                      $"voluntary_releases={t.VoluntaryReleases} wait_ms={t.WaitMs.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)}\n");
        return sb.ToString();
    }

    private static int ExitCodeOf(ThreadState ts, PyBaseException e, out string? message)
    {
        message = null;
        var code = e.Args.Count == 0 ? Types.None : e.Args.Items[0];
        if (code is PyNone) return 0;
        if (code is PyInt i) return (int)i.Value;
        message = Ops.StrString(ts, code) + "\n";
        return 1;
    }

    /// <summary>Clears the main module as CPython's finalisation does, so remaining __del__ methods run.</summary>
    public static void ClearMainModule(ThreadState ts, PyModule main)
    {
        try
        {
            var dict = main.Dict;
            var keys = new List<PyObject>();
            int pos = 0;
            while (dict.Next(ref pos, out var k, out _)) keys.Add(k);
            // Names starting with one underscore go first, then the rest (but not __builtins__).
            foreach (var pass in new[] { true, false })
            {
                foreach (var k in keys)
                {
                    if (k is not PyStr s || s.Value == "__builtins__") continue;
                    bool underscore = s.Value.StartsWith('_') && !s.Value.StartsWith("__", StringComparison.Ordinal);
                    if (underscore != pass) continue;
                    if (dict.GetItemOrNull(s) is null) continue;
                    dict.SetStr(ts, s, Types.None);
                }
            }
        }
        catch (PyException e)
        {
            Rc.Decref(ts, e.Value);
        }
        ts.Interp.Flush();
    }
}
