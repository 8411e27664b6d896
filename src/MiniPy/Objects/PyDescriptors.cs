using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>property(fget, fset, fdel, doc).</summary>
internal sealed class PyProperty : PyObject
{
    public PyObject? Getter, Setter, Deleter, Doc;
    /// <summary>The attribute name, set when the owning class is created (as property.__set_name__).</summary>
    public string? Name;

    private string Describe(PyObject instance) =>
        Name is null ? $"property of '{instance.Type.Name}' object" : $"property '{Name}' of '{instance.Type.Name}' object";

    public PyProperty(ThreadState ts, PyObject? fget, PyObject? fset, PyObject? fdel, PyObject? doc) : base(Types.Property)
    {
        Getter = Norm(fget);
        Setter = Norm(fset);
        Deleter = Norm(fdel);
        Doc = Norm(doc);
        Rc.XIncref(ts, Getter);
        Rc.XIncref(ts, Setter);
        Rc.XIncref(ts, Deleter);
        Rc.XIncref(ts, Doc);
        if (Doc is null && Getter is PyFunction f && f.Doc is not PyNone) Doc = Rc.New(ts, f.Doc);
    }

    private static PyObject? Norm(PyObject? o) => o is null or PyNone ? null : o;

    public override bool IsDataDescriptor => true;

    public override PyObject? DescriptorGet(ThreadState ts, PyObject? instance, PyType owner)
    {
        if (instance is null) return Rc.New(ts, this);
        if (Getter is null) throw Err.AttributeError($"{Describe(instance)} has no getter");
        return Ops.Call1(ts, Getter, instance);
    }

    public override void DescriptorSet(ThreadState ts, PyObject instance, PyObject? value)
    {
        if (value is null)
        {
            if (Deleter is null) throw Err.AttributeError($"{Describe(instance)} has no deleter");
            Rc.Decref(ts, Ops.Call1(ts, Deleter, instance));
            return;
        }
        if (Setter is null) throw Err.AttributeError($"{Describe(instance)} has no setter");
        Rc.Decref(ts, Ops.Call2(ts, Setter, instance, value));
    }

    public override void Traverse(IReferenceVisitor visitor)
    {
        visitor.Visit(Getter);
        visitor.Visit(Setter);
        visitor.Visit(Deleter);
        visitor.Visit(Doc);
    }

    public override void ReleaseReferences(ThreadState ts)
    {
        Rc.XDecref(ts, Getter);
        Rc.XDecref(ts, Setter);
        Rc.XDecref(ts, Deleter);
        Rc.XDecref(ts, Doc);
    }
}

/// <summary>staticmethod(f) and classmethod(f).</summary>
internal sealed class PyMethodWrapper : PyObject
{
    public readonly PyObject Function;
    public readonly bool IsClassMethod;

    public PyMethodWrapper(ThreadState ts, PyObject function, bool isClassMethod)
        : base(isClassMethod ? Types.ClassMethod : Types.StaticMethod)
    {
        Function = function;
        IsClassMethod = isClassMethod;
        Rc.Incref(ts, function);
    }

    public override PyObject? DescriptorGet(ThreadState ts, PyObject? instance, PyType owner)
    {
        if (!IsClassMethod) return Rc.New(ts, Function);
        return new PyMethod(ts, Function, owner);
    }

    public override bool IsCallable => !IsClassMethod;

    public override PyObject Call(ThreadState ts, in Args args) => Ops.Call(ts, Function, args);

    public override void Traverse(IReferenceVisitor visitor) => visitor.Visit(Function);
    public override void ReleaseReferences(ThreadState ts) => Rc.Decref(ts, Function);
}
