using System;
using System.Threading;
using MiniPy.Modules;
using MiniPy.Objects;


namespace MiniPy.Runtime;

/// <summary>Starts OS threads that run Python callables (_thread.start_new_thread) and ends them cleanly.</summary>
internal static class ThreadRunner
{
    /// <summary>Python calls do not use the .NET stack, but built-ins that call back into Python do.</summary>
    private const int StackSize = 256 << 20;

    /// <summary>Starts <paramref name="function"/>(*args, **kwargs) on a new thread; returns its ident.</summary>
    public static int Start(ThreadState parent, PyObject function, PyTuple args, PyDict? kwargs)
    {
        var interp = parent.Interp;
        Capabilities.Require(parent, Hosting.ScriptCapabilities.Threads, "starting a thread");
        var ts = interp.CreateThreadState();
        ts.BootFunction = Rc.New(parent, function);
        ts.BootArgs = Rc.New(parent, args);
        ts.BootKwargs = kwargs is null ? null : Rc.New(parent, kwargs);
        Thread thread;
        try
        {
            thread = new Thread(() => Run(ts), StackSize) { IsBackground = true, Name = "minipy" };
            ts.Ident = thread.ManagedThreadId;
            ts.Name = $"Thread-{ts.Ident}";
            thread.Start();
        }
        catch (Exception e) when (e is OutOfMemoryException or ThreadStartException)
        {
            ClearBoot(parent, ts);
            interp.RemoveThreadState(ts);
            throw Err.Make(Types.RuntimeError, "can't start new thread");
        }
        return ts.Ident;
    }

    private static void ClearBoot(ThreadState owner, ThreadState ts)
    {
        Rc.XDecref(owner, ts.BootFunction);
        Rc.XDecref(owner, ts.BootArgs);
        Rc.XDecref(owner, ts.BootKwargs);
        ts.BootFunction = null;
        ts.BootArgs = null;
        ts.BootKwargs = null;
    }

    private static void Run(ThreadState ts)
    {
        var interp = ts.Interp;
        interp.Gil.Acquire(ts);
        try
        {
            var function = ts.BootFunction!;
            try
            {
                var r = EvalHelpers.CallEx(ts, function, ts.BootArgs!, ts.BootKwargs);
                Rc.Decref(ts, r);
            }
            catch (Exception e)
            {
                var exc = Err.FromClr(ts, e);
                if (!exc.Type.IsSubtypeOf(Types.SystemExit))
                    ThreadModule.WriteStderr(ts, $"Exception ignored in thread started by: {SafeRepr(ts, function)}\n" + TracebackPrinter.Format(ts, exc));
                Rc.Decref(ts, exc);
            }
        }
        finally
        {
            Finish(ts);
        }
    }

    private static string SafeRepr(ThreadState ts, PyObject o)
    {
        try { return Ops.ReprString(ts, o); }
        catch (PyException e)
        {
            Rc.Decref(ts, e.Value);
            return $"<{o.Type.Name} object>";
        }
    }

    /// <summary>The thread is done with Python: drop what it owns, wake its joiners, give the GIL away.</summary>
    private static void Finish(ThreadState ts)
    {
        var interp = ts.Interp;
        try
        {
            ClearBoot(ts, ts);
            if (ts.Locals is not null)
                foreach (var local in ts.Locals) local.DropThread(ts);
            ts.Locals = null;
            if (ts.HandledException is not null) { Rc.Decref(ts, ts.HandledException); ts.HandledException = null; }
            if (ts.CurrentException is not null) { Rc.Decref(ts, ts.CurrentException); ts.CurrentException = null; }
        }
        catch (PyException e)
        {
            // A __del__ that fails while the thread's objects go: CPython reports it and carries on; so do we.
            Rc.Decref(ts, e.Value);
        }
        var sentinel = ts.Sentinel;
        ts.Sentinel = null;
        if (sentinel is not null) Rc.Decref(ts, sentinel);
        interp.RemoveThreadState(ts);
        // Wake the joiners last: from here on this thread touches no object and no count, so a joiner
        // (the main thread checking references at exit, say) never races with its clean-up. The lock
        // is still usable even if that decref freed its Python object.
        sentinel?.Lock.Release();
        interp.Gil.Release(ts, forced: false);
    }
}
