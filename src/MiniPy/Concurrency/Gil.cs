using System;
using System.Diagnostics;
using System.Threading;
using MiniPy.Runtime;


namespace MiniPy.Concurrency;

/// <summary>
/// One interpreter's global interpreter lock, modelled on CPython's "new GIL" (3.2 onwards).
/// A thread that wants the lock waits one switch interval; if no switch happened meanwhile it sets the
/// drop request in the holder's eval breaker. The holder polls its breaker at backward jumps and calls,
/// drops the lock and then waits until another thread has really taken it (the forced hand-over),
/// so a CPU-bound holder cannot take the lock straight back. Blocking operations release the lock
/// without a hand-over (<see cref="ThreadState.BeginBlocking"/>).
/// </summary>
internal sealed class Gil
{
    private readonly object _mutex = new();
    private ThreadState? _holder;
    private bool _locked;
    private long _switchNumber;
    private int _waiting;
    private TimeSpan _interval = TimeSpan.FromMilliseconds(5);
    /// <summary>Set at interpreter shutdown: from then on only this thread may hold the lock.</summary>
    private ThreadState? _closedFor;

    /// <summary>False in the free-threaded mode: acquiring and releasing cost nothing, and only the
    /// shutdown rule (no thread but the closer runs Python after <see cref="Close"/>) remains. Turned on
    /// once, for good, when a module that needs the GIL is imported (<see cref="Enable"/>).</summary>
    private volatile bool _enabled;

    public Gil(bool enabled, TraceRecorder? trace)
    {
        _enabled = enabled;
        Trace = enabled ? trace : null;
    }

    public bool Enabled => _enabled;

    /// <summary>
    /// Turns the lock on in a free-threaded interpreter (GIL auto mode, as CPython 3.13t does for an
    /// extension module that has not declared it runs safely without it). The calling thread takes the
    /// lock at once; every other thread takes it at its next eval-breaker poll, or when it comes back from
    /// a blocking call. Containers keep their per-object locks and counts stay thread-safe, so the threads
    /// that still run unlocked until their next poll remain correct.
    /// </summary>
    public void Enable(ThreadState caller, ThreadState[] threads)
    {
        if (_enabled) return;
        _enabled = true;
        Acquire(caller);
        foreach (var t in threads)
            if (t != caller) t.RequestGilTake();
    }

    /// <summary>Takes the lock unless this thread holds it already (a thread learning that the GIL is on).</summary>
    public void AcquireIfNotHolder(ThreadState ts)
    {
        if (_enabled && !ReferenceEquals(_holder, ts)) Acquire(ts);
    }

    /// <summary>The trace recorder (<c>--trace</c>), or null.</summary>
    public TraceRecorder? Trace { get; }

    /// <summary>The thread holding the lock right now (meaningful to that thread only).</summary>
    public ThreadState? Holder => _holder;

    /// <summary>sys.setswitchinterval / sys.getswitchinterval, in seconds.</summary>
    public double SwitchInterval
    {
        get => _interval.TotalSeconds;
        set => _interval = TimeSpan.FromTicks(Math.Max(1, (long)(value * TimeSpan.TicksPerSecond)));
    }

    /// <summary>Shuts the lock to every other thread: daemon threads that still run stop at their next
    /// attempt to take it, as they do in CPython at finalisation.</summary>
    public void Close(ThreadState owner, ThreadState[] threads)
    {
        _closedFor = owner;
        // Without a GIL, running threads learn it at their next eval-breaker poll.
        foreach (var t in threads)
            if (t != owner) t.RequestShutdownPark();
    }

    /// <summary>A thread that may no longer run Python parks here for good (shutdown has begun).</summary>
    public void ParkIfClosed(ThreadState ts)
    {
        if (!IsClosedTo(ts)) return;
        ts.HeldGate?.Abandon(ts);
        Thread.Sleep(Timeout.Infinite);
    }

    public void Acquire(ThreadState ts)
    {
        if (!_enabled)
        {
            ParkIfClosed(ts);
            return;
        }
        long start = Stopwatch.GetTimestamp();
        bool waited = false;
        lock (_mutex)
        {
            if (_locked || IsClosedTo(ts))
            {
                waited = true;
                _waiting++;
                while (_locked || IsClosedTo(ts))
                {
                    if (IsClosedTo(ts))
                    {
                        _waiting--;
                        Monitor.Exit(_mutex);
                        // This thread never runs Python again: it must not keep a stream others need at exit.
                        ts.HeldGate?.Abandon(ts);
                        Thread.Sleep(Timeout.Infinite);
                    }
                    long seen = _switchNumber;
                    bool signalled = Monitor.Wait(_mutex, _interval);
                    // A whole interval passed and nobody switched: ask the holder to drop the lock.
                    if (!signalled && _locked && _switchNumber == seen) _holder?.RequestGilDrop();
                }
                _waiting--;
            }
            _locked = true;
            _holder = ts;
            _switchNumber++;
            ts.ClearGilDropRequest();
            // A forced dropper waits to see this hand-over.
            if (waited) Monitor.PulseAll(_mutex);
        }
        long now = Stopwatch.GetTimestamp();
        ts.GilAcquisitions++;
        if (waited) ts.GilWaitTicks += now - start;
        Trace?.Acquired(ts, start, now, waited);
    }

    private bool IsClosedTo(ThreadState ts) => _closedFor is { } owner && owner != ts;

    /// <summary>Releases the lock. <paramref name="forced"/>: another thread asked for it, so wait until it has it.</summary>
    public void Release(ThreadState ts, bool forced)
    {
        // Not the holder: the lock was turned on while this thread ran without it.
        if (!_enabled || !ReferenceEquals(_holder, ts)) return;
        Trace?.Released(ts, Stopwatch.GetTimestamp(), forced);
        lock (_mutex)
        {
            _locked = false;
            _holder = null;
            if (_waiting == 0) return;
            Monitor.PulseAll(_mutex);
            if (!forced) return;
            long seen = _switchNumber;
            while (_switchNumber == seen && _waiting > 0) Monitor.Wait(_mutex);
        }
    }

    /// <summary>Honours a drop request from the eval breaker: hand the lock over, then queue for it again.</summary>
    public void Yield(ThreadState ts)
    {
        if (!_enabled) return;
        ts.GilForcedSwitches++;
        Release(ts, forced: true);
        Acquire(ts);
    }
}
