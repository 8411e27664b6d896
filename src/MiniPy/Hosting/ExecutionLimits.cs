using System;
using System.Threading;

namespace MiniPy.Hosting;

/// <summary>
/// Limits on one call into an interpreter. When one is reached the script stops with a
/// <see cref="ScriptTerminatedException"/> (the allocation limit raises a Python <c>MemoryError</c>, which
/// reaches the host as a <see cref="MiniPyException"/>), and the interpreter stays usable for the next call.
/// Thread-safety: immutable once passed to a call; one instance may serve many calls.
/// </summary>
public sealed class ExecutionLimits
{
    /// <summary>No limits.</summary>
    public static ExecutionLimits None { get; } = new();

    /// <summary>Wall-clock time the call may take; the script is stopped within a few milliseconds of it.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Stops the script when cancelled.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>How many loop iterations and calls (the points where the eval loop polls) the script may make.</summary>
    public long? InstructionBudget { get; init; }

    /// <summary>How many bytes the managed heap may grow by while the script runs (checked every few
    /// milliseconds, after a collection when it looks exceeded).</summary>
    public long? AllocationLimitBytes { get; init; }

    internal bool Any => Timeout is not null || Cancellation.CanBeCanceled || InstructionBudget is not null || AllocationLimitBytes is not null;
}
