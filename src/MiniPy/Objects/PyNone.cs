using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>None, the one instance of NoneType (immortal).</summary>
internal sealed class PyNone : PyObject
{
    internal PyNone(PyType type) : base(type) { }

    public static PyNone Instance => Types.None;

    public override PyObject Repr(ThreadState ts) => Types.Strs.None;
    public override bool IsTrue(ThreadState ts) => false;
    public override long Hash(ThreadState ts) => 0xFCA86420L;
}

/// <summary>Ellipsis and NotImplemented: named immortal singletons.</summary>
internal sealed class PySingleton : PyObject
{
    private readonly string _name;

    internal PySingleton(PyType type, string name) : base(type) { _name = name; }

    public override PyObject Repr(ThreadState ts) => new PyStr(_name);

    public override bool IsTrue(ThreadState ts)
    {
        if (_name == "NotImplemented")
            throw Err.TypeError("NotImplemented should not be used in a boolean context");
        return true;
    }
}
