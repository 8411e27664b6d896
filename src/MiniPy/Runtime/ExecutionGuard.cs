using System;
using System.Diagnostics;
using System.Threading;
using MiniPy.Objects;

namespace MiniPy.Runtime;

/// <summary>
/// The limits a host put on one call into an interpreter (timeout, cancellation, instruction budget,
/// allocation limit), checked by the thread running it at eval-breaker polls. A timer raises the
/// breaker every few milliseconds while the call runs; with a budget the breaker stays raised, so every
/// backward jump and call is counted.
/// </summary>
internal sealed class ExecutionGuard : IDisposable
{
    /// <summary>How often the timer makes the running thread look at its limits.</summary>
    private const int CheckPeriodMs = 5;

    private readonly ThreadState _ts;
    private readonly long _deadline;
    private readonly CancellationToken _cancellation;
    private long _budget;
    private readonly bool _counting;
    private readonly long _allocationLimit, _allocationBase;
    private readonly Timer? _timer;
    private readonly CancellationTokenRegistration _registration;

    /// <summary>Why the script was stopped, once it was.</summary>
    public TerminationCause Cause { get; private set; }

    public ExecutionGuard(ThreadState ts, TimeSpan? timeout, CancellationToken cancellation, long? instructionBudget, long? allocationLimit)
    {
        _ts = ts;
        _deadline = timeout is { } t ? Stopwatch.GetTimestamp() + (long)(t.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        _cancellation = cancellation;
        _counting = instructionBudget is not null;
        _budget = instructionBudget ?? long.MaxValue;
        _allocationLimit = allocationLimit ?? long.MaxValue;
        _allocationBase = allocationLimit is null ? 0 : GC.GetTotalMemory(false);
        if (_counting) ts.RequestLimitCheck();
        if (timeout is not null || cancellation.CanBeCanceled || allocationLimit is not null)
            _timer = new Timer(static state => ((ThreadState)state!).RequestLimitCheck(), ts, CheckPeriodMs, CheckPeriodMs);
        if (cancellation.CanBeCanceled) _registration = cancellation.Register(static state => ((ThreadState)state!).RequestLimitCheck(), ts);
    }

    /// <summary>True once the timeout has passed or the host cancelled (checked without raising, by
    /// blocking calls that wait in slices so that a sleeping script can be stopped too).</summary>
    public bool ShouldStop =>
        _cancellation.IsCancellationRequested || (_deadline != long.MaxValue && Stopwatch.GetTimestamp() >= _deadline);

    /// <summary>Called at an eval-breaker poll: raises when a limit has been reached.</summary>
    public void Check()
    {
        if (_counting)
        {
            _ts.RequestLimitCheck();
            if (--_budget < 0) Stop(TerminationCause.InstructionBudget, "the instruction budget is spent");
        }
        if (_cancellation.IsCancellationRequested) Stop(TerminationCause.Cancelled, "the host cancelled the script");
        if (_deadline != long.MaxValue && Stopwatch.GetTimestamp() >= _deadline) Stop(TerminationCause.Timeout, "the script ran out of time");
        if (_allocationLimit != long.MaxValue && GC.GetTotalMemory(false) - _allocationBase > _allocationLimit &&
            GC.GetTotalMemory(true) - _allocationBase > _allocationLimit)
        {
            Cause = TerminationCause.AllocationLimit;
            _ts.RequestLimitCheck();
            throw Err.Make(Types.MemoryError, $"the allocation limit of {_allocationLimit} bytes is exceeded");
        }
    }

    private void Stop(TerminationCause cause, string message)
    {
        Cause = cause;
        // Stays raised: a script that catches ScriptTerminated with a bare except meets it again.
        _ts.RequestLimitCheck();
        throw Err.Make(Types.ScriptTerminated, message);
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _registration.Dispose();
        _ts.ClearLimitCheck();
    }
}
