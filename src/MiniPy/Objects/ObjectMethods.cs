using MiniPy.Modules;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>object: the root of every class.</summary>
internal static class ObjectMethods
{
    public static PyObject New(ThreadState ts, PyType cls, in Args args)
    {
        if ((args.Count > 0 || args.KwCount > 0) && ExcessArgsAreErrors(cls))
            throw Err.TypeError(cls.IsHeap ? $"{cls.Name}() takes no arguments" : $"{cls.Name}() takes no arguments");
        return new PyInstance(ts, cls);
    }

    /// <summary>object() refuses arguments unless the class overrides __init__ (or __new__).</summary>
    private static bool ExcessArgsAreErrors(PyType cls)
    {
        var init = cls.Lookup(Types.Strs.Init);
        return init is PyMethodDescriptor d && ReferenceEquals(d.Owner, Types.Object);
    }

    public static void Register()
    {
        var t = Types.Object;
        Reg.Method(t, "__init__", (ThreadState ts, PyObject? self, in Args a) =>
        {
            if ((a.Count > 0 || a.KwCount > 0) && self!.Type.Lookup(Types.Strs.Init) is PyMethodDescriptor
                && self.Type.Lookup(Types.Strs.New) is PyMethodDescriptor)
                throw Err.TypeError($"{self.Type.Name}.__init__() takes exactly one argument (the instance to initialize)");
            return Types.None;
        });
        Reg.Method(t, "__new__", (ThreadState ts, PyObject? self, in Args a) =>
        {
            // object.__new__(cls, ...): self is the class when called as a static method through a class.
            var cls = self as PyType ?? (a.Count > 0 ? a[0] as PyType : null) ?? throw Err.TypeError("object.__new__(X): X is not a type object");
            if (cls.LayoutBase != Types.Object) return cls.New!(ts, cls, default);
            return new PyInstance(ts, cls);
        });
        Reg.Slots(t, "__repr__", "__hash__", "__eq__", "__ne__");
        // object.__str__ is repr() through the object's type, so an overridden __repr__ is honoured.
        Reg.Method(t, "__str__", (ThreadState ts, PyObject? self, in Args a) => Ops.Repr(ts, self!));
        Reg.Method(t, "__lt__", (ThreadState ts, PyObject? self, in Args a) => Types.NotImplemented);
        Reg.Method(t, "__le__", (ThreadState ts, PyObject? self, in Args a) => Types.NotImplemented);
        Reg.Method(t, "__gt__", (ThreadState ts, PyObject? self, in Args a) => Types.NotImplemented);
        Reg.Method(t, "__ge__", (ThreadState ts, PyObject? self, in Args a) => Types.NotImplemented);
        Reg.Method(t, "__getattribute__", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("__getattribute__", 1, 1);
            var name = a[0] as PyStr ?? throw Err.TypeError("attribute name must be string");
            return Ops.GenericGetAttr(ts, self!, name) ?? throw Ops.NoAttribute(self!, name);
        });
        Reg.Method(t, "__setattr__", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("__setattr__", 2, 2);
            Ops.GenericSetAttr(ts, self!, a[0] as PyStr ?? throw Err.TypeError("attribute name must be string"), a[1]);
            return Types.None;
        });
        Reg.Method(t, "__delattr__", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("__delattr__", 1, 1);
            Ops.GenericSetAttr(ts, self!, a[0] as PyStr ?? throw Err.TypeError("attribute name must be string"), null);
            return Types.None;
        });
        Reg.Method(t, "__format__", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("__format__", 1, 1);
            var spec = Ops.StrString(ts, a[0]);
            if (spec.Length > 0) throw Err.TypeError($"unsupported format string passed to {self!.Type.Name}.__format__");
            return Ops.Str(ts, self!);
        });
        Reg.Method(t, "__dir__", (ThreadState ts, PyObject? self, in Args a) => BuiltinFunctions.Dir(ts, self!));
        Reg.Method(t, "__sizeof__", (ThreadState ts, PyObject? self, in Args a) => ts.NewInt(16));
        Reg.ClassMethod(t, "__init_subclass__", (ThreadState ts, PyObject? self, in Args a) => Types.None);
        Reg.GetSet(t, "__class__", (ts, self) => Rc.New(ts, (PyObject)self.Type));
        Reg.GetSet(t, "__dict__", (ts, self) =>
            self.InstanceDict is { } d ? Rc.New(ts, (PyObject)d) : throw Err.AttributeError($"'{self.Type.Name}' object has no attribute '__dict__'"));
    }
}
