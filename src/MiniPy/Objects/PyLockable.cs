using MiniPy.Concurrency;

namespace MiniPy.Objects;

/// <summary>A mutable container guarded by a per-object lock in the free-threaded mode: list, dict, set,
/// bytearray (instance and class dicts are dicts).</summary>
internal abstract class PyLockable : PyObject
{
    public ObjectLock Lock;

    protected PyLockable(PyType type) : base(type) { }
}
