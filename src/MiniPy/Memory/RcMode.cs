namespace MiniPy.Memory;

/// <summary>The concrete counting path a thread state uses, derived from the scheme and options.</summary>
internal enum RcMode : byte
{
    Plain,
    None,
    Atomic,
    Biased,
    /// <summary>plain with statistics, or with immortality off.</summary>
    PlainGeneral,
    /// <summary>none with statistics.</summary>
    NoneGeneral,
    /// <summary>atomic with statistics, or with immortality off.</summary>
    AtomicGeneral,
    /// <summary>biased with statistics, or with immortality off.</summary>
    BiasedGeneral,
}
