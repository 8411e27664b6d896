using System;
using System.Diagnostics;
using System.Threading;
using MiniPy.Runtime;


namespace MiniPy.Concurrency;

/// <summary>
/// The lock under _thread.lock: any thread may release it (it is a binary semaphore, not a mutex).
/// Taking a free lock is one compare-and-swap; a thread that has to wait releases the GIL first.
/// </summary>
internal sealed class ThreadLock
{
    private int _locked;
    private int _waiters;
    private readonly object _sync = new();

    public bool IsLocked => Volatile.Read(ref _locked) != 0;

    public bool TryAcquire() => Interlocked.CompareExchange(ref _locked, 1, 0) == 0;

    /// <summary>Takes the lock; <paramref name="timeout"/> in seconds, negative for no limit. Waits without the GIL.</summary>
    public bool Acquire(ThreadState ts, bool blocking, double timeout)
    {
        if (TryAcquire()) return true;
        if (!blocking || timeout == 0) return false;
        ts.BeginBlocking();
        try { return Wait(timeout); }
        finally { ts.EndBlocking(); }
    }

    /// <summary>Waits for the lock without touching the GIL (the caller has released it, or never held it).</summary>
    public bool Wait(double timeout)
    {
        long deadline = timeout < 0 ? long.MaxValue : Stopwatch.GetTimestamp() + (long)(timeout * Stopwatch.Frequency);
        lock (_sync)
        {
            _waiters++;
            try
            {
                while (true)
                {
                    // The compare-and-swap is a full fence, so a releaser that runs after it sees the waiter count.
                    if (TryAcquire()) return true;
                    if (deadline == long.MaxValue) Monitor.Wait(_sync);
                    else
                    {
                        long remaining = deadline - Stopwatch.GetTimestamp();
                        if (remaining <= 0) return false;
                        Monitor.Wait(_sync, TimeSpan.FromSeconds(remaining / (double)Stopwatch.Frequency));
                    }
                }
            }
            finally { _waiters--; }
        }
    }

    /// <summary>Releases the lock; false if it was not locked.</summary>
    public bool Release()
    {
        if (Interlocked.Exchange(ref _locked, 0) == 0) return false;
        if (Volatile.Read(ref _waiters) > 0)
            lock (_sync) Monitor.Pulse(_sync);
        return true;
    }
}
