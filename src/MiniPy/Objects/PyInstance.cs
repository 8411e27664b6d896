using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>An instance of a class defined in Python whose layout base is object. It owns a reference to its class.</summary>
internal sealed class PyInstance : PyObject
{
    public PyDict? Dict;

    public PyInstance(ThreadState ts, PyType cls) : base(cls)
    {
        Rc.Incref(ts, cls);
        if (cls.HasDel) Flags |= FinalizerFlag;
    }

    public override PyDict? InstanceDict => PyDict.Ensure(ref Dict);

    public override void Traverse(IReferenceVisitor visitor)
    {
        visitor.Visit(Dict);
        visitor.Visit(Type);
    }

    public override void ReleaseReferences(ThreadState ts)
    {
        var d = Dict;
        Dict = null;
        if (d is not null) Rc.Decref(ts, d);
        Rc.Decref(ts, Type);
    }
}
