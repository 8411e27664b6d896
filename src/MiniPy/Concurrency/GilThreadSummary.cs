using System.Diagnostics;
using MiniPy.Runtime;


namespace MiniPy.Concurrency;

/// <summary>One thread's GIL figures, kept after the thread has gone for the <c>--stats</c> report.</summary>
internal readonly record struct GilThreadSummary(string Name, long Acquisitions, long ForcedSwitches, long VoluntaryReleases, double WaitMs)
{
    public static GilThreadSummary Of(ThreadState ts) =>
        new(ts.Name, ts.GilAcquisitions, ts.GilForcedSwitches, ts.GilVoluntaryReleases, ts.GilWaitTicks * 1000.0 / Stopwatch.Frequency);
}
