namespace MiniPy.Objects;

/// <summary>A value an async generator yields with <c>yield</c> (not one an await inside it passes up to the
/// event loop): <see cref="PyAsyncGenAwaitable"/> turns it into the result of <c>__anext__</c>.</summary>
internal sealed class PyAsyncGenWrapped : PyObject
{
    /// <summary>The yielded value (owned).</summary>
    public PyObject Value;

    public PyAsyncGenWrapped(PyObject value) : base(Types.AsyncGenWrappedValue) { Value = value; }

    public override void Traverse(IReferenceVisitor visitor) => visitor.Visit(Value);

    public override void ReleaseReferences(Runtime.ThreadState ts) => Memory.Rc.Decref(ts, Value);
}
