using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>A closure cell: a variable shared between a function and the functions nested in it (and,
/// without the GIL, possibly between threads: then reads and writes take the cell's lock).</summary>
internal sealed class PyCell : PyLockable
{
    /// <summary>The owned contents, or null when the variable is unbound.</summary>
    public PyObject? Contents;

    public PyCell(PyObject? contents) : base(Types.Cell) { Contents = contents; }

    /// <summary>The contents as a new reference (null when unbound), taken under the cell's lock.</summary>
    public PyObject? LoadShared(ThreadState ts)
    {
        using var cs = new Concurrency.CriticalSection(ts, this);
        var o = Contents;
        if (o is not null) Rc.Incref(ts, o);
        return o;
    }

    /// <summary>Replaces the contents (taking over the caller's reference) under the cell's lock; the old
    /// value is released after the lock, since its __del__ may run.</summary>
    public void StoreShared(ThreadState ts, PyObject? value)
    {
        PyObject? old;
        using (new Concurrency.CriticalSection(ts, this))
        {
            old = Contents;
            Contents = value;
        }
        if (old is not null) Rc.Decref(ts, old);
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
