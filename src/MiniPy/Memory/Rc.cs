using System.Threading;
using System.Runtime.CompilerServices;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Memory;

/// <summary>
/// Reference counting for built-ins, which are not generic over the scheme: the fast schemes are
/// inlined here behind one test of the thread's mode, the rest go to the general path.
/// </summary>
internal static class Rc
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Incref(ThreadState ts, PyObject o)
    {
        switch (ts.RcMode)
        {
            case RcMode.Plain:
                if ((o.Flags & PyObject.ImmortalFlag) == 0) o.RefLocal++;
                return;
            case RcMode.None:
                if ((o.Flags & PyObject.FinalizerFlag) != 0) o.RefLocal++;
                return;
            case RcMode.Biased:
                BiasedRc.Incref(ts, o);
                return;
            case RcMode.Atomic:
                AtomicRc.Incref(ts, o);
                return;
            default:
                IncrefGeneral(ts, o);
                return;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decref(ThreadState ts, PyObject o)
    {
        switch (ts.RcMode)
        {
            case RcMode.Plain:
                if ((o.Flags & PyObject.ImmortalFlag) == 0 && --o.RefLocal == 0) ts.Dealloc(o);
                return;
            case RcMode.None:
                if ((o.Flags & PyObject.FinalizerFlag) != 0 && --o.RefLocal == 0) ts.Dealloc(o);
                return;
            case RcMode.Biased:
                BiasedRc.Decref(ts, o);
                return;
            case RcMode.Atomic:
                AtomicRc.Decref(ts, o);
                return;
            default:
                DecrefGeneral(ts, o);
                return;
        }
    }

    public static void XDecref(ThreadState ts, PyObject? o)
    {
        if (o is not null) Decref(ts, o);
    }

    public static void XIncref(ThreadState ts, PyObject? o)
    {
        if (o is not null) Incref(ts, o);
    }

    /// <summary>Returns <paramref name="o"/> after adding a reference: for returning a borrowed object as a new one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T New<T>(ThreadState ts, T o) where T : PyObject
    {
        Incref(ts, o);
        return o;
    }

    /// <summary>Whether the general path counts this object: the none scheme counts only objects with a
    /// finaliser; plain skips immortal objects unless immortality is off (<c>--immortal off</c>).</summary>
    private static bool Counted(ThreadState ts, PyObject o) =>
        ts.RcMode == RcMode.NoneGeneral
            ? (o.Flags & PyObject.FinalizerFlag) != 0
            : ts.CountsImmortals || (o.Flags & PyObject.ImmortalFlag) == 0;

    public static void IncrefGeneral(ThreadState ts, PyObject o)
    {
        var stats = ts.Stats;
        if (!Counted(ts, o))
        {
            if (stats is not null) stats.ImmortalSkips++;
            return;
        }
        switch (ts.RcMode)
        {
            case RcMode.AtomicGeneral:
                if (stats is not null) { stats.Increments++; stats.AtomicOps++; }
                Interlocked.Increment(ref o.RefLocal);
                return;
            case RcMode.BiasedGeneral:
                if (o.OwnerTid == ts.Ident)
                {
                    if (stats is not null) stats.Increments++;
                    o.RefLocal++;
                }
                else
                {
                    if (stats is not null) { stats.SharedIncrements++; stats.AtomicOps++; }
                    Interlocked.Add(ref o.RefShared, 1 << BiasedCounting.SharedShift);
                }
                return;
            default:
                if (stats is not null) stats.Increments++;
                o.RefLocal++;
                return;
        }
    }

    public static void DecrefGeneral(ThreadState ts, PyObject o)
    {
        var stats = ts.Stats;
        if (!Counted(ts, o))
        {
            if (stats is not null) stats.ImmortalSkips++;
            return;
        }
        // An immortal object counted with immortality off starts at ImmortalInitialCount and is never deallocated.
        switch (ts.RcMode)
        {
            case RcMode.AtomicGeneral:
                if (stats is not null) { stats.Decrements++; stats.AtomicOps++; }
                if (Interlocked.Decrement(ref o.RefLocal) == 0 && (o.Flags & PyObject.ImmortalFlag) == 0) ts.Dealloc(o);
                return;
            case RcMode.BiasedGeneral:
                if (o.OwnerTid == ts.Ident)
                {
                    if (stats is not null) stats.Decrements++;
                    if (--o.RefLocal == 0) BiasedCounting.LocalReachedZero(ts, o);
                }
                else
                {
                    if (stats is not null) stats.SharedDecrements++;
                    BiasedCounting.DecrefShared(ts, o);
                }
                return;
            default:
                if (stats is not null) stats.Decrements++;
                if (--o.RefLocal == 0 && (o.Flags & PyObject.ImmortalFlag) == 0) ts.Dealloc(o);
                return;
        }
    }
}
