namespace MiniPy.Memory;

/// <summary>Counters printed by <c>--stats</c>; one set per thread state, summed at exit.</summary>
internal sealed class RcStats
{
    /// <summary>Increments and decrements: local ones under the biased scheme, all of them otherwise.</summary>
    public long Increments, Decrements, ImmortalSkips, Deallocations, FreeListReuses;
    /// <summary>Biased scheme: changes of the shared count by threads other than the owner.</summary>
    public long SharedIncrements, SharedDecrements;
    /// <summary>Interlocked instructions (every change under atomic; the shared ones under biased).</summary>
    public long AtomicOps;
    /// <summary>Biased scheme: objects queued to their owner, and objects whose counts were merged.</summary>
    public long Queued, Merged;
    /// <summary>Per-object (critical-section) lock acquisitions, and those that had to wait.</summary>
    public long LockAcquisitions, ContendedLockAcquisitions;

    public void Add(RcStats other)
    {
        Increments += other.Increments;
        Decrements += other.Decrements;
        ImmortalSkips += other.ImmortalSkips;
        Deallocations += other.Deallocations;
        FreeListReuses += other.FreeListReuses;
        SharedIncrements += other.SharedIncrements;
        SharedDecrements += other.SharedDecrements;
        AtomicOps += other.AtomicOps;
        Queued += other.Queued;
        Merged += other.Merged;
        LockAcquisitions += other.LockAcquisitions;
        ContendedLockAcquisitions += other.ContendedLockAcquisitions;
    }
}
