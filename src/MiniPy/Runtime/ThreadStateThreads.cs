using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using MiniPy.Modules;
using MiniPy.Objects;

using ThreadState = MiniPy.Runtime.ThreadState;

namespace MiniPy.Runtime;

/// <summary>The parts of a thread state that concern threads: identity, the eval breaker, GIL statistics.</summary>
internal sealed partial class ThreadState
{
    /// <summary>Eval-breaker bit: another thread has waited a switch interval for the GIL.</summary>
    public const int GilDropRequestBit = 1;

    /// <summary>Polled by the eval loop at backward jumps and calls; nonzero means there is work to do.</summary>
    public int EvalBreaker;

    /// <summary>threading.get_ident() of the OS thread this state belongs to.</summary>
    public int Ident;

    /// <summary>The thread's name, for traces and statistics.</summary>
    public string Name = "MainThread";

    public long GilAcquisitions, GilWaitTicks, GilForcedSwitches, GilVoluntaryReleases;
    public long TraceRunningSince, TraceBlockedSince;

    /// <summary>What a new thread will call (owned until it starts running them).</summary>
    public PyObject? BootFunction;
    public PyTuple? BootArgs;
    public PyDict? BootKwargs;

    /// <summary>Released when this thread is gone (_thread._set_sentinel), so that join() can wait on it.</summary>
    public PyLock? Sentinel;

    /// <summary>threading.local objects holding a dict for this thread; their dicts are dropped when it ends.</summary>
    public List<PyThreadLocal>? Locals;

    /// <summary>The stream lock this thread holds while it is inside a system call, if any.</summary>
    public StreamGate? HeldGate;

    public void RequestGilDrop() => Interlocked.Or(ref EvalBreaker, GilDropRequestBit);

    public void ClearGilDropRequest() => Interlocked.And(ref EvalBreaker, ~GilDropRequestBit);

    /// <summary>The eval loop's slow path when its breaker is set.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void HandleEvalBreaker()
    {
        if ((Volatile.Read(ref EvalBreaker) & GilDropRequestBit) != 0) Interp.Gil.Yield(this);
    }

    /// <summary>Releases the GIL before an operation that may block (sleep, lock waits, I/O, long native work).
    /// Until <see cref="EndBlocking"/> the thread must not touch Python objects.</summary>
    public void BeginBlocking()
    {
        GilVoluntaryReleases++;
        Interp.Gil.Release(this, forced: false);
    }

    public void EndBlocking() => Interp.Gil.Acquire(this);
}
