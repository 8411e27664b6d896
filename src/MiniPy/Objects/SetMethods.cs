using System;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>set and frozenset: constructors, methods and the set algebra.</summary>
internal static class SetMethods
{
    public static PyObject Union(ThreadState ts, PySet a, PyObject b)
    {
        var r = a.NewEmptyLike();
        r.UpdateFrom(ts, a);
        r.UpdateFrom(ts, b);
        return r;
    }

    public static PyObject Intersection(ThreadState ts, PySet a, PyObject b)
    {
        var r = a.NewEmptyLike();
        PySet other = b as PySet ?? MakeSet(ts, b);
        try
        {
            // Iterate over the smaller set, as CPython does.
            var (small, large) = a.Count <= other.Count ? (a, other) : (other, a);
            int pos = 0;
            while (small.NextEntry(ref pos, out var k, out var h))
                if (large.Contains(ts, k, h)) r.Add(ts, k, h);
        }
        finally { if (!ReferenceEquals(other, b)) Rc.Decref(ts, other); }
        return r;
    }

    public static PyObject Difference(ThreadState ts, PySet a, PyObject b)
    {
        var r = a.NewEmptyLike();
        PySet other = b as PySet ?? MakeSet(ts, b);
        try
        {
            int pos = 0;
            while (a.NextEntry(ref pos, out var k, out var h))
                if (!other.Contains(ts, k, h)) r.Add(ts, k, h);
        }
        finally { if (!ReferenceEquals(other, b)) Rc.Decref(ts, other); }
        return r;
    }

    public static PyObject SymmetricDifference(ThreadState ts, PySet a, PyObject b)
    {
        var r = a.NewEmptyLike();
        PySet other = b as PySet ?? MakeSet(ts, b);
        try
        {
            int pos = 0;
            while (a.NextEntry(ref pos, out var k, out var h))
                if (!other.Contains(ts, k, h)) r.Add(ts, k, h);
            pos = 0;
            while (other.NextEntry(ref pos, out var k, out var h))
                if (!a.Contains(ts, k, h)) r.Add(ts, k, h);
        }
        finally { if (!ReferenceEquals(other, b)) Rc.Decref(ts, other); }
        return r;
    }

    private static PySet MakeSet(ThreadState ts, PyObject iterable)
    {
        var s = new PySet(false);
        s.UpdateFrom(ts, iterable);
        return s;
    }

    private static PySet Self(PyObject? self) => (PySet)self!;

    public static void Register()
    {
        Types.Set.New = (ThreadState ts, PyType cls, in Args a) =>
        {
            if (ReferenceEquals(cls, Types.Set)) return new PySet(false);
            Rc.Incref(ts, cls);
            return new PySet(cls);
        };
        Types.FrozenSet.New = (ThreadState ts, PyType cls, in Args a) =>
        {
            a.Check("frozenset", 0, 1);
            var s = new PySet(true);
            if (a.Count == 1) s.UpdateFrom(ts, a[0]);
            return s;
        };
        Reg.Method(Types.Set, "__init__", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("set", 0, 1);
            var s = Self(self);
            s.Clear(ts);
            if (a.Count == 1) s.UpdateFrom(ts, a[0]);
            return Types.None;
        });
        foreach (var t in new[] { Types.Set, Types.FrozenSet })
        {
            Reg.Slots(t, "__repr__", "__len__", "__contains__", "__iter__", "__or__", "__and__", "__sub__", "__xor__", "__ror__", "__rand__", "__rsub__", "__rxor__");
            foreach (var c in Reg.Comparisons) Reg.Slots(t, c);
            Reg.Method(t, "union", (ThreadState ts, PyObject? self, in Args a) =>
            {
                var r = Self(self).NewEmptyLike();
                r.UpdateFrom(ts, self!);
                for (int i = 0; i < a.Count; i++) r.UpdateFrom(ts, a[i]);
                return r;
            });
            Reg.Method(t, "intersection", (ThreadState ts, PyObject? self, in Args a) =>
            {
                PyObject r = Rc.New(ts, self!);
                for (int i = 0; i < a.Count; i++)
                {
                    var next = Intersection(ts, (PySet)r, a[i]);
                    Rc.Decref(ts, r);
                    r = next;
                }
                if (ReferenceEquals(r, self)) { Rc.Decref(ts, r); r = Union(ts, Self(self), Types.EmptyTuple); }
                return r;
            });
            Reg.Method(t, "difference", (ThreadState ts, PyObject? self, in Args a) =>
            {
                PyObject r = Union(ts, Self(self), Types.EmptyTuple);
                for (int i = 0; i < a.Count; i++)
                {
                    var next = Difference(ts, (PySet)r, a[i]);
                    Rc.Decref(ts, r);
                    r = next;
                }
                return r;
            });
            Reg.Method(t, "symmetric_difference", (ThreadState ts, PyObject? self, in Args a) =>
            {
                a.Check(self!.Type.Name + ".symmetric_difference", 1, 1);
                return SymmetricDifference(ts, Self(self), a[0]);
            });
            Reg.Method(t, "issubset", (ThreadState ts, PyObject? self, in Args a) =>
            {
                a.Check(Self(self).Type.Name + ".issubset", 1, 1);
                var other = a[0] as PySet ?? MakeSet(ts, a[0]);
                try { return PyBool.Of(Self(self).IsSubsetOf(ts, other)); }
                finally { if (!ReferenceEquals(other, a[0])) Rc.Decref(ts, other); }
            });
            Reg.Method(t, "issuperset", (ThreadState ts, PyObject? self, in Args a) =>
            {
                a.Check(Self(self).Type.Name + ".issuperset", 1, 1);
                var other = a[0] as PySet ?? MakeSet(ts, a[0]);
                try { return PyBool.Of(other.IsSubsetOf(ts, Self(self))); }
                finally { if (!ReferenceEquals(other, a[0])) Rc.Decref(ts, other); }
            });
            Reg.Method(t, "isdisjoint", (ThreadState ts, PyObject? self, in Args a) =>
            {
                a.Check(Self(self).Type.Name + ".isdisjoint", 1, 1);
                var inter = Intersection(ts, Self(self), a[0]);
                try { return PyBool.Of(((PySet)inter).Count == 0); }
                finally { Rc.Decref(ts, inter); }
            });
            Reg.Method(t, "copy", (ThreadState ts, PyObject? self, in Args a) => Union(ts, Self(self), Types.EmptyTuple));
        }
        Reg.Slots(Types.FrozenSet, "__hash__");
        Reg.Value(Types.Set, "__hash__", Types.None);
        var s = Types.Set;
        Reg.Slots(s, "__ior__", "__iand__", "__isub__", "__ixor__");
        Reg.Method(s, "add", (ThreadState ts, PyObject? self, in Args a) => { a.Check("set.add", 1, 1); Self(self).Add(ts, a[0]); return Types.None; });
        Reg.Method(s, "discard", (ThreadState ts, PyObject? self, in Args a) => { a.Check("set.discard", 1, 1); Self(self).Discard(ts, a[0]); return Types.None; });
        Reg.Method(s, "remove", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("set.remove", 1, 1);
            if (!Self(self).Discard(ts, a[0])) throw Err.KeyError(ts, a[0]);
            return Types.None;
        });
        Reg.Method(s, "pop", (ThreadState ts, PyObject? self, in Args a) =>
            Self(self).PopAny() ?? throw Err.Make(Types.KeyError, "pop from an empty set"));
        Reg.Method(s, "clear", (ThreadState ts, PyObject? self, in Args a) => { Self(self).Clear(ts); return Types.None; });
        Reg.MethodLockingItself(s, "update", (ThreadState ts, PyObject? self, in Args a) =>
        {
            for (int i = 0; i < a.Count; i++) Self(self).UpdateFrom(ts, a[i]);
            return Types.None;
        });
        Reg.Method(s, "intersection_update", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("set.intersection_update", 0, int.MaxValue);
            var set = Self(self);
            for (int i = 0; i < a.Count; i++)
            {
                var inter = (PySet)Intersection(ts, set, a[i]);
                set.Clear(ts);
                set.UpdateFrom(ts, inter);
                Rc.Decref(ts, inter);
            }
            return Types.None;
        });
        Reg.Method(s, "difference_update", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("set.difference_update", 0, int.MaxValue);
            for (int i = 0; i < a.Count; i++)
                foreach (var k in Ops.ToArray(ts, a[i])) { Self(self).Discard(ts, k); Rc.Decref(ts, k); }
            return Types.None;
        });
        Reg.Method(s, "symmetric_difference_update", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("set.symmetric_difference_update", 1, 1);
            var items = ReferenceEquals(a[0], self) ? Array.Empty<PyObject>() : Ops.ToArray(ts, a[0]);
            if (ReferenceEquals(a[0], self)) Self(self).Clear(ts);
            foreach (var k in items) { if (!Self(self).Discard(ts, k)) Self(self).Add(ts, k); Rc.Decref(ts, k); }
            return Types.None;
        });
    }
}
