using MiniPy.Compiler;
using MiniPy.Objects;

namespace MiniPy.Runtime;

/// <summary>
/// An activation of a code object. Its locals, cells and operand stack live in a slice of
/// <see cref="Slots"/>: the thread's value stack, or for a generator an array of its own. Every
/// non-null slot owns a reference. Frames are pooled by the thread; nothing holds on to a frame after
/// it returns (tracebacks keep the code and line, not the frame).
/// </summary>
internal sealed class Frame
{
    public CodeObject Code = null!;
    public PyFunction? Function;
    public PyDict Globals = null!;
    public PyDict Builtins = null!;
    /// <summary>The namespace of a module or class body (owned), or null for function frames.</summary>
    public PyDict? Locals;
    public Slot[] Slots = null!;
    public int Base;
    public int Sp;
    public int Pc;
    public int ChunkIndex;
    public Frame? Back;
    /// <summary>Run() returns to its native caller when this frame returns or yields.</summary>
    public bool IsEntry;
    public PyGenerator? Generator;
    /// <summary>Set when the frame has yielded rather than returned (generator frames only).</summary>
    public bool Yielded;
    /// <summary>The next frame in the thread's pool of free frames.</summary>
    public Frame? NextFree;

    /// <summary>Keeps frames of different threads off each other's cache lines: the running frame's Pc is
    /// written at every instruction, and the GC may compact two threads' frames next to each other.</summary>
#pragma warning disable CS0169 // never read: it only takes up space
    private readonly CacheLinePadding _padding;
#pragma warning restore CS0169

    public int StackBase => Base + Code.LocalsPlus;

    public int Line => Code.LineAt(Pc - 1);
}
