using System.Threading;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Memory;

/// <summary>
/// The slow paths of biased reference counting, after CPython's free-threaded build (PEP 703).
/// The shared count keeps its state in its two low bits: 0 (default), <see cref="Queued"/> (a non-owner
/// found the shared count at zero and queued the object to its owner instead of decrementing: the queue
/// holds that reference) and <see cref="Merged"/> (the local count has been folded into the shared one;
/// the object has no owner any more and every change is atomic). An object is deallocated exactly once:
/// by the owner when both counts are zero, or by whoever brings a merged count to zero.
/// </summary>
internal static class BiasedCounting
{
    public const int SharedShift = 2;
    public const int Queued = 2;
    public const int Merged = 3;

    /// <summary>The object's whole count (local plus shared), for the checker and sys.getrefcount.</summary>
    public static long TrueCount(PyObject o) => o.RefLocal + (long)(Volatile.Read(ref o.RefShared) >> SharedShift);

    /// <summary>The owner's local count reached zero: free the object, or give up ownership if other
    /// threads still hold references (their count is in the shared field).</summary>
    public static void LocalReachedZero(ThreadState ts, PyObject o)
    {
        int shared = Volatile.Read(ref o.RefShared);
        if (shared == 0)
        {
            ts.Dealloc(o);
            return;
        }
        Volatile.Write(ref o.OwnerTid, 0);
        int merged;
        while (true)
        {
            merged = shared | Merged;
            int seen = Interlocked.CompareExchange(ref o.RefShared, merged, shared);
            if (seen == shared) break;
            shared = seen;
        }
        if (ts.Stats is { } stats) { stats.AtomicOps++; stats.Merged++; }
        if (merged == Merged) ts.Dealloc(o);
    }

    /// <summary>A decrement by a thread that does not own the object.</summary>
    public static void DecrefShared(ThreadState ts, PyObject o)
    {
        int shared = Volatile.Read(ref o.RefShared);
        int next;
        bool queue;
        while (true)
        {
            // At zero (and neither queued nor merged) the owner's local count holds our reference:
            // queue the object to the owner, who merges the counts, instead of going negative forever.
            queue = shared == 0;
            next = queue ? Queued : shared - (1 << SharedShift);
            int seen = Interlocked.CompareExchange(ref o.RefShared, next, shared);
            if (seen == shared) break;
            shared = seen;
        }
        if (ts.Stats is { } stats) stats.AtomicOps++;
        if (queue) ts.Interp.QueueForMerge(ts, o);
        else if (next == Merged) ts.Dealloc(o);
    }

    /// <summary>Folds the local count into the shared one (the owner does this, or anyone once the owner
    /// has gone); <paramref name="extra"/> is added to the sum. Returns the whole count left.</summary>
    public static long Merge(PyObject o, int extra)
    {
        int shared = Volatile.Read(ref o.RefShared);
        long count;
        while (true)
        {
            count = (shared >> SharedShift) + (long)o.RefLocal + extra;
            int next = (int)(count << SharedShift) | Merged;
            int seen = Interlocked.CompareExchange(ref o.RefShared, next, shared);
            if (seen == shared) break;
            shared = seen;
        }
        o.RefLocal = 0;
        Volatile.Write(ref o.OwnerTid, 0);
        return count;
    }

    /// <summary>Merges one object taken from a merge queue (which held one reference); frees it at zero.</summary>
    public static void MergeQueued(ThreadState ts, PyObject o)
    {
        if (ts.Stats is { } stats) { stats.Merged++; stats.AtomicOps++; }
        if (Merge(o, -1) == 0) ts.Dealloc(o);
    }
}
