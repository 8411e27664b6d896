using MiniPy.Objects;

namespace MiniPy.Runtime;

internal static partial class Ops
{
    /// <summary>getattr(o, name); raises AttributeError.</summary>
    public static PyObject GetAttr(ThreadState ts, PyObject o, PyStr name) =>
        GetAttrOrNull(ts, o, name, true)!;

    /// <summary>getattr(o, name) or null when the attribute does not exist (other errors still raise).</summary>
    public static PyObject? TryGetAttr(ThreadState ts, PyObject o, PyStr name)
    {
        try { return GetAttrOrNull(ts, o, name, false); }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(Types.AttributeError))
        {
            Rc.Decref(ts, e.Value);
            return null;
        }
    }

    private static PyDict? ExistingDict(PyObject o) => o is PyInstance pi ? pi.Dict : o.InstanceDict;

    public static PyObject? GetAttrOrNull(ThreadState ts, PyObject o, PyStr name, bool raise)
    {
        if (o is PyType t) return TypeGetAttr(ts, t, name, raise);
        if (o is PySuper sup && sup.Lookup(ts, name) is { } found) return found;
        var type = o.Type;
        if (type.HasCustomGetAttribute)
        {
            var ga = type.Lookup(Types.Strs.GetAttribute)!;
            try { return CallDunder(ts, ga, o, name); }
            catch (PyException e) when (type.HasGetAttrHook && e.Value.Type.IsSubtypeOf(Types.AttributeError))
            {
                Rc.Decref(ts, e.Value);
                return CallDunder(ts, type.Lookup(Types.Strs.GetAttr)!, o, name);
            }
        }
        var r = GenericGetAttr(ts, o, name);
        if (r is not null) return r;
        if (type.HasGetAttrHook) return CallDunder(ts, type.Lookup(Types.Strs.GetAttr)!, o, name);
        if (!raise) return null;
        throw NoAttribute(o, name);
    }

    public static PyException NoAttribute(PyObject o, PyStr name)
    {
        if (o is PyModule m) return Err.AttributeError($"module '{m.Name}' has no attribute '{name.Value}'");
        return Err.AttributeError($"'{o.Type.Name}' object has no attribute '{name.Value}'");
    }

    /// <summary>object.__getattribute__: data descriptors, then the instance dict, then other class attributes.</summary>
    public static PyObject? GenericGetAttr(ThreadState ts, PyObject o, PyStr name)
    {
        var type = o.Type;
        var descr = type.Lookup(name);
        if (descr is not null)
        {
            if (descr.IsDataDescriptor) return descr.DescriptorGet(ts, o, type);
            if (descr.Type.IsHeap && descr.Type.Lookup(Types.Strs.Set) is not null && descr.Type.Lookup(Types.Strs.Get) is { } hg)
                return CallDunder(ts, hg, descr, o, type);
        }
        var dict = ExistingDict(o);
        if (dict is not null)
        {
            var v = dict.GetItemNew(ts, name);
            if (v is not null) return v;
        }
        if (descr is not null)
        {
            if (descr is PyFunction) return new PyMethod(ts, descr, o);
            var g = descr.DescriptorGet(ts, o, type);
            if (g is not null) return g;
            if (descr.Type.IsHeap && descr.Type.Lookup(Types.Strs.Get) is { } hget)
                return CallDunder(ts, hget, descr, o, type);
            return Rc.New(ts, descr);
        }
        return null;
    }

    private static PyObject? TypeGetAttr(ThreadState ts, PyType cls, PyStr name, bool raise)
    {
        var meta = cls.Type;
        var metaDescr = meta.Lookup(name);
        if (metaDescr is not null && metaDescr.IsDataDescriptor)
            return metaDescr.DescriptorGet(ts, cls, meta);
        var v = cls.Lookup(name);
        if (v is not null)
        {
            if (v is PyFunction) return Rc.New(ts, v);
            var g = v.DescriptorGet(ts, null, cls);
            if (g is not null) return g;
            if (v.Type.IsHeap && v.Type.Lookup(Types.Strs.Get) is { } hget)
                return CallDunder(ts, hget, v, Types.None, cls);
            return Rc.New(ts, v);
        }
        if (metaDescr is not null)
        {
            var g = metaDescr.DescriptorGet(ts, cls, meta);
            return g ?? Rc.New(ts, metaDescr);
        }
        if (!raise) return null;
        throw Err.AttributeError($"type object '{cls.Name}' has no attribute '{name.Value}'");
    }

    /// <summary>setattr(o, name, value); a null value deletes the attribute.</summary>
    public static void SetAttr(ThreadState ts, PyObject o, PyStr name, PyObject? value)
    {
        if (o is PyType t)
        {
            if (!t.IsHeap)
                throw Err.TypeError($"cannot set '{name.Value}' attribute of immutable type '{t.Name}'");
            var metaDescr = t.Type.Lookup(name);
            if (metaDescr is not null && metaDescr.IsDataDescriptor)
            {
                metaDescr.DescriptorSet(ts, t, value);
                return;
            }
            if (value is null)
            {
                var old = t.Dict.Pop(ts, name);
                if (old is null) throw Err.AttributeError($"type object '{t.Name}' has no attribute '{name.Value}'");
                Rc.Decref(ts, old);
            }
            else t.Dict.SetStr(ts, name, value);
            t.Modified();
            return;
        }
        var type = o.Type;
        if (type.HasCustomSetAttr)
        {
            var m = type.Lookup(value is null ? Types.Strs.DelAttr : Types.Strs.SetAttr);
            if (m is not null && m is not PyMethodDescriptor)
            {
                Rc.Decref(ts, value is null ? CallDunder(ts, m, o, name) : CallDunder(ts, m, o, name, value));
                return;
            }
        }
        GenericSetAttr(ts, o, name, value);
    }

    public static void GenericSetAttr(ThreadState ts, PyObject o, PyStr name, PyObject? value)
    {
        var type = o.Type;
        var descr = type.Lookup(name);
        if (descr is not null)
        {
            if (descr.IsDataDescriptor)
            {
                descr.DescriptorSet(ts, o, value);
                return;
            }
            if (descr.Type.IsHeap)
            {
                var hs = descr.Type.Lookup(value is null ? Types.Strs.Delete : Types.Strs.Set);
                if (hs is not null)
                {
                    Rc.Decref(ts, value is null ? CallDunder(ts, hs, descr, o) : CallDunder(ts, hs, descr, o, value));
                    return;
                }
            }
        }
        var dict = o.InstanceDict;
        if (dict is null)
        {
            if (descr is not null)
                throw Err.AttributeError($"'{type.Name}' object attribute '{name.Value}' is read-only");
            throw Err.AttributeError($"'{type.Name}' object has no attribute '{name.Value}'" + (value is null ? "" : " and no __dict__ for setting new attributes"));
        }
        if (value is null)
        {
            var old = dict.Pop(ts, name);
            if (old is null) throw NoAttribute(o, name);
            Rc.Decref(ts, old);
            return;
        }
        dict.SetStr(ts, name, value);
    }

    /// <summary>
    /// The method-call fast path (LOAD_METHOD): when the attribute is a plain function or built-in method
    /// found on the class, returns it unbound (the caller passes the object as self), avoiding a bound method.
    /// </summary>
    public static PyObject GetMethod(ThreadState ts, PyObject o, PyStr name, out bool unbound)
    {
        var type = o.Type;
        if (!type.HasCustomGetAttribute && o is not PyType && o is not PySuper)
        {
            var descr = type.Lookup(name);
            if (descr is PyFunction || descr is PyMethodDescriptor { IsClassMethod: false })
            {
                var dict = ExistingDict(o);
                if (dict is null || dict.GetItemOrNull(ts, name) is null)
                {
                    unbound = true;
                    return Rc.New(ts, descr);
                }
            }
        }
        unbound = false;
        return GetAttr(ts, o, name);
    }
}
