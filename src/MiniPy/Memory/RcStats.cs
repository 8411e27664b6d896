namespace MiniPy.Memory;

/// <summary>Counters printed by <c>--stats</c>; one set per thread state, summed at exit.</summary>
internal sealed class RcStats
{
    public long Increments, Decrements, ImmortalSkips, Deallocations, FreeListReuses;

    public void Add(RcStats other)
    {
        Increments += other.Increments;
        Decrements += other.Decrements;
        ImmortalSkips += other.ImmortalSkips;
        Deallocations += other.Deallocations;
        FreeListReuses += other.FreeListReuses;
    }
}
