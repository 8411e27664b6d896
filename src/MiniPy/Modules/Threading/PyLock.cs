using MiniPy.Concurrency;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>_thread.lock (threading.Lock): a lock that any thread may release.</summary>
internal sealed class PyLock : PyObject
{
    public readonly ThreadLock Lock = new();

    public PyLock() : base(ThreadTypes.Lock) { }

    public override PyObject Repr(ThreadState ts) =>
        new PyStr($"<{(Lock.IsLocked ? "locked" : "unlocked")} _thread.lock object at 0x{IdentityOf(this):x}>");

    /// <summary>acquire(blocking=True, timeout=-1) argument rules, shared with RLock.</summary>
    public static (bool Blocking, double Timeout) AcquireArgs(ThreadState ts, string fn, in Args a)
    {
        a.CheckPositional(fn, 0, 2);
        var b = a.Count > 0 ? a[0] : a.Kw("blocking");
        var t = a.Count > 1 ? a[1] : a.Kw("timeout");
        bool blocking = b is null || Ops.IsTrue(ts, b);
        double timeout = t is null ? -1 : Ops.AsDouble(ts, t);
        if (!blocking && timeout != -1) throw Err.ValueError("can't specify a timeout for a non-blocking call");
        if (timeout < 0 && timeout != -1) throw Err.ValueError("timeout value must be a non-negative number");
        if (timeout > ThreadTypes.TimeoutMax) throw Err.Make(Types.OverflowError, "timeout value is too large");
        return (blocking, timeout);
    }

    public static void Register(PyType t)
    {
        NativeFn acquire = (ThreadState ts, PyObject? self, in Args a) =>
        {
            var (blocking, timeout) = AcquireArgs(ts, "acquire", a);
            return PyBool.Of(((PyLock)self!).Lock.Acquire(ts, blocking, timeout));
        };
        NativeFn release = (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("release", 0, 0);
            if (!((PyLock)self!).Lock.Release()) throw Err.Make(Types.RuntimeError, "release unlocked lock");
            return Types.None;
        };
        NativeFn locked = (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(((PyLock)self!).Lock.IsLocked);
        Reg.Method(t, "acquire", acquire);
        Reg.Method(t, "acquire_lock", acquire);
        Reg.Method(t, "__enter__", acquire);
        Reg.Method(t, "release", release);
        Reg.Method(t, "release_lock", release);
        Reg.Method(t, "locked", locked);
        Reg.Method(t, "locked_lock", locked);
        Reg.Method(t, "__exit__", (ThreadState ts, PyObject? self, in Args a) =>
        {
            if (!((PyLock)self!).Lock.Release()) throw Err.Make(Types.RuntimeError, "release unlocked lock");
            return Types.None;
        });
    }
}
