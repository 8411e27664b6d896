using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using MiniPy.Runtime;

namespace MiniPy.Interpreters;

/// <summary>
/// A FIFO of shared values that any interpreter holding a handle can put into and take from (PEP 734's
/// queue). Items are interpreter-free data (<see cref="CrossInterpreterData"/>); a waiting thread holds no GIL.
/// </summary>
internal sealed class InterpreterQueue
{
    public readonly long Id;
    /// <summary>0 for no limit.</summary>
    public readonly int MaxSize;
    private readonly Queue<object?> _items = new();
    private readonly InterpreterRegistry? _countedBy;
    private int _waitingGetters, _waitingPutters;

    public InterpreterQueue(long id, int maxSize, InterpreterRegistry? countedBy)
    {
        Id = id;
        MaxSize = maxSize;
        _countedBy = countedBy;
    }

    public int Count
    {
        get { lock (_items) return _items.Count; }
    }

    public bool IsFull
    {
        get { lock (_items) return MaxSize > 0 && _items.Count >= MaxSize; }
    }

    /// <summary>Adds an item unless the queue is full.</summary>
    public bool TryPut(object? item)
    {
        lock (_items)
        {
            if (MaxSize > 0 && _items.Count >= MaxSize) return false;
            _items.Enqueue(item);
            if (_waitingGetters > 0) Monitor.PulseAll(_items);
        }
        _countedBy?.CountPut();
        return true;
    }

    /// <summary>Takes the oldest item if there is one.</summary>
    public bool TryGet(out object? item)
    {
        lock (_items)
        {
            if (!_items.TryDequeue(out item)) return false;
            if (_waitingPutters > 0) Monitor.PulseAll(_items);
        }
        _countedBy?.CountGet();
        return true;
    }

    /// <summary>Puts, waiting without the GIL while the queue is full; false when <paramref name="timeout"/>
    /// seconds (negative: no limit) pass first.</summary>
    public bool Put(ThreadState ts, object? item, double timeout)
    {
        if (TryPut(item)) return true;
        if (timeout == 0) return false;
        ts.BeginBlocking();
        try
        {
            long deadline = Deadline(timeout);
            lock (_items)
            {
                _waitingPutters++;
                try
                {
                    while (MaxSize > 0 && _items.Count >= MaxSize)
                        if (!Wait(deadline)) return false;
                    _items.Enqueue(item);
                    if (_waitingGetters > 0) Monitor.PulseAll(_items);
                }
                finally { _waitingPutters--; }
            }
            _countedBy?.CountPut();
            return true;
        }
        finally { ts.EndBlocking(); }
    }

    /// <summary>Takes an item, waiting without the GIL while the queue is empty; false on timeout.</summary>
    public bool Get(ThreadState ts, double timeout, out object? item)
    {
        if (TryGet(out item)) return true;
        if (timeout == 0) return false;
        ts.BeginBlocking();
        try
        {
            long deadline = Deadline(timeout);
            lock (_items)
            {
                _waitingGetters++;
                try
                {
                    while (!_items.TryDequeue(out item))
                        if (!Wait(deadline)) return false;
                    if (_waitingPutters > 0) Monitor.PulseAll(_items);
                }
                finally { _waitingGetters--; }
            }
            _countedBy?.CountGet();
            return true;
        }
        finally { ts.EndBlocking(); }
    }

    private static long Deadline(double timeout) =>
        timeout < 0 ? long.MaxValue : Stopwatch.GetTimestamp() + (long)(timeout * Stopwatch.Frequency);

    /// <summary>Waits for a pulse (the lock is held); false once the deadline has passed.</summary>
    private bool Wait(long deadline)
    {
        if (deadline == long.MaxValue)
        {
            Monitor.Wait(_items);
            return true;
        }
        long remaining = deadline - Stopwatch.GetTimestamp();
        if (remaining <= 0) return false;
        Monitor.Wait(_items, System.TimeSpan.FromSeconds(remaining / (double)Stopwatch.Frequency));
        return true;
    }
}
