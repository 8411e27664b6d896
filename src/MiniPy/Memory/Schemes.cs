using System.Threading;
using System.Runtime.CompilerServices;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Memory;

/// <summary>The <c>plain</c> scheme with immortal objects skipped: the default with the GIL on.</summary>
internal struct PlainRc : IRefCounting
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Incref(ThreadState ts, PyObject o)
    {
        if ((o.Flags & PyObject.ImmortalFlag) == 0) o.RefLocal++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decref(ThreadState ts, PyObject o)
    {
        if ((o.Flags & PyObject.ImmortalFlag) == 0 && --o.RefLocal == 0) ts.Dealloc(o);
    }
}

/// <summary>The <c>none</c> scheme: only objects with a finaliser are counted.</summary>
internal struct NoneRc : IRefCounting
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Incref(ThreadState ts, PyObject o)
    {
        if ((o.Flags & PyObject.FinalizerFlag) != 0) o.RefLocal++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decref(ThreadState ts, PyObject o)
    {
        if ((o.Flags & PyObject.FinalizerFlag) != 0 && --o.RefLocal == 0) ts.Dealloc(o);
    }
}

/// <summary>The <c>atomic</c> scheme: every change is one interlocked instruction on the whole count.</summary>
internal struct AtomicRc : IRefCounting
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Incref(ThreadState ts, PyObject o)
    {
        if ((o.Flags & PyObject.ImmortalFlag) == 0) Interlocked.Increment(ref o.RefLocal);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decref(ThreadState ts, PyObject o)
    {
        if ((o.Flags & PyObject.ImmortalFlag) == 0 && Interlocked.Decrement(ref o.RefLocal) == 0) ts.Dealloc(o);
    }
}

/// <summary>
/// The <c>biased</c> scheme (PEP 703): the owner thread changes its local count with plain arithmetic;
/// every other thread changes the shared count atomically. The slow paths are in <see cref="BiasedCounting"/>.
/// </summary>
internal struct BiasedRc : IRefCounting
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Incref(ThreadState ts, PyObject o)
    {
        if ((o.Flags & PyObject.ImmortalFlag) != 0) return;
        if (o.OwnerTid == ts.Ident) o.RefLocal++;
        else Interlocked.Add(ref o.RefShared, 1 << BiasedCounting.SharedShift);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decref(ThreadState ts, PyObject o)
    {
        if ((o.Flags & PyObject.ImmortalFlag) != 0) return;
        if (o.OwnerTid == ts.Ident)
        {
            // The common end of an object no other thread ever saw: both counts zero, free it here.
            if (--o.RefLocal == 0)
            {
                if (Volatile.Read(ref o.RefShared) == 0) ts.Dealloc(o);
                else BiasedCounting.LocalReachedZero(ts, o);
            }
        }
        else BiasedCounting.DecrefShared(ts, o);
    }
}

/// <summary>Every other combination (statistics, immortality off): the general path in <see cref="Rc"/>.</summary>
internal struct GeneralRc : IRefCounting
{
    public static void Incref(ThreadState ts, PyObject o) => Rc.IncrefGeneral(ts, o);
    public static void Decref(ThreadState ts, PyObject o) => Rc.DecrefGeneral(ts, o);
}

/// <summary>The thread's own scheme, chosen at run time (<see cref="Rc"/>): for built-ins that share a
/// scheme-generic helper with the eval loop.</summary>
internal struct DynamicRc : IRefCounting
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Incref(ThreadState ts, PyObject o) => Rc.Incref(ts, o);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decref(ThreadState ts, PyObject o) => Rc.Decref(ts, o);
}
