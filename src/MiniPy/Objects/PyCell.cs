using System.Runtime.CompilerServices;
using MiniPy.Concurrency;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>A closure cell: a variable shared between a function and the functions nested in it (and,
/// without the GIL, possibly between threads: then reads and writes take the cell's lock).</summary>
internal sealed class PyCell : PyLockable
{
    /// <summary>The owned contents, or null when the variable is unbound.</summary>
    public PyObject? Contents;

    public PyCell(PyObject? contents) : base(Types.Cell) { Contents = contents; }

    /// <summary>The contents as a new reference, or null when unbound. Without the GIL the reference is taken
    /// under the cell's lock, so a thread rebinding the variable cannot free the value in between.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PyObject? Load<TRc>(ThreadState ts) where TRc : struct, IRefCounting
    {
        if (ts.FreeThreaded) return LoadLocked(ts);
        var o = Contents;
        if (o is not null) TRc.Incref(ts, o);
        return o;
    }

    public PyObject? Load(ThreadState ts) => Load<DynamicRc>(ts);

    private PyObject? LoadLocked(ThreadState ts)
    {
        using var cs = new CriticalSection(ts, this);
        var o = Contents;
        if (o is not null) Rc.Incref(ts, o);
        return o;
    }

    /// <summary>Replaces the contents, taking over the caller's reference (null unbinds), and returns the old
    /// contents for the caller to release: after the cell's lock, since its __del__ may run.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PyObject? Exchange(ThreadState ts, PyObject? value)
    {
        if (ts.FreeThreaded) return ExchangeLocked(ts, value);
        var old = Contents;
        Contents = value;
        return old;
    }

    private PyObject? ExchangeLocked(ThreadState ts, PyObject? value)
    {
        using var cs = new CriticalSection(ts, this);
        var old = Contents;
        Contents = value;
        return old;
    }

    public override PyObject Repr(ThreadState ts) =>
        new PyStr(Contents is null ? $"<cell at 0x{IdentityOf(this):x}: empty>" : $"<cell at 0x{IdentityOf(this):x}: {Contents.Type.Name} object>");

    public override void Traverse(IReferenceVisitor visitor) => visitor.Visit(Contents);

    public override void ReleaseReferences(ThreadState ts)
    {
        var c = Contents;
        Contents = null;
        if (c is not null) Rc.Decref(ts, c);
    }
}
