using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>dict's constructor and methods.</summary>
internal static class DictMethods
{
    /// <summary>dict.update(other): a mapping (with keys()) or an iterable of pairs.</summary>
    public static void UpdateFrom(ThreadState ts, PyDict target, PyObject other)
    {
        if (other is PyDict d) { target.Update(ts, d); return; }
        if (Ops.TryGetAttr(ts, other, ts.Interp.Intern("keys")) is { } keys)
        {
            Rc.Decref(ts, keys);
            EvalHelpers.DictMerge(ts, target, other, false, null!);
            return;
        }
        var items = Ops.ToArray(ts, other);
        try
        {
            for (int i = 0; i < items.Length; i++)
            {
                var pair = Ops.ToArray(ts, items[i], $"cannot convert dictionary update sequence element #{i} to a sequence");
                try
                {
                    if (pair.Length != 2)
                        throw Err.ValueError($"dictionary update sequence element #{i} has length {pair.Length}; 2 is required");
                    target.SetItem(ts, pair[0], pair[1]);
                }
                finally { foreach (var x in pair) Rc.Decref(ts, x); }
            }
        }
        finally { foreach (var x in items) Rc.Decref(ts, x); }
    }

    private static void UpdateWithArgs(ThreadState ts, PyDict d, in Args a, string fn)
    {
        a.CheckPositional(fn, 0, 1);
        if (a.Count == 1) UpdateFrom(ts, d, a[0]);
        for (int i = 0; i < a.KwCount; i++) d.SetStr(ts, ts.Interp.Intern(a.KwName(i)), a.KwValue(i));
    }

    public static void Register()
    {
        var t = Types.Dict;
        t.New = (ThreadState ts, PyType cls, in Args a) =>
        {
            if (ReferenceEquals(cls, Types.Dict)) return new PyDict();
            Rc.Incref(ts, cls);
            return new PyDict(cls);
        };
        Reg.Method(t, "__init__", (ThreadState ts, PyObject? self, in Args a) => { UpdateWithArgs(ts, (PyDict)self!, a, "dict"); return Types.None; });
        Reg.Slots(t, "__repr__", "__len__", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__iter__", "__eq__", "__ne__", "__or__", "__ror__", "__ior__");
        Reg.Value(t, "__hash__", Types.None);
        Reg.Method(t, "keys", (ThreadState ts, PyObject? self, in Args a) => new PyDictView(ts, (PyDict)self!, DictIterKind.Keys));
        Reg.Method(t, "values", (ThreadState ts, PyObject? self, in Args a) => new PyDictView(ts, (PyDict)self!, DictIterKind.Values));
        Reg.Method(t, "items", (ThreadState ts, PyObject? self, in Args a) => new PyDictView(ts, (PyDict)self!, DictIterKind.Items));
        Reg.Method(t, "get", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("get", 1, 2);
            var v = ((PyDict)self!).GetItemOrNull(ts, a[0]);
            return Rc.New(ts, v ?? (a.Count > 1 ? a[1] : Types.None));
        });
        Reg.Method(t, "setdefault", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("setdefault", 1, 2);
            var d = (PyDict)self!;
            var v = d.GetItemOrNull(ts, a[0]);
            if (v is not null) return Rc.New(ts, v);
            var dflt = a.Count > 1 ? a[1] : Types.None;
            d.SetItem(ts, a[0], dflt);
            return Rc.New(ts, dflt);
        });
        Reg.Method(t, "pop", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("pop", 1, 2);
            var v = ((PyDict)self!).Pop(ts, a[0]);
            if (v is not null) return v;
            if (a.Count > 1) return Rc.New(ts, a[1]);
            throw Err.KeyError(ts, a[0]);
        });
        Reg.Method(t, "popitem", (ThreadState ts, PyObject? self, in Args a) =>
        {
            if (!((PyDict)self!).PopLast(out var k, out var v)) throw Err.Make(Types.KeyError, "popitem(): dictionary is empty");
            return ts.NewTuple(new[] { k, v });
        });
        Reg.MethodLockingItself(t, "update", (ThreadState ts, PyObject? self, in Args a) => { UpdateWithArgs(ts, (PyDict)self!, a, "update"); return Types.None; });
        Reg.Method(t, "clear", (ThreadState ts, PyObject? self, in Args a) => { ((PyDict)self!).ClearAll(ts); return Types.None; });
        Reg.Method(t, "copy", (ThreadState ts, PyObject? self, in Args a) => ((PyDict)self!).Copy(ts));
        Reg.ClassMethod(t, "fromkeys", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("fromkeys", 1, 2);
            var d = new PyDict();
            var value = a.Count > 1 ? a[1] : Types.None;
            foreach (var k in Ops.ToArray(ts, a[0]))
            {
                try { d.SetItem(ts, k, value); }
                finally { Rc.Decref(ts, k); }
            }
            return d;
        });
        Reg.Method(t, "__reversed__", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var keys = Ops.ToList(ts, self!);
            System.Array.Reverse(keys.Items, 0, keys.Count);
            try { return keys.Iter(ts); }
            finally { Rc.Decref(ts, keys); }
        });
        Reg.ClassMethod(t, "__class_getitem__", (ThreadState ts, PyObject? self, in Args a) => Rc.New(ts, self!));
        foreach (var view in new[] { Types.DictKeys, Types.DictValues, Types.DictItems })
            Reg.Slots(view, "__len__", "__iter__", "__contains__", "__repr__");
        foreach (var view in new[] { Types.DictKeys, Types.DictItems })
        {
            foreach (var c in Reg.Comparisons) Reg.Slots(view, c);
            Reg.Slots(view, "__and__", "__or__", "__sub__", "__xor__", "__rand__", "__ror__", "__rsub__", "__rxor__");
        }
    }
}
