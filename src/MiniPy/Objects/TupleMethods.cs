using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>tuple's constructor and methods.</summary>
internal static class TupleMethods
{
    public static void Register()
    {
        var t = Types.Tuple;
        t.New = (ThreadState ts, PyType cls, in Args a) =>
        {
            a.Check("tuple", 0, 1);
            if (a.Count == 0) return Types.EmptyTuple;
            if (a[0] is PyTuple tup) return Rc.New(ts, (PyObject)tup);
            return ts.NewTuple(Ops.ToArray(ts, a[0]));
        };
        Reg.Slots(t, "__repr__", "__hash__", "__len__", "__getitem__", "__contains__", "__iter__", "__add__", "__mul__", "__rmul__");
        foreach (var c in Reg.Comparisons) Reg.Slots(t, c);
        Reg.Method(t, "count", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("count", 1, 1);
            long n = 0;
            foreach (var x in ((PyTuple)self!).Items) if (Ops.EqualsBool(ts, x, a[0])) n++;
            return ts.NewInt(n);
        });
        Reg.Method(t, "index", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("index", 1, 3);
            var items = ((PyTuple)self!).Items;
            for (int i = 0; i < items.Length; i++) if (Ops.EqualsBool(ts, items[i], a[0])) return ts.NewInt(i);
            throw Err.ValueError("tuple.index(x): x not in tuple");
        });
        Reg.ClassMethod(t, "__class_getitem__", (ThreadState ts, PyObject? self, in Args a) => Rc.New(ts, self!));
    }
}
