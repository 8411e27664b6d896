namespace MiniPy.Hosting;

/// <summary>Why a host stopped a script.</summary>
public enum TerminationReason
{
    /// <summary><see cref="ExecutionLimits.Timeout"/> passed.</summary>
    Timeout,
    /// <summary><see cref="ExecutionLimits.Cancellation"/> was cancelled.</summary>
    Cancelled,
    /// <summary><see cref="ExecutionLimits.InstructionBudget"/> was spent.</summary>
    InstructionBudget,
}

/// <summary>A script stopped by one of its <see cref="ExecutionLimits"/>.</summary>
public sealed class ScriptTerminatedException : MiniPyException
{
    /// <summary>The limit that stopped it.</summary>
    public TerminationReason Reason { get; }

    public ScriptTerminatedException(TerminationReason reason, string message, string traceback)
        : base("ScriptTerminated", message, traceback)
    {
        Reason = reason;
    }
}
