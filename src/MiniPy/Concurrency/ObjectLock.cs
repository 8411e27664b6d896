using System.Runtime.CompilerServices;
using System.Threading;

namespace MiniPy.Concurrency;

/// <summary>
/// A per-object lock for the free-threaded mode (CPython's critical sections): one compare-and-swap to
/// take a free lock, re-entrant for its owner (a list's __eq__ may look at the same list), and spinning
/// then yielding when contended. It lives inside the container it guards; with the GIL on it is never
/// touched (see <see cref="CriticalSection"/>).
/// </summary>
internal struct ObjectLock
{
    private int _owner;
    private int _depth;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enter(ThreadState ts)
    {
        int me = ts.Ident;
        if (_owner == me)
        {
            _depth++;
            return;
        }
        if (Interlocked.CompareExchange(ref _owner, me, 0) != 0) EnterContended(ts);
        _depth = 1;
        if (ts.Stats is { } stats) stats.LockAcquisitions++;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EnterContended(ThreadState ts)
    {
        if (ts.Stats is { } stats) stats.ContendedLockAcquisitions++;
        var spinner = new SpinWait();
        do spinner.SpinOnce(sleep1Threshold: -1);
        while (Interlocked.CompareExchange(ref _owner, ts.Ident, 0) != 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Exit()
    {
        if (--_depth == 0) Volatile.Write(ref _owner, 0);
    }
}
