namespace MiniPy.Memory;

/// <summary>How an interpreter counts references (chosen once, at start: <c>--refcount</c>).</summary>
public enum RefCountScheme
{
    /// <summary>No counting: .NET's GC alone reclaims memory. Objects whose class defines <c>__del__</c>
    /// are still counted, so that finalisation stays deterministic as in CPython.</summary>
    None,
    /// <summary>Non-atomic counting; correct only while a GIL serialises threads. The default with the GIL on.</summary>
    Plain,
    /// <summary>Interlocked counting on every change.</summary>
    Atomic,
    /// <summary>Biased reference counting (PEP 703). The default with the GIL off.</summary>
    Biased,
}
