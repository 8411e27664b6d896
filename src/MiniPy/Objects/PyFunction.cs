using MiniPy.Compiler;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>A function defined in Python: code plus the environment it runs in.</summary>
internal sealed class PyFunction : PyObject
{
    public readonly CodeObject Code;
    public readonly PyDict Globals;
    public readonly PyDict Builtins;
    public PyTuple? Defaults;
    public PyDict? KwDefaults;
    public readonly PyTuple? Closure;
    public PyObject Name;
    public PyObject QualName;
    public PyObject Doc;
    public PyObject Module;
    private PyDict? _dict;

    /// <summary>Takes ownership of defaults, kwdefaults and closure; adds references to globals and builtins.</summary>
    public PyFunction(ThreadState ts, CodeObject code, PyDict globals, PyDict builtins, PyTuple? defaults, PyDict? kwDefaults, PyTuple? closure)
        : base(Types.Function)
    {
        Code = code;
        Globals = globals;
        Builtins = builtins;
        Rc.Incref(ts, globals);
        Rc.Incref(ts, builtins);
        Defaults = defaults;
        KwDefaults = kwDefaults;
        Closure = closure;
        Name = ts.Interp.Intern(code.Name);
        QualName = new PyStr(code.QualName);
        Doc = code.Consts.Length > 0 && code.Consts[0] is PyStr doc && code.HasDocstring ? Rc.New(ts, (PyObject)doc) : PyNone.Instance;
        var module = globals.GetItemOrNull(ts.Interp.Intern("__name__"));
        Module = module is null ? PyNone.Instance : Rc.New(ts, module);
    }

    public override PyDict? InstanceDict => PyDict.Ensure(ref _dict);

    public override PyObject Repr(ThreadState ts) => new PyStr($"<function {((PyStr)QualName).Value} at 0x{IdentityOf(this):x}>");

    public override bool IsCallable => true;

    public override PyObject Call(ThreadState ts, in Args args) => ts.CallFunction(this, args, null);

    public override PyObject? DescriptorGet(ThreadState ts, PyObject? instance, PyType owner)
    {
        if (instance is null) return Rc.New(ts, this);
        return new PyMethod(ts, this, instance);
    }

    public override void Traverse(IReferenceVisitor visitor)
    {
        visitor.Visit(Code);
        visitor.Visit(Globals);
        visitor.Visit(Builtins);
        visitor.Visit(Defaults);
        visitor.Visit(KwDefaults);
        visitor.Visit(Closure);
        visitor.Visit(Name);
        visitor.Visit(QualName);
        visitor.Visit(Doc);
        visitor.Visit(Module);
        visitor.Visit(_dict);
    }

    public override void ReleaseReferences(ThreadState ts)
    {
        Rc.Decref(ts, Globals);
        Rc.Decref(ts, Builtins);
        Rc.XDecref(ts, Defaults);
        Rc.XDecref(ts, KwDefaults);
        Rc.XDecref(ts, Closure);
        Rc.Decref(ts, Name);
        Rc.Decref(ts, QualName);
        Rc.Decref(ts, Doc);
        Rc.Decref(ts, Module);
        Rc.XDecref(ts, _dict);
    }
}

/// <summary>A function bound to an instance.</summary>
internal sealed class PyMethod : PyObject
{
    public readonly PyObject Function;
    public readonly PyObject Self;

    public PyMethod(ThreadState ts, PyObject function, PyObject self) : base(Types.Method)
    {
        Function = function;
        Self = self;
        Rc.Incref(ts, function);
        Rc.Incref(ts, self);
    }

    public override bool IsCallable => true;

    public override PyObject Call(ThreadState ts, in Args args)
    {
        int n = args.All.Length;
        var buffer = n < 8 ? ts.RentArgs(n + 1) : new PyObject[n + 1];
        buffer[0] = Self;
        args.All.CopyTo(new System.Span<PyObject>(buffer, 1, n));
        try { return Ops.Call(ts, Function, new Args(new System.ReadOnlySpan<PyObject>(buffer, 0, n + 1), args.KwNames)); }
        finally
        {
            System.Array.Clear(buffer, 0, n + 1);
            if (n < 8) ts.ReturnArgs(buffer);
        }
    }

    public override PyObject Repr(ThreadState ts)
    {
        string qual = Function is PyFunction f ? ((PyStr)f.QualName).Value : "?";
        return new PyStr($"<bound method {qual} of {Ops.ReprString(ts, Self)}>");
    }

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op)
    {
        if (other is not PyMethod m || op is not (CompareOp.Eq or CompareOp.Ne)) return null;
        bool eq = ReferenceEquals(Function, m.Function) && ReferenceEquals(Self, m.Self);
        return PyBool.Of(eq == (op == CompareOp.Eq));
    }

    public override long Hash(ThreadState ts) => IdentityOf(Function) ^ IdentityOf(Self);

    public override void Traverse(IReferenceVisitor visitor)
    {
        visitor.Visit(Function);
        visitor.Visit(Self);
    }

    public override void ReleaseReferences(ThreadState ts)
    {
        Rc.Decref(ts, Function);
        Rc.Decref(ts, Self);
    }
}
