using System;
using System.Collections.Generic;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Interpreters;

/// <summary>
/// Runs code in another interpreter on the calling OS thread, as CPython switches thread states: the
/// caller's GIL is released, the thread gets a thread state in the target and takes the target's GIL,
/// and on the way back the reverse. Only shared data (<see cref="CrossInterpreterData"/>) and
/// <see cref="ExceptionSnapshot"/>s come back out; no object of one interpreter reaches the other.
/// </summary>
internal static class InterpreterEntry
{
    /// <summary>Calls <paramref name="body"/> with a thread state of <paramref name="target"/>. The body must
    /// catch Python exceptions itself; a .NET exception from it becomes a SystemError in the caller.</summary>
    public static TResult Run<TState, TResult>(ThreadState caller, Interpreter target, TState state, Func<ThreadState, TState, TResult> body)
    {
        if (target.IsClosed) throw InterpreterErrors.Raise(caller, InterpreterErrorKind.InterpreterNotFoundError, $"unrecognized interpreter ID {target.Id}");
        if (!target.TryStartRunning()) throw InterpreterErrors.Raise(caller, InterpreterErrorKind.InterpreterError, "interpreter already running");
        caller.BeginBlocking();
        Exception? internalError = null;
        TResult result = default!;
        try
        {
            var ts = target.CreateThreadState();
            ts.Ident = Environment.CurrentManagedThreadId;
            target.Gil.Acquire(ts);
            try { result = body(ts, state); }
            catch (Exception e) when (e is not OutOfMemoryException && e is not PyException)
            {
                internalError = e;
            }
            finally
            {
                target.RemoveThreadState(ts, keepSummary: false);
                target.Gil.Release(ts, forced: false);
            }
        }
        finally
        {
            target.StopRunning();
            caller.EndBlocking();
        }
        if (internalError is not null)
            throw Err.Make(Types.SystemError, caller.Interp.Options.Debug ? internalError.ToString() : $"internal error in interpreter {target.Id}: {internalError.GetType().Name}: {internalError.Message}");
        return result;
    }

    /// <summary>Runs source text (a string) or a <see cref="SharedCallable"/> without arguments in the target's
    /// __main__; returns null, or the exception that escaped.</summary>
    public static ExceptionSnapshot? Exec(ThreadState caller, Interpreter target, object work) =>
        Run(caller, target, work, static (ts, work) =>
        {
            try
            {
                var main = ts.Interp.EnsureMainModule(ts);
                if (work is string text)
                {
                    // A script (not a one-liner made on the fly) goes through the code cache: a pool runs the
                    // same script in every new interpreter, and the first parse in a process is the serial
                    // part of its start. A few per process, so generated code cannot fill the cache folder.
                    var code = text.Length >= 64 && text.Contains('\n') && ts.Interp.Registry.TryTakeExecCacheSlot()
                        ? CodeCache.Compile(ts, "<string>", text, "<string>")
                        : ScriptRunner.Compile(ts, text, "<string>");
                    Rc.Decref(ts, ScriptRunner.RunCode(ts, code, main.Dict, main.Dict));
                }
                else
                {
                    var function = ((SharedCallable)work).Materialize(ts);
                    try { Rc.Decref(ts, Ops.Call0(ts, function)); }
                    finally { Rc.Decref(ts, function); }
                }
                return null;
            }
            catch (PyException e)
            {
                return ExceptionSnapshot.Capture(ts, e);
            }
        });

    /// <summary>interpreters.Interpreter.close(): finalises <paramref name="target"/> and forgets it.</summary>
    public static void Close(ThreadState caller, Interpreter target)
    {
        if (target.IsMain) throw InterpreterErrors.Raise(caller, InterpreterErrorKind.InterpreterError, "cannot close the main interpreter");
        if (target == caller.Interp) throw InterpreterErrors.Raise(caller, InterpreterErrorKind.InterpreterError, "cannot close the current interpreter");
        if (target.IsClosed) return;
        var leaks = Run(caller, target, 0, static (ts, _) => ts.Interp.Finalize(ts));
        if (leaks.Count > 0) caller.Interp.Stderr.Write(caller, LeakReport(target, leaks));
    }

    /// <summary>At process exit: closes every interpreter still open that is not running; returns the
    /// checker's reports about objects they left alive.</summary>
    public static List<string> CloseAll(ThreadState main)
    {
        var reports = new List<string>();
        foreach (var interp in main.Interp.Registry.All())
        {
            if (interp.IsMain || interp.IsClosed || interp.IsRunning) continue;
            try
            {
                var leaks = Run(main, interp, 0, static (ts, _) => ts.Interp.Finalize(ts));
                if (leaks.Count > 0) reports.Add(LeakReport(interp, leaks));
            }
            catch (PyException e)
            {
                Rc.Decref(main, e.Value);
            }
        }
        return reports;
    }

    private static string LeakReport(Interpreter interp, List<PyObject> alive)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var o in alive) names.Add(o.Type.Name);
        return $"check-refs: interpreter {interp.Id}: {alive.Count} objects still alive after close ({string.Join(", ", names)})\n";
    }
}
