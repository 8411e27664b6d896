using System.Runtime.CompilerServices;
using MiniPy.Objects;

namespace MiniPy.Concurrency;

/// <summary>
/// <c>using var cs = new CriticalSection(ts, list);</c>: holds the container's lock for the rest of the
/// scope in the free-threaded mode, and costs one test of a read-only flag with the GIL on.
/// </summary>
internal readonly ref struct CriticalSection
{
    private readonly PyLockable? _locked;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CriticalSection(ThreadState ts, PyLockable o)
    {
        if (ts.FreeThreaded)
        {
            o.Lock.Enter(ts);
            _locked = o;
        }
        else _locked = null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Dispose() => _locked?.Lock.Exit();
}
