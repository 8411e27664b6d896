using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using MiniPy.Modules;
using MiniPy.Objects;


namespace MiniPy.Runtime;

/// <summary>The parts of a thread state that concern threads: identity, the eval breaker, GIL statistics.</summary>
internal sealed partial class ThreadState
{
    /// <summary>Eval-breaker bit: another thread has waited a switch interval for the GIL.</summary>
    public const int GilDropRequestBit = 1;

    /// <summary>Eval-breaker bit: other threads queued objects this thread owns for a count merge (biased scheme).</summary>
    public const int MergeRequestBit = 2;

    /// <summary>Eval-breaker bit: the interpreter is shutting down and this thread must stop (free-threaded mode).</summary>
    public const int ShutdownBit = 4;

    public void RequestShutdownPark() => Interlocked.Or(ref EvalBreaker, ShutdownBit);

    /// <summary>Eval-breaker bit: the GIL was turned on while this thread ran without it.</summary>
    public const int GilTakeBit = 16;

    public void RequestGilTake() => Interlocked.Or(ref EvalBreaker, GilTakeBit);

    /// <summary>Eval-breaker bit: a host limit (timeout, cancellation, budget, allocation) wants checking.</summary>
    public const int LimitCheckBit = 8;

    /// <summary>The limits of the host call this thread runs, if it has any.</summary>
    public ExecutionGuard? Guard;

    public void RequestLimitCheck() => Interlocked.Or(ref EvalBreaker, LimitCheckBit);

    public void ClearLimitCheck() => Interlocked.And(ref EvalBreaker, ~LimitCheckBit);

    private readonly List<PyObject> _mergeQueue = new();

    /// <summary>Queues an object this thread owns whose shared count a non-owner found at zero (the queue
    /// holds that thread's reference until the merge).</summary>
    public void EnqueueMerge(PyObject o)
    {
        lock (_mergeQueue) _mergeQueue.Add(o);
        Interlocked.Or(ref EvalBreaker, MergeRequestBit);
    }

    /// <summary>Merges every queued object's counts, freeing those that reach zero (at a safe point of the owner).</summary>
    public void MergeQueuedObjects()
    {
        Interlocked.And(ref EvalBreaker, ~MergeRequestBit);
        PyObject[] queued;
        lock (_mergeQueue)
        {
            if (_mergeQueue.Count == 0) return;
            queued = _mergeQueue.ToArray();
            _mergeQueue.Clear();
        }
        foreach (var o in queued) Memory.BiasedCounting.MergeQueued(this, o);
    }

    public bool HasQueuedForMerge
    {
        get { lock (_mergeQueue) return _mergeQueue.Count > 0; }
    }

    /// <summary>The objects waiting in this thread's merge queue (each holds one reference), for the checker.</summary>
    public PyObject[] QueuedForMerge()
    {
        lock (_mergeQueue) return _mergeQueue.ToArray();
    }

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
        int bits = Volatile.Read(ref EvalBreaker);
        if ((bits & MergeRequestBit) != 0) MergeQueuedObjects();
        if ((bits & GilDropRequestBit) != 0) Interp.Gil.Yield(this);
        if ((bits & ShutdownBit) != 0) Interp.Gil.ParkIfClosed(this);
        if ((bits & GilTakeBit) != 0)
        {
            Interlocked.And(ref EvalBreaker, ~GilTakeBit);
            Interp.Gil.AcquireIfNotHolder(this);
        }
        if ((bits & LimitCheckBit) != 0)
        {
            Interlocked.And(ref EvalBreaker, ~LimitCheckBit);
            Guard?.Check();
        }
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
