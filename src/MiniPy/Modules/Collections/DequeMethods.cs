using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules.Collections;

/// <summary>The methods of collections.deque, each atomic (see <see cref="PyDeque"/>).</summary>
internal static class DequeMethods
{
    private static PyDeque Self(PyObject? self) => (PyDeque)self!;

    public static void Register(PyType t)
    {
        Reg.Method(t, "__init__", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.CheckKeywords("deque", "iterable", "maxlen");
            a.CheckPositional("deque", 0, 2);
            var d = Self(self);
            var maxlen = a.Get(1, "maxlen");
            int bound = -1;
            if (maxlen is not null && maxlen is not PyNone)
            {
                if (!IntOps.IsInt(maxlen)) throw Err.TypeError("an integer is required");
                long m = Ops.AsSsize(ts, maxlen);
                if (m < 0) throw Err.ValueError("maxlen must be non-negative");
                bound = (int)System.Math.Min(m, int.MaxValue);
            }
            d.Clear(ts);
            d.MaxLen = bound;
            if (a.Get(0, "iterable") is { } iterable) d.Extend(ts, iterable, left: false);
            return Types.None;
        });
        Reg.Slots(t, "__repr__", "__len__", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__iter__", "__bool__",
            "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__add__", "__mul__", "__rmul__", "__iadd__", "__imul__");
        Reg.Value(t, "__hash__", Types.None);
        Reg.GetSet(t, "maxlen", (ts, self) => Self(self).MaxLen < 0 ? Types.None : ts.NewInt(Self(self).MaxLen));
        Reg.Method(t, "append", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("append", 1, 1);
            Self(self).Append(ts, a[0], left: false);
            return Types.None;
        });
        Reg.Method(t, "appendleft", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("appendleft", 1, 1);
            Self(self).Append(ts, a[0], left: true);
            return Types.None;
        });
        Reg.Method(t, "pop", (ThreadState ts, PyObject? self, in Args a) => { a.Check("pop", 0, 0); return Self(self).Pop(ts, left: false); });
        Reg.Method(t, "popleft", (ThreadState ts, PyObject? self, in Args a) => { a.Check("popleft", 0, 0); return Self(self).Pop(ts, left: true); });
        Reg.Method(t, "extend", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("extend", 1, 1);
            Self(self).Extend(ts, a[0], left: false);
            return Types.None;
        });
        Reg.Method(t, "extendleft", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("extendleft", 1, 1);
            Self(self).Extend(ts, a[0], left: true);
            return Types.None;
        });
        Reg.Method(t, "clear", (ThreadState ts, PyObject? self, in Args a) => { a.Check("clear", 0, 0); Self(self).Clear(ts); return Types.None; });
        NativeFn copy = (ThreadState ts, PyObject? self, in Args a) =>
        {
            var d = Self(self);
            if (d.Type.IsHeap)
            {
                // A subclass is copied through its own constructor, as CPython does: type(d)(d, maxlen).
                var maxlen = d.MaxLen < 0 ? Types.None : ts.NewInt(d.MaxLen);
                try { return Ops.Call(ts, d.Type, new[] { (PyObject)d, maxlen }); }
                finally { Rc.Decref(ts, maxlen); }
            }
            var r = d.NewLike(ts);
            r.Extend(ts, d, left: false);
            return r;
        };
        Reg.Method(t, "copy", copy);
        Reg.Method(t, "__copy__", copy);
        Reg.Method(t, "count", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("count", 1, 1);
            var d = Self(self);
            long n = 0, from = 0;
            while (true)
            {
                long i = d.IndexOf(ts, a[0], from, long.MaxValue);
                if (i < 0) return ts.NewInt(n);
                n++;
                from = i + 1;
            }
        });
        Reg.Method(t, "index", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("index", 1, 3);
            var d = Self(self);
            long start = a.Count > 1 ? Ops.AsIndex(ts, a[1]) : 0, stop = a.Count > 2 ? Ops.AsIndex(ts, a[2]) : long.MaxValue;
            if (start < 0) start = System.Math.Max(0, start + d.Count);
            if (stop < 0) stop = System.Math.Max(0, stop + d.Count);
            long i = d.IndexOf(ts, a[0], start, stop);
            if (i < 0) throw Err.ValueError($"{Ops.ReprString(ts, a[0])} is not in deque");
            return ts.NewInt(i);
        });
        Reg.Method(t, "insert", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("insert", 2, 2);
            Self(self).Insert(ts, Ops.AsIndex(ts, a[0]), a[1]);
            return Types.None;
        });
        Reg.Method(t, "remove", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("remove", 1, 1);
            Self(self).Remove(ts, a[0]);
            return Types.None;
        });
        Reg.Method(t, "reverse", (ThreadState ts, PyObject? self, in Args a) => { a.Check("reverse", 0, 0); Self(self).Reverse(ts); return Types.None; });
        Reg.Method(t, "rotate", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("rotate", 0, 1);
            Self(self).Rotate(ts, a.Count > 0 ? Ops.AsSsize(ts, a[0]) : 1);
            return Types.None;
        });
        Reg.Method(t, "__reversed__", (ThreadState ts, PyObject? self, in Args a) => new PyDequeIterator(ts, Self(self), reversed: true));
        Reg.ClassMethod(t, "__class_getitem__", (ThreadState ts, PyObject? self, in Args a) => Rc.New(ts, self!));
    }
}
