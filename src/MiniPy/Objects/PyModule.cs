using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>A module: a named namespace dict.</summary>
internal sealed class PyModule : PyObject
{
    public readonly PyDict Dict;
    public readonly string Name;

    public PyModule(ThreadState ts, string name, PyDict? dict = null) : base(Types.Module)
    {
        Name = name;
        Dict = dict ?? new PyDict();
        if (dict is not null) Rc.Incref(ts, dict);
        Dict.SetStrOwned(ts, ts.Interp.Intern("__name__"), new PyStr(name));
    }

    public override PyDict? InstanceDict => Dict;

    public override PyObject Repr(ThreadState ts)
    {
        var file = Dict.GetItemOrNull(ts.Interp.Intern("__file__"));
        return new PyStr(file is PyStr f ? $"<module '{Name}' from '{f.Value}'>" : $"<module '{Name}' (built-in)>");
    }

    public void Set(ThreadState ts, string name, PyObject value) => Dict.SetStr(ts, ts.Interp.Intern(name), value);

    public override void Traverse(IReferenceVisitor visitor) => visitor.Visit(Dict);
    public override void ReleaseReferences(ThreadState ts) => Rc.Decref(ts, Dict);
}
