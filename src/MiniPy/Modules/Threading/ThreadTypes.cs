using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>The built-in types of the _thread module: immortal, shared by every interpreter, immutable once made.</summary>
internal static class ThreadTypes
{
    /// <summary>_thread.TIMEOUT_MAX: the longest wait a lock accepts, in seconds.</summary>
    public const double TimeoutMax = 9223372036.0;

    public static readonly PyType Lock, RLock, Local;

    static ThreadTypes()
    {
        Types.EnsureInitialized();
        Lock = Make("lock", (ThreadState ts, PyType cls, in Args a) =>
        {
            a.Check("lock", 0, 0);
            return new PyLock();
        });
        RLock = Make("RLock", (ThreadState ts, PyType cls, in Args a) => new PyRLock(cls));
        Local = Make("_local", (ThreadState ts, PyType cls, in Args a) =>
        {
            if (a.All.Length > 0) throw Err.TypeError("Initialization arguments are not supported");
            return new PyThreadLocal(ts.Interp);
        });
        PyLock.Register(Lock);
        PyRLock.Register(RLock);
        Lock.CacheEnabled = RLock.CacheEnabled = Local.CacheEnabled = true;
    }

    private static PyType Make(string name, NewFn newFn)
    {
        var t = new PyType(name, Types.Object, newFn, Types.Type) { IsBaseType = false, Module = "_thread" };
        t.Dict.Type = Types.Dict;
        return t;
    }
}
