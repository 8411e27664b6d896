using System;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>The _thread module: threads, locks and thread-local data, the layer threading.py is written on.</summary>
internal static class ThreadModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule(ts, "_thread");
        void Set(string name, PyObject v) => m.Dict.SetStrOwned(ts, ts.Interp.Intern(name), v);
        void Def(string name, NativeFn fn) => Set(name, new PyBuiltinFunction(name, fn));

        NativeFn start = StartNewThread;
        Def("start_new_thread", start);
        Def("start_new", start);
        NativeFn allocate = (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("allocate_lock", 0, 0);
            return new PyLock();
        };
        Def("allocate_lock", allocate);
        Def("allocate", allocate);
        Set("LockType", ThreadTypes.Lock);
        Set("lock", ThreadTypes.Lock);
        Set("RLock", ThreadTypes.RLock);
        Set("_local", ThreadTypes.Local);
        Set("error", Types.RuntimeError);
        Set("TIMEOUT_MAX", new PyFloat(ThreadTypes.TimeoutMax));
        Def("get_ident", (ThreadState ts, PyObject? s, in Args a) => ts.NewInt(ts.Ident));
        Def("get_native_id", (ThreadState ts, PyObject? s, in Args a) => ts.NewInt(ts.Ident));
        Def("_count", (ThreadState ts, PyObject? s, in Args a) => ts.NewInt(ts.Interp.Threads().Length - 1));
        Def("daemon_threads_allowed", (ThreadState ts, PyObject? s, in Args a) => Types.True);
        Def("exit", (ThreadState ts, PyObject? s, in Args a) => throw new PyException(new PyBaseException(Types.SystemExit)));
        Def("stack_size", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("stack_size", 0, 1);
            if (a.Count == 1 && Ops.AsLong(ts, a[0]) != 0) throw Err.ValueError("size not valid: MiniPy threads use a fixed stack size");
            return ts.NewInt(0);
        });
        Def("_set_sentinel", (ThreadState ts, PyObject? s, in Args a) =>
        {
            // A lock held for as long as this thread lives; the runtime releases it when the thread is gone.
            var sentinel = new PyLock();
            sentinel.Lock.TryAcquire();
            if (ts.Sentinel is not null) Rc.Decref(ts, ts.Sentinel);
            ts.Sentinel = Rc.New(ts, sentinel);
            return sentinel;
        });
        Def("_set_name", (ThreadState ts, PyObject? s, in Args a) =>
        {
            // MiniPy's own: names the thread in --trace timelines and --stats.
            a.Check("_set_name", 1, 1);
            ts.Name = Ops.StrString(ts, a[0]);
            ts.Interp.Gil.Trace?.NameThread(ts);
            return Types.None;
        });
        Def("_excepthook", ExceptHook);
        return m;
    }

    private static PyObject StartNewThread(ThreadState ts, PyObject? self, in Args a)
    {
        a.Check("start_new_thread", 2, 3);
        var function = a[0];
        if (!Ops.IsCallable(function)) throw Err.TypeError("first arg must be callable");
        var args = a[1] as PyTuple ?? throw Err.TypeError("2nd arg must be a tuple");
        PyDict? kwargs = null;
        if (a.Count == 3)
            kwargs = a[2] as PyDict ?? throw Err.TypeError("optional 3rd arg must be a dictionary");
        return ts.NewInt(ThreadRunner.Start(ts, function, args, kwargs));
    }

    /// <summary>threading.excepthook: "Exception in thread NAME:" and the traceback, on sys.stderr.</summary>
    private static PyObject ExceptHook(ThreadState ts, PyObject? self, in Args a)
    {
        a.Check("_excepthook", 1, 1);
        var hookArgs = a[0];
        var excType = Ops.GetAttr(ts, hookArgs, ts.Interp.Intern("exc_type"));
        var excValue = Ops.GetAttr(ts, hookArgs, ts.Interp.Intern("exc_value"));
        var thread = Ops.GetAttr(ts, hookArgs, ts.Interp.Intern("thread"));
        try
        {
            if (ReferenceEquals(excType, Types.SystemExit)) return Types.None;
            string name = thread is PyNone ? ts.Ident.ToString() : NameOf(ts, thread);
            var text = $"Exception in thread {name}:\n" +
                       (excValue is PyBaseException e ? TracebackPrinter.Format(ts, e) : Ops.StrString(ts, excValue) + "\n");
            WriteStderr(ts, text);
            return Types.None;
        }
        finally
        {
            Rc.Decref(ts, excType);
            Rc.Decref(ts, excValue);
            Rc.Decref(ts, thread);
        }
    }

    private static string NameOf(ThreadState ts, PyObject thread)
    {
        var name = Ops.GetAttr(ts, thread, ts.Interp.Intern("name"));
        try { return Ops.StrString(ts, name); }
        finally { Rc.Decref(ts, name); }
    }

    /// <summary>Writes to sys.stderr (whatever object it is now), as CPython's hooks do.</summary>
    public static void WriteStderr(ThreadState ts, string text)
    {
        var stderr = ts.Interp.Sys.Dict.GetItemOrNull(ts.Interp.Intern("stderr"));
        if (stderr is null or PyTextIO)
        {
            var io = stderr as PyTextIO ?? ts.Interp.Stderr;
            io.Write(ts, text);
            io.Flush(ts);
            return;
        }
        var str = new PyStr(text);
        try { Rc.Decref(ts, Ops.CallMethod(ts, stderr, "write", new PyObject[] { str })); }
        finally { Rc.Decref(ts, str); }
    }
}
