using System;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>list's constructor and methods, and the stable sort shared with sorted().</summary>
internal static class ListMethods
{
    public static void Register()
    {
        var t = Types.List;
        t.New = (ThreadState ts, PyType cls, in Args a) =>
        {
            if (ReferenceEquals(cls, Types.List)) return new PyList();
            Rc.Incref(ts, cls); // an instance owns a reference to its class
            return new PyList(cls);
        };
        Reg.Method(t, "__init__", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("list", 0, 1);
            var l = (PyList)self!;
            l.Clear(ts);
            if (a.Count == 1) l.Extend(ts, a[0]);
            return Types.None;
        });
        Reg.Slots(t, "__repr__", "__len__", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__iter__",
            "__add__", "__mul__", "__rmul__", "__iadd__", "__imul__");
        foreach (var c in Reg.Comparisons) Reg.Slots(t, c);
        Reg.Value(t, "__hash__", Types.None);
        Reg.Method(t, "append", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("list.append", 1, 1);
            ((PyList)self!).Append(ts, a[0]);
            return Types.None;
        });
        Reg.MethodLockingItself(t, "extend", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("list.extend", 1, 1);
            ((PyList)self!).Extend(ts, a[0]);
            return Types.None;
        });
        Reg.Method(t, "insert", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("insert", 2, 2);
            ((PyList)self!).Insert(ts, Ops.AsIndex(ts, a[0]), a[1]);
            return Types.None;
        });
        Reg.Method(t, "pop", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("pop", 0, 1);
            var l = (PyList)self!;
            if (l.Count == 0) throw Err.IndexError("pop from empty list");
            long i = a.Count > 0 ? Ops.AsIndex(ts, a[0]) : l.Count - 1;
            if (i < 0) i += l.Count;
            if (i < 0 || i >= l.Count) throw Err.IndexError("pop index out of range");
            return l.PopAt(i);
        });
        Reg.Method(t, "remove", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("list.remove", 1, 1);
            var l = (PyList)self!;
            for (int i = 0; i < l.Count; i++)
            {
                if (Ops.EqualsBool(ts, l.Items[i], a[0]))
                {
                    Rc.Decref(ts, l.PopAt(i));
                    return Types.None;
                }
            }
            throw Err.ValueError("list.remove(x): x not in list");
        });
        Reg.Method(t, "index", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("index", 1, 3);
            var l = (PyList)self!;
            long start = a.Count > 1 ? Ops.AsIndex(ts, a[1]) : 0, stop = a.Count > 2 ? Ops.AsIndex(ts, a[2]) : l.Count;
            if (start < 0) start = Math.Max(0, start + l.Count);
            if (stop < 0) stop += l.Count;
            for (long i = start; i < Math.Min(stop, l.Count); i++)
                if (Ops.EqualsBool(ts, l.Items[i], a[0])) return ts.NewInt(i);
            throw Err.ValueError($"{Ops.ReprString(ts, a[0])} is not in list");
        });
        Reg.Method(t, "count", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("count", 1, 1);
            var l = (PyList)self!;
            long n = 0;
            for (int i = 0; i < l.Count; i++) if (Ops.EqualsBool(ts, l.Items[i], a[0])) n++;
            return ts.NewInt(n);
        });
        Reg.Method(t, "reverse", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var l = (PyList)self!;
            Array.Reverse(l.Items, 0, l.Count);
            return Types.None;
        });
        Reg.Method(t, "clear", (ThreadState ts, PyObject? self, in Args a) => { ((PyList)self!).Clear(ts); return Types.None; });
        Reg.Method(t, "copy", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var r = new PyList(((PyList)self!).Count);
            r.Extend(ts, self!);
            return r;
        });
        Reg.Method(t, "sort", (ThreadState ts, PyObject? self, in Args a) =>
        {
            if (a.Count > 0) throw Err.TypeError("sort() takes no positional arguments");
            a.CheckKeywords("sort", "key", "reverse");
            Sort(ts, (PyList)self!, a.Kw("key"), a.Kw("reverse") is { } r && Ops.IsTrue(ts, r));
            return Types.None;
        });
        Reg.Method(t, "__reversed__", (ThreadState ts, PyObject? self, in Args a) => new PyReversed(ts, self!, ((PyList)self!).Count));
        Reg.ClassMethod(t, "__class_getitem__", (ThreadState ts, PyObject? self, in Args a) => Rc.New(ts, self!));
    }

    /// <summary>A stable sort by <c>&lt;</c> (as list.sort): a merge sort over keys, with the list emptied meanwhile.</summary>
    public static void Sort(ThreadState ts, PyList list, PyObject? key, bool reverse)
    {
        int n = list.Count;
        var items = list.Items;
        list.Items = Array.Empty<PyObject>();
        list.Count = 0;
        PyObject[]? keys = null;
        try
        {
            if (key is not null && key is not PyNone)
            {
                keys = new PyObject[n];
                for (int i = 0; i < n; i++) keys[i] = Ops.Call1(ts, key, items[i]);
            }
            var order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            var k = keys ?? items;
            MergeSort(ts, order, new int[n], 0, n, k, reverse);
            var sorted = new PyObject[Math.Max(n, 4)];
            for (int i = 0; i < n; i++) sorted[i] = items[order[i]];
            items = sorted;
        }
        finally
        {
            if (keys is not null) foreach (var x in keys) if (x is not null) Rc.Decref(ts, x);
            if (list.Count > 0) throw Err.ValueError("list modified during sort");
            list.Items = items;
            list.Count = n;
        }
    }

    private static bool Before(ThreadState ts, PyObject[] keys, int a, int b, bool reverse) =>
        reverse ? Ops.LessThan(ts, keys[b], keys[a]) : Ops.LessThan(ts, keys[a], keys[b]);

    private static void MergeSort(ThreadState ts, int[] order, int[] temp, int lo, int hi, PyObject[] keys, bool reverse)
    {
        if (hi - lo <= 16)
        {
            // Binary insertion sort: stable, few comparisons.
            for (int i = lo + 1; i < hi; i++)
            {
                int x = order[i];
                int left = lo, right = i;
                while (left < right)
                {
                    int mid = (left + right) >> 1;
                    if (Before(ts, keys, x, order[mid], reverse)) right = mid; else left = mid + 1;
                }
                Array.Copy(order, left, order, left + 1, i - left);
                order[left] = x;
            }
            return;
        }
        int m = (lo + hi) >> 1;
        MergeSort(ts, order, temp, lo, m, keys, reverse);
        MergeSort(ts, order, temp, m, hi, keys, reverse);
        if (!Before(ts, keys, order[m], order[m - 1], reverse)) return; // already in order
        Array.Copy(order, lo, temp, lo, hi - lo);
        int p = lo, q = m, w = lo;
        while (p < m && q < hi)
        {
            if (Before(ts, keys, temp[q], temp[p], reverse)) order[w++] = temp[q++];
            else order[w++] = temp[p++];
        }
        while (p < m) order[w++] = temp[p++];
        while (q < hi) order[w++] = temp[q++];
    }
}
