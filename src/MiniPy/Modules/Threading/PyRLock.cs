using MiniPy.Concurrency;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>_thread.RLock (threading.RLock): a lock its owner may take again; only the owner releases it.</summary>
internal sealed class PyRLock : PyObject
{
    private readonly ThreadLock _lock = new();
    private int _owner;
    private long _count;

    public PyRLock(PyType type) : base(type) { }

    public bool IsOwnedBy(ThreadState ts) => _count > 0 && _owner == ts.Ident;

    public bool Acquire(ThreadState ts, bool blocking, double timeout)
    {
        if (IsOwnedBy(ts))
        {
            _count++;
            return true;
        }
        if (!_lock.Acquire(ts, blocking, timeout)) return false;
        _owner = ts.Ident;
        _count = 1;
        return true;
    }

    public void Release(ThreadState ts)
    {
        if (!IsOwnedBy(ts)) throw Err.Make(Types.RuntimeError, "cannot release un-acquired lock");
        if (--_count == 0)
        {
            _owner = 0;
            _lock.Release();
        }
    }

    public override PyObject Repr(ThreadState ts) =>
        new PyStr($"<{(_count > 0 ? "locked" : "unlocked")} _thread.RLock object owner={(_count > 0 ? _owner : 0)} count={_count} at 0x{IdentityOf(this):x}>");

    public static void Register(PyType t)
    {
        NativeFn acquire = (ThreadState ts, PyObject? self, in Args a) =>
        {
            var (blocking, timeout) = PyLock.AcquireArgs(ts, "acquire", a);
            return PyBool.Of(((PyRLock)self!).Acquire(ts, blocking, timeout));
        };
        Reg.Method(t, "acquire", acquire);
        Reg.Method(t, "__enter__", acquire);
        Reg.Method(t, "release", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("release", 0, 0);
            ((PyRLock)self!).Release(ts);
            return Types.None;
        });
        Reg.Method(t, "__exit__", (ThreadState ts, PyObject? self, in Args a) =>
        {
            ((PyRLock)self!).Release(ts);
            return Types.None;
        });
        Reg.Method(t, "_is_owned", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(((PyRLock)self!).IsOwnedBy(ts)));
        // Condition.wait() releases an RLock completely and restores its depth afterwards.
        Reg.Method(t, "_release_save", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var r = (PyRLock)self!;
            if (r._count == 0) throw Err.Make(Types.RuntimeError, "cannot release un-acquired lock");
            var state = ts.NewTuple(new PyObject[] { ts.NewInt(r._count), ts.NewInt(r._owner) });
            r._count = 0;
            r._owner = 0;
            r._lock.Release();
            return state;
        });
        Reg.Method(t, "_acquire_restore", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var r = (PyRLock)self!;
            a.Check("_acquire_restore", 1, 1);
            var state = a[0] as PyTuple ?? throw Err.TypeError("_acquire_restore() argument must be a tuple");
            r._lock.Acquire(ts, true, -1);
            r._count = Ops.AsLong(ts, state.Items[0]);
            r._owner = (int)Ops.AsLong(ts, state.Items[1]);
            return Types.None;
        });
    }
}
