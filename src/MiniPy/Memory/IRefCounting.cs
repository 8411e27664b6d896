using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Memory;

/// <summary>
/// A reference-counting scheme as a struct type parameter: the eval loop is generic over it, so the JIT
/// specialises the loop for each scheme and a scheme costs nothing where it is not used.
/// </summary>
internal interface IRefCounting
{
    static abstract void Incref(ThreadState ts, PyObject o);
    static abstract void Decref(ThreadState ts, PyObject o);
}
