using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using MiniPy.Interpreters;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Hosting;

/// <summary>
/// One interpreter of a <see cref="MiniPyRuntime"/>: the main one, or an isolated one from
/// <see cref="MiniPyRuntime.CreateInterpreter"/>. Its globals are those of its <c>__main__</c> module and
/// persist between calls. Values are converted as <see cref="ValueConverter"/> describes: null, bool,
/// integers, BigInteger, floating point, string, byte[], lists, dictionaries, tuples and delegates go in;
/// None, bool, long, BigInteger, double, string, byte[], List&lt;object?&gt;, Dictionary&lt;object, object?&gt;
/// and object?[] come out, and anything else as a <see cref="MiniPyObject"/> handle.
/// Thread-safety: every member may be called from any thread, concurrently. Each call runs on the
/// calling thread with a thread state of its own; with the GIL on, calls into one interpreter take turns
/// (as Python threads do), without it they run in parallel. A call made from inside a callback (a
/// delegate the script called) re-enters on the same thread.
/// </summary>
public sealed class MiniPyInterpreter : IDisposable
{
    internal readonly Interpreter Interp;
    private readonly MiniPyRuntime _runtime;
    private readonly ThreadLocal<ThreadState?> _active = new();
    private readonly ConcurrentQueue<PyObject> _pendingReleases = new();

    internal MiniPyInterpreter(MiniPyRuntime runtime, Interpreter interp)
    {
        _runtime = runtime;
        Interp = interp;
        interp.HostView = this;
    }

    /// <summary>The interpreter's id (<c>interpreters.get_current().id</c>): 0 for the main one.</summary>
    public long Id => Interp.Id;

    /// <summary>True for the runtime's main interpreter.</summary>
    public bool IsMain => Interp.IsMain;

    /// <summary>Runs statements in <c>__main__</c>.</summary>
    public void Execute(string source, ExecutionLimits? limits = null) =>
        Run(limits, source, static (ts, source) =>
        {
            var main = ts.Interp.EnsureMainModule(ts);
            Rc.Decref(ts, ScriptRunner.RunString(ts, source, "<string>", main.Dict, main.Dict, isEval: false));
            return 0;
        });

    /// <summary>Runs a file's statements in <c>__main__</c> (the host reads the file, whatever the capabilities).</summary>
    public void ExecuteFile(string path, ExecutionLimits? limits = null)
    {
        var source = File.ReadAllText(path);
        var full = Path.GetFullPath(path);
        Run(limits, (source, full), static (ts, file) =>
        {
            var main = ts.Interp.EnsureMainModule(ts);
            ts.Interp.RememberSource(file.full, file.source);
            var code = ScriptRunner.Compile(ts, file.source, file.full);
            Rc.Decref(ts, ScriptRunner.RunCode(ts, code, main.Dict, main.Dict));
            return 0;
        });
    }

    /// <summary>The value of an expression, converted.</summary>
    public object? Evaluate(string expression, ExecutionLimits? limits = null) =>
        Run(limits, expression, (ts, expression) =>
        {
            var main = ts.Interp.EnsureMainModule(ts);
            var r = ScriptRunner.RunString(ts, expression, "<string>", main.Dict, main.Dict, isEval: true);
            return FromOwned(ts, r);
        });

    /// <summary>The value of an expression as a <typeparamref name="T"/> (InvalidCastException if it is not one).</summary>
    public T Evaluate<T>(string expression, ExecutionLimits? limits = null) =>
        (T)ValueConverter.ConvertTo(Evaluate(expression, limits), typeof(T))!;

    /// <summary>A global of <c>__main__</c>, converted; KeyNotFoundException if it is not set.</summary>
    public object? GetGlobal(string name) =>
        TryGetGlobal(name, out var value) ? value : throw new System.Collections.Generic.KeyNotFoundException($"name '{name}' is not defined");

    /// <summary>A global as a <typeparamref name="T"/>.</summary>
    public T GetGlobal<T>(string name) => (T)ValueConverter.ConvertTo(GetGlobal(name), typeof(T))!;

    /// <summary>A global of <c>__main__</c>, if it is set.</summary>
    public bool TryGetGlobal(string name, out object? value)
    {
        var (found, v) = Run(null, name, (ts, name) =>
        {
            var main = ts.Interp.EnsureMainModule(ts);
            var o = main.Dict.GetItemOrNull(ts.Interp.Intern(name));
            return o is null ? (false, null) : (true, ValueConverter.FromPython(ts, this, o));
        });
        value = v;
        return found;
    }

    /// <summary>Sets a global of <c>__main__</c> to the converted value (a delegate becomes a callable).</summary>
    public void SetGlobal(string name, object? value) =>
        Run(null, (name, value), (ts, item) =>
        {
            var main = ts.Interp.EnsureMainModule(ts);
            main.Dict.SetStrOwned(ts, ts.Interp.Intern(item.name), ValueConverter.ToPython(ts, this, item.value));
            return 0;
        });

    /// <summary>Calls the global function <paramref name="function"/> with converted arguments.</summary>
    public object? Call(string function, params object?[] args) => CallWithLimits(ExecutionLimits.None, function, args);

    /// <summary>Calls a global function and converts its result to <typeparamref name="T"/>.</summary>
    public T Call<T>(string function, params object?[] args) => (T)ValueConverter.ConvertTo(Call(function, args), typeof(T))!;

    /// <summary>Calls a global function under <paramref name="limits"/>.</summary>
    public object? CallWithLimits(ExecutionLimits limits, string function, params object?[] args) =>
        Run(limits, (function, args), (ts, call) =>
        {
            var main = ts.Interp.EnsureMainModule(ts);
            var callable = main.Dict.GetItemOrNull(ts.Interp.Intern(call.function))
                           ?? throw Err.NameError($"name '{call.function}' is not defined");
            return CallObject(ts, callable, call.args);
        });

    /// <summary>The C# value of a new reference, which it gives back.</summary>
    private object? FromOwned(ThreadState ts, PyObject r)
    {
        try { return ValueConverter.FromPython(ts, this, r); }
        finally { Rc.Decref(ts, r); }
    }

    internal object? Invoke(MiniPyObject handle, ExecutionLimits limits, object?[] args)
    {
        handle.ThrowIfDisposed();
        return Run(limits, (handle.Value, args), (ts, call) => CallObject(ts, call.Value, call.args));
    }

    internal object? GetAttribute(MiniPyObject handle, string name)
    {
        handle.ThrowIfDisposed();
        return Run(null, (handle.Value, name), (ts, item) =>
        {
            var r = Ops.GetAttr(ts, item.Value, ts.Interp.Intern(item.name));
            return FromOwned(ts, r);
        });
    }

    internal string Str(MiniPyObject handle)
    {
        handle.ThrowIfDisposed();
        return Run(null, handle.Value, static (ts, o) => Ops.StrString(ts, o));
    }

    private object? CallObject(ThreadState ts, PyObject callable, object?[] args)
    {
        var items = new PyObject[args.Length];
        PyTuple? tuple = null;
        try
        {
            for (int k = 0; k < items.Length; k++) items[k] = ValueConverter.ToPython(ts, this, args[k]);
            tuple = ts.NewTuple(items);
            var r = EvalHelpers.CallEx(ts, callable, tuple, null);
            return FromOwned(ts, r);
        }
        finally
        {
            if (tuple is not null) Rc.Decref(ts, tuple);
            else foreach (var item in items) Rc.XDecref(ts, item);
        }
    }

    /// <summary>Gives back a handle's reference (on the calling thread, entering the interpreter).</summary>
    internal void Release(PyObject o)
    {
        if (Interp.IsClosed) return;
        Run(null, o, static (ts, o) =>
        {
            Rc.Decref(ts, o);
            return 0;
        });
    }

    /// <summary>From a finalizer: the reference is given back at the next call.</summary>
    internal void ReleaseLater(PyObject o) => _pendingReleases.Enqueue(o);

    /// <summary>Closes an isolated interpreter (InvalidOperationException for the main one, or while it runs).</summary>
    public void Dispose()
    {
        if (Interp.IsMain || Interp.IsClosed) return;
        _runtime.Close(this);
    }

    /// <summary>Marks <paramref name="ts"/> as the thread state this thread runs a whole program with
    /// (RunFile, RunCommand, the REPL), so that callbacks re-enter it instead of waiting for the GIL it holds.</summary>
    internal void SetActive(ThreadState? ts) => _active.Value = ts;

    /// <summary>
    /// Runs <paramref name="body"/> in this interpreter on the calling thread: with a thread state of its own
    /// (or the one already active on this thread, for a call from a callback) and the GIL, under
    /// <paramref name="limits"/>. Python exceptions become <see cref="MiniPyException"/>s.
    /// </summary>
    internal TResult Run<TState, TResult>(ExecutionLimits? limits, TState state, Func<ThreadState, TState, TResult> body)
    {
        if (Interp.IsClosed) throw new ObjectDisposedException(nameof(MiniPyInterpreter), $"interpreter {Interp.Id} is closed");
        var active = _active.Value;
        if (active is not null) return Guarded(active, limits, state, body);
        // The thread that made the runtime has the main interpreter's first thread state already: a
        // second one with the same identity would confuse biased counting's owner lookups.
        bool own = Interp.IsMain && Interp.MainThread.Ident == Environment.CurrentManagedThreadId;
        var ts = own ? Interp.MainThread : Interp.CreateThreadState();
        ts.Ident = Environment.CurrentManagedThreadId;
        Interp.Gil.Acquire(ts);
        _active.Value = ts;
        try
        {
            while (_pendingReleases.TryDequeue(out var o)) Rc.Decref(ts, o);
            return Guarded(ts, limits, state, body);
        }
        finally
        {
            _active.Value = null;
            ts.MergeQueuedObjects();
            if (!own) Interp.RemoveThreadState(ts, keepSummary: false);
            Interp.Gil.Release(ts, forced: false);
        }
    }

    private TResult Guarded<TState, TResult>(ThreadState ts, ExecutionLimits? limits, TState state, Func<ThreadState, TState, TResult> body)
    {
        var outer = ts.Guard;
        ExecutionGuard? guard = null;
        if (limits is not null && limits.Any)
            ts.Guard = guard = new ExecutionGuard(ts, limits.Timeout, limits.Cancellation, limits.InstructionBudget, limits.AllocationLimitBytes);
        try { return body(ts, state); }
        catch (PyException e)
        {
            throw ToHostException(ts, e, guard);
        }
        catch (Exception e) when (IsRuntimeFault(e))
        {
            // Outside the eval loop too, the host sees a Python exception (MemoryError, RecursionError, or
            // SystemError for a MiniPy bug), never the runtime's own .NET exception.
            throw ToHostException(ts, new PyException(Err.FromClr(ts, e)), guard);
        }
        finally
        {
            if (guard is not null)
            {
                guard.Dispose();
                ts.Guard = outer;
                if (outer is not null) ts.RequestLimitCheck();
            }
        }
    }

    /// <summary>Whether a .NET exception comes from the runtime rather than being meant for the host: argument
    /// checks and conversions of results to .NET types (ArgumentException, InvalidCastException), a closed
    /// interpreter, cancellation, and MiniPy exceptions already converted pass through unchanged.</summary>
    private static bool IsRuntimeFault(Exception e) =>
        e is not (MiniPyException or ArgumentException or InvalidCastException or ObjectDisposedException or OperationCanceledException);

    private static MiniPyException ToHostException(ThreadState ts, PyException e, ExecutionGuard? guard)
    {
        var exc = e.Value;
        try
        {
            var snapshot = ExceptionSnapshot.Of(ts, exc);
            if (exc.Type == Types.ScriptTerminated)
            {
                var reason = guard?.Cause switch
                {
                    TerminationCause.Cancelled => TerminationReason.Cancelled,
                    TerminationCause.InstructionBudget => TerminationReason.InstructionBudget,
                    _ => TerminationReason.Timeout,
                };
                return new ScriptTerminatedException(reason, snapshot.Message, snapshot.ErrDisplay);
            }
            if (exc.Type.IsSubtypeOf(Types.SyntaxError) && exc.Dict is { } d)
            {
                int line = (int)((d.GetItemOrNull(ts.Interp.Intern("lineno")) as PyInt)?.Value ?? 0);
                int column = (int)((d.GetItemOrNull(ts.Interp.Intern("offset")) as PyInt)?.Value ?? 0);
                return new MiniPySyntaxException(snapshot.TypeName, exc.MessageText(), ScriptRunner.FormatSyntaxError(ts, exc), line, column);
            }
            return new MiniPyException(snapshot.TypeName, snapshot.Message, snapshot.ErrDisplay);
        }
        finally { Rc.Decref(ts, exc); }
    }
}
