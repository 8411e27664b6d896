using System.Collections.Generic;
using MiniPy.Objects;

namespace MiniPy.Runtime;

/// <summary>Calling a class (type.__call__) and creating classes (class statements and type(name, bases, dict)).</summary>
internal static class TypeCall
{
    public static PyObject Call(ThreadState ts, PyType type, in Args args)
    {
        if (ReferenceEquals(type, Types.Type))
        {
            if (args.Count == 1 && args.KwCount == 0) return Rc.New(ts, (PyObject)args[0].Type);
            if (args.Count == 3)
                return CreateType(ts, Ops.StrString(ts, args[0]), args[1] as PyTuple ?? throw Err.TypeError("type.__new__() argument 2 must be tuple"),
                    args[2] as PyDict ?? throw Err.TypeError("type.__new__() argument 3 must be dict"), null);
            throw Err.TypeError("type() takes 1 or 3 arguments");
        }
        PyObject obj;
        var newMethod = type.IsHeap ? type.Lookup(Types.Strs.New) : null;
        if (newMethod is not null && newMethod is not PyMethodDescriptor)
        {
            var fn = newMethod is PyMethodWrapper w ? w.Function : newMethod;
            obj = Ops.CallWithSelf(ts, fn, type, args);
        }
        else
        {
            if (type.New is null) throw Err.TypeError($"cannot create '{type.Name}' instances");
            obj = type.New(ts, type, args);
        }
        if (!obj.Type.IsSubtypeOf(type)) return obj;
        var init = obj.Type.Lookup(Types.Strs.Init);
        if (init is null || init is PyMethodDescriptor { Owner: var owner } && ReferenceEquals(owner, Types.Object))
            return obj;
        try
        {
            var r = init is PyMethodDescriptor d ? d.Fn(ts, obj, args) : Ops.CallWithSelf(ts, init, obj, args);
            if (r is not PyNone)
            {
                Rc.Decref(ts, r);
                throw Err.TypeError($"__init__() should return None, not '{r.Type.Name}'");
            }
        }
        catch
        {
            Rc.Decref(ts, obj);
            throw;
        }
        return obj;
    }

    /// <summary>Creates a class: checks the bases, computes the MRO and layout, wraps special methods.</summary>
    public static PyType CreateType(ThreadState ts, string name, PyTuple basesTuple, PyDict ns, PyDict? kwargs)
    {
        var bases = new List<PyType>();
        foreach (var b in basesTuple.Items)
        {
            if (b is not PyType bt) throw Err.TypeError("bases must be types");
            if (!bt.IsBaseType) throw Err.TypeError($"type '{bt.Name}' is not an acceptable base type");
            bases.Add(bt);
        }
        if (bases.Count == 0) bases.Add(Types.Object);
        PyType layout = Types.Object;
        foreach (var b in bases)
        {
            var l = b.LayoutBase;
            if (l.IsSubtypeOf(layout)) layout = l;
            else if (!layout.IsSubtypeOf(l)) throw Err.TypeError("multiple bases have instance lay-out conflict");
        }
        if (!(ReferenceEquals(layout, Types.Object) || layout.IsSubtypeOf(Types.BaseException) || layout.SupportsSubclassLayout))
            throw Err.NotImplemented($"subclassing '{layout.Name}' is not supported by MiniPy");
        var basesArray = bases.ToArray();
        var dict = new PyDict();
        dict.Update(ts, ns);
        var modName = ts.Interp.Intern("__module__");
        if (dict.GetItemOrNull(modName) is null)
        {
            var g = ts.CurrentFrame?.Globals.GetItemOrNull(Types.Strs.Name);
            if (g is not null) dict.SetStr(ts, modName, g);
        }
        WrapImplicit(ts, dict, Types.Strs.New, false);
        WrapImplicit(ts, dict, Types.Strs.InitSubclass, true);
        WrapImplicit(ts, dict, Types.Strs.ClassGetItem, true);
        if (dict.GetItemOrNull(Types.Strs.Eq) is not null && dict.GetItemOrNull(Types.Strs.Hash) is null)
            dict.SetStr(ts, Types.Strs.Hash, Types.None);
        var placeholder = new PyType(Types.Type, name, basesArray, new[] { Types.Object }, dict, layout);
        PyType[] mro;
        try { mro = PyType.ComputeMro(placeholder, basesArray); }
        catch
        {
            Rc.Decref(ts, dict);
            throw;
        }
        placeholder.Mro = mro;
        foreach (var b in basesArray) Rc.Incref(ts, b);
        var cls = placeholder;
        if (dict.GetItemOrNull(modName) is PyStr m) cls.Module = m.Value;
        cls.RefreshHooks();
        // __set_name__ on descriptors, then the parent's __init_subclass__.
        int pos = 0;
        var items = new List<(PyObject, PyObject)>();
        while (dict.Next(ref pos, out var k, out var v)) items.Add((k, v));
        foreach (var (k, v) in items)
        {
            if (v is PyProperty prop && k is PyStr propName) prop.Name ??= propName.Value;
            if (v.Type.IsHeap && v.Type.Lookup(Types.Strs.SetName) is { } setName)
                Rc.Decref(ts, Ops.CallDunder(ts, setName, v, cls, k));
        }
        if (mro.Length > 1)
        {
            for (int i = 1; i < mro.Length; i++)
            {
                var isc = mro[i].Dict.GetItemOrNull(Types.Strs.InitSubclass);
                if (isc is null) continue;
                if (isc is PyMethodWrapper { IsClassMethod: true } cm)
                {
                    var kw = kwargs ?? new PyDict();
                    var bound = new PyMethod(ts, cm.Function, cls);
                    try { Rc.Decref(ts, EvalHelpers.CallEx(ts, bound, Types.EmptyTuple, kw)); }
                    finally
                    {
                        Rc.Decref(ts, bound);
                        if (kwargs is null) Rc.Decref(ts, kw);
                    }
                }
                else if (kwargs is { Count: > 0 })
                    throw Err.TypeError($"{cls.Name}.__init_subclass__() takes no keyword arguments");
                break;
            }
        }
        return cls;
    }

    private static void WrapImplicit(ThreadState ts, PyDict dict, PyStr name, bool classMethod)
    {
        if (dict.GetItemOrNull(name) is PyFunction f)
            dict.SetStrOwned(ts, name, new PyMethodWrapper(ts, f, classMethod));
    }

    /// <summary>__build_class__(body, name, *bases, **kwds): runs the class body and creates the class.</summary>
    public static PyObject BuildClass(ThreadState ts, PyObject? self, in Args args)
    {
        if (args.Count < 2 || args[0] is not PyFunction body || args[1] is not PyStr name)
            throw Err.TypeError("__build_class__: not enough arguments");
        PyDict? kwargs = null;
        for (int i = 0; i < args.KwCount; i++)
        {
            var key = args.KwName(i);
            if (key == "metaclass")
            {
                if (!ReferenceEquals(args.KwValue(i), Types.Type))
                    throw Err.NotImplemented("metaclasses are not supported by MiniPy");
                continue;
            }
            kwargs ??= new PyDict();
            kwargs.SetStr(ts, ts.Interp.Intern(key), args.KwValue(i));
        }
        var bases = PyTuple.FromBorrowed(ts, args.Positional.Slice(2));
        var ns = new PyDict();
        try
        {
            var frame = ts.PushFrame(body.Code, body, body.Globals, body.Builtins);
            Rc.Incref(ts, body);
            frame.Locals = ns;
            Rc.Incref(ts, ns);
            ts.InstallClosure(frame, body);
            var r = Eval.Run(ts, frame);
            if (r is null) throw ts.TakeException();
            Rc.Decref(ts, r);
            var cls = CreateType(ts, name.Value, bases, ns, kwargs);
            var classCell = ns.GetItemOrNull(ts.Interp.Intern("__classcell__"));
            if (classCell is PyCell cell)
            {
                var old = cell.Contents;
                cell.Contents = Rc.New(ts, (PyObject)cls);
                Rc.XDecref(ts, old);
                var popped = cls.Dict.Pop(ts, ts.Interp.Intern("__classcell__"));
                Rc.XDecref(ts, popped);
                cls.Modified();
            }
            return cls;
        }
        finally
        {
            Rc.Decref(ts, ns);
            Rc.Decref(ts, bases);
            Rc.XDecref(ts, kwargs);
        }
    }
}
