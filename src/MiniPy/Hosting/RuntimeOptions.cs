using System.Collections.Generic;
using System.IO;
using MiniPy.Memory;

namespace MiniPy.Hosting;

/// <summary>
/// How a MiniPy runtime is set up. Options are fixed once the runtime is created.
/// Thread-safety: configure on one thread before creating the runtime.
/// </summary>
public sealed class RuntimeOptions
{
    /// <summary>Run with a global interpreter lock (the default, <c>--gil on</c>); false is the free-threaded
    /// mode (<c>--gil off</c>): no global lock, per-object locks, a thread-safe counting scheme.</summary>
    public bool Gil { get; set; } = true;

    /// <summary>Keep the GIL off even when a host module that has not declared itself free-threading-safe
    /// is imported (by default such an import turns the GIL on, with a RuntimeWarning, as CPython 3.13t
    /// does; <c>-X gil=0</c> and <c>MINIPY_GIL=0</c> force it off in the command-line tool).</summary>
    public bool ForceGilOff { get; set; }

    /// <summary>What scripts may reach outside the interpreter; everything by default.</summary>
    public ScriptCapabilities Capabilities { get; set; } = ScriptCapabilities.All;

    /// <summary>The reference-counting scheme (<c>--refcount</c>); null picks the mode's default:
    /// <c>plain</c> with the GIL, <c>biased</c> without it.</summary>
    public RefCountScheme? RefCount { get; set; }

    /// <summary>Allow <c>plain</c> or <c>none</c> counting without the GIL (<c>--unsafe</c>): counts then race,
    /// which is what the reference checker is there to show.</summary>
    public bool Unsafe { get; set; }

    /// <summary>The scheme in force: <see cref="RefCount"/>, or the mode's default.</summary>
    public RefCountScheme Scheme => RefCount ?? (Gil ? RefCountScheme.Plain : RefCountScheme.Biased);

    /// <summary>Immortal objects (<c>--immortal on|off</c>): None, bools, small ints, interned strings, built-in types.</summary>
    public bool Immortal { get; set; } = true;

    /// <summary>Collect reference-counting statistics (<c>--stats</c>).</summary>
    public bool Stats { get; set; }

    /// <summary>Run the reference checker at exit (<c>--check-refs</c>) and poison deallocated objects.</summary>
    public bool CheckRefs { get; set; }

    /// <summary>Show the .NET stack of internal errors (<c>--debug</c>).</summary>
    public bool Debug { get; set; }

    /// <summary>Write a GIL timeline here at exit (<c>--trace</c>): trace-event JSON, or an SVG picture for a .svg path.</summary>
    public string? TracePath { get; set; }

    /// <summary>The initial GIL switch interval in seconds (sys.setswitchinterval); 5 ms as in CPython.</summary>
    public double SwitchInterval { get; set; } = 0.005;

    /// <summary>The initial recursion limit (sys.getrecursionlimit()).</summary>
    public int RecursionLimit { get; set; } = 1000;

    /// <summary>Folders searched for imported .mpy and .py modules, after the script's own folder.</summary>
    public List<string> SearchPaths { get; } = new();

    /// <summary>sys.argv.</summary>
    public List<string> Argv { get; } = new();

    /// <summary>Where print() and sys.stdout write; the process's standard output when null.</summary>
    public TextWriter? Stdout { get; set; }

    /// <summary>Where tracebacks and sys.stderr write; the process's standard error when null.</summary>
    public TextWriter? Stderr { get; set; }

    /// <summary>Where input() and sys.stdin read; the process's standard input when null.</summary>
    public TextReader? Stdin { get; set; }
}
