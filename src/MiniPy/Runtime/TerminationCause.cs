namespace MiniPy.Runtime;

/// <summary>Which host limit stopped a script.</summary>
internal enum TerminationCause
{
    None,
    Timeout,
    Cancelled,
    InstructionBudget,
    AllocationLimit,
}
