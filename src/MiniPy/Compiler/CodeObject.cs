using System;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Compiler;

[Flags]
internal enum CodeFlags
{
    None = 0,
    VarArgs = 1,
    VarKeywords = 2,
    Generator = 4,
    Coroutine = 8,
    /// <summary>Module or class body: names live in a dict (LOAD_NAME), not in fast slots.</summary>
    NameScope = 16,
}

/// <summary>One entry of the exception table: instructions [Start, End) jump to Handler with the stack cut to Depth.</summary>
internal readonly record struct ExceptionEntry(int Start, int End, int Handler, int Depth);

/// <summary>
/// Compiled code: the instructions, their constants and names, the local layout and the tables that
/// map instructions to lines and to exception handlers. Code objects are immortal: they live as long as
/// anything refers to them and the .NET GC reclaims them, so their constants are never released.
/// </summary>
internal sealed class CodeObject : PyObject
{
    public int[] Instructions;
    public readonly PyObject[] Consts;
    public readonly PyStr[] Names;
    /// <summary>Fast locals first, then cell variables, then free variables: the frame's "localsplus".</summary>
    public readonly string[] LocalNames;
    public readonly string[] CellNames;
    public readonly string[] FreeNames;
    public readonly int NLocals;
    public readonly int ArgCount, PosOnlyCount, KwOnlyCount;
    public readonly CodeFlags CoFlags;
    public readonly int StackSize;
    public readonly int[] Lines;
    public readonly ExceptionEntry[] ExceptionTable;
    public readonly string Name, QualName, Filename;
    public readonly int FirstLine;
    /// <summary>For each cell variable, the index of the argument it starts as, or -1.</summary>
    public readonly int[] CellArgs;
    /// <summary>Per-instruction inline caches for specialised instructions (quickening).</summary>
    public readonly object?[] Caches;
    /// <summary>Plain positional parameters only (no *args, **kwargs, keyword-only; not a generator): calls with
    /// exactly ArgCount positional arguments bind by copying.</summary>
    public readonly bool SimpleArgs;

    /// <summary>Consts[0] is the docstring.</summary>
    public bool HasDocstring;

    public CodeObject(int[] instructions, PyObject[] consts, PyStr[] names, string[] localNames, string[] cellNames,
        string[] freeNames, int argCount, int posOnlyCount, int kwOnlyCount, CodeFlags flags, int stackSize,
        int[] lines, ExceptionEntry[] exceptionTable, string name, string qualName, string filename, int firstLine, int[] cellArgs)
        : base(Types.Code)
    {
        Instructions = instructions;
        Consts = consts;
        Names = names;
        LocalNames = localNames;
        CellNames = cellNames;
        FreeNames = freeNames;
        NLocals = localNames.Length;
        ArgCount = argCount;
        PosOnlyCount = posOnlyCount;
        KwOnlyCount = kwOnlyCount;
        CoFlags = flags;
        StackSize = stackSize;
        Lines = lines;
        ExceptionTable = exceptionTable;
        Name = name;
        QualName = qualName;
        Filename = filename;
        FirstLine = firstLine;
        CellArgs = cellArgs;
        SimpleArgs = (flags & (CodeFlags.VarArgs | CodeFlags.VarKeywords | CodeFlags.Generator | CodeFlags.Coroutine)) == 0 && kwOnlyCount == 0;
        Caches = new object?[instructions.Length];
        MakeImmortal<CodeObject>();
    }

    /// <summary>Slots a frame needs for locals, cells and free variables.</summary>
    public int LocalsPlus => NLocals + CellNames.Length + FreeNames.Length;

    public int TotalArgs => ArgCount + KwOnlyCount + ((CoFlags & CodeFlags.VarArgs) != 0 ? 1 : 0) + ((CoFlags & CodeFlags.VarKeywords) != 0 ? 1 : 0);

    /// <summary>Calling the function makes a resumable object (generator, coroutine or async generator)
    /// instead of running it.</summary>
    public bool IsGenerator => (CoFlags & (CodeFlags.Generator | CodeFlags.Coroutine)) != 0;

    /// <summary>An async def: a coroutine, or with Generator also set, an asynchronous generator.</summary>
    public bool IsCoroutine => (CoFlags & CodeFlags.Coroutine) != 0;

    public bool IsAsyncGenerator => (CoFlags & (CodeFlags.Generator | CodeFlags.Coroutine)) == (CodeFlags.Generator | CodeFlags.Coroutine);

    public int LineAt(int pc) => pc >= 0 && pc < Lines.Length ? Lines[pc] : FirstLine;

    /// <summary>The innermost handler covering instruction <paramref name="pc"/>, or null.</summary>
    public ExceptionEntry? HandlerFor(int pc)
    {
        // Entries are emitted innermost first for nested regions, so the first match is the innermost.
        foreach (var e in ExceptionTable)
            if (pc >= e.Start && pc < e.End) return e;
        return null;
    }

    public override PyObject Repr(ThreadState ts) =>
        new PyStr($"<code object {Name} at 0x{IdentityOf(this):x}, file \"{Filename}\", line {FirstLine}>");

    public override void Traverse(IReferenceVisitor visitor)
    {
        foreach (var c in Consts) visitor.Visit(c);
    }
}
