using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>A closure cell: a variable shared between a function and the functions nested in it.</summary>
internal sealed class PyCell : PyObject
{
    /// <summary>The owned contents, or null when the variable is unbound.</summary>
    public PyObject? Contents;

    public PyCell(PyObject? contents) : base(Types.Cell) { Contents = contents; }

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
