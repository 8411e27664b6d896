using System.Collections.Generic;
using MiniPy.Objects;

namespace MiniPy.Runtime;

internal static partial class Ops
{
    public static PyObject GetIter(ThreadState ts, PyObject o)
    {
        if (!o.Type.IsHeap) return o.Iter(ts);
        var m = o.Type.Lookup(Types.Strs.Iter);
        if (m is not null && m is not PyNone)
        {
            if (m is PyMethodDescriptor) return o.Iter(ts);
            var it = CallDunder(ts, m, o);
            if (it.Type.IsHeap && it.Type.Lookup(Types.Strs.Next) is null)
            {
                Rc.Decref(ts, it);
                throw Err.TypeError($"iter() returned non-iterator of type '{it.Type.Name}'");
            }
            return it;
        }
        if (o.Type.Lookup(Types.Strs.GetItem) is not null) return new PySeqIterator(ts, o);
        throw Err.TypeError($"'{o.Type.Name}' object is not iterable");
    }

    /// <summary>next(it): a new reference, or null when the iterator is exhausted.</summary>
    public static PyObject? Next(ThreadState ts, PyObject it)
    {
        if (!it.Type.IsHeap) return it.Next(ts);
        var m = it.Type.Lookup(Types.Strs.Next);
        if (m is null) throw Err.TypeError($"'{it.Type.Name}' object is not an iterator");
        if (m is PyMethodDescriptor) return it.Next(ts);
        var r = ts.TryCallDunder(m, it);
        if (r is not null) return r;
        var exc = ts.CurrentException!;
        if (exc.Type.IsSubtypeOf(Types.StopIteration))
        {
            ts.CurrentException = null;
            Rc.Decref(ts, exc);
            return null;
        }
        ts.CurrentException = null;
        throw new PyException(exc);
    }

    public static long Length(ThreadState ts, PyObject o)
    {
        if (!o.Type.IsHeap) return o.Length(ts);
        var m = o.Type.Lookup(Types.Strs.Len);
        if (m is null) throw Err.TypeError($"object of type '{o.Type.Name}' has no len()");
        if (m is PyMethodDescriptor) return o.Length(ts);
        var r = CallDunder(ts, m, o);
        try
        {
            if (r is PyInt i)
            {
                if (i.Value < 0) throw Err.ValueError("__len__() should return >= 0");
                return i.Value;
            }
            if (r is PyBigInt) throw Err.Overflow("cannot fit 'int' into an index-sized integer");
            throw Err.TypeError($"'{r.Type.Name}' object cannot be interpreted as an integer");
        }
        finally { Rc.Decref(ts, r); }
    }

    public static PyObject GetItem(ThreadState ts, PyObject o, PyObject key)
    {
        if (!o.Type.IsHeap) return o.GetItem(ts, key);
        var m = o.Type.Lookup(Types.Strs.GetItem);
        if (m is null)
        {
            if (o is PyType cls && cls.Lookup(Types.Strs.ClassGetItem) is { } cgi) return Call1(ts, cgi, key);
            throw Err.TypeError($"'{o.Type.Name}' object is not subscriptable");
        }
        if (m is PyMethodDescriptor) return o.GetItem(ts, key);
        return CallDunder(ts, m, o, key);
    }

    public static void SetItem(ThreadState ts, PyObject o, PyObject key, PyObject value)
    {
        if (!o.Type.IsHeap) { o.SetItem(ts, key, value); return; }
        var m = o.Type.Lookup(Types.Strs.SetItem);
        if (m is null) throw Err.TypeError($"'{o.Type.Name}' object does not support item assignment");
        if (m is PyMethodDescriptor) { o.SetItem(ts, key, value); return; }
        Rc.Decref(ts, CallDunder(ts, m, o, key, value));
    }

    public static void DelItem(ThreadState ts, PyObject o, PyObject key)
    {
        if (!o.Type.IsHeap) { o.DelItem(ts, key); return; }
        var m = o.Type.Lookup(Types.Strs.DelItem);
        if (m is null) throw Err.TypeError($"'{o.Type.Name}' object does not support item deletion");
        if (m is PyMethodDescriptor) { o.DelItem(ts, key); return; }
        Rc.Decref(ts, CallDunder(ts, m, o, key));
    }

    public static bool Contains(ThreadState ts, PyObject container, PyObject item)
    {
        if (!container.Type.IsHeap) return container.Contains(ts, item);
        var m = container.Type.Lookup(Types.Strs.Contains);
        if (m is PyMethodDescriptor) return container.Contains(ts, item);
        if (m is not null)
        {
            var r = CallDunder(ts, m, container, item);
            bool t = IsTrue(ts, r);
            Rc.Decref(ts, r);
            return t;
        }
        return ContainsByIteration(ts, container, item);
    }

    /// <summary>Whether iter(o) would succeed (for error messages).</summary>
    public static bool IsIterable(PyObject o)
    {
        if (o.Type.IsHeap) return o.Type.Lookup(Types.Strs.Iter) is not null || o.Type.Lookup(Types.Strs.GetItem) is not null;
        return o.Type.Lookup(Types.Strs.Iter) is not null || o is PyGenerator;
    }

    public static bool ContainsByIteration(ThreadState ts, PyObject container, PyObject item)
    {
        var it = GetIter(ts, container);
        try
        {
            while (true)
            {
                var x = Next(ts, it);
                if (x is null) return false;
                bool eq;
                try { eq = EqualsBool(ts, x, item); }
                finally { Rc.Decref(ts, x); }
                if (eq) return true;
            }
        }
        finally { Rc.Decref(ts, it); }
    }

    /// <summary>The items of any iterable as owned references (the caller releases them).</summary>
    /// <summary>
    /// The items of a built-in list, dict (its keys), dict view or set as new references, copied in one
    /// step under the container's lock: as in CPython's free-threaded build, list(d) or sorted(s) never sees
    /// a container half-changed by another thread (and never fails with "changed size during iteration").
    /// Null for any other iterable.
    /// </summary>
    public static PyObject[]? Snapshot(ThreadState ts, PyObject iterable)
    {
        switch (iterable)
        {
            case PyList l when !l.Type.IsHeap:
            {
                using var cs = new Concurrency.CriticalSection(ts, l);
                var copy = new PyObject[l.Count];
                System.Array.Copy(l.Items, copy, l.Count);
                foreach (var x in copy) Rc.Incref(ts, x);
                return copy;
            }
            case PyDict d when !d.Type.IsHeap:
                return SnapshotDict(ts, d, DictIterKind.Keys);
            case PyDictView v:
                return SnapshotDict(ts, v.Dict, v.Kind);
            case PySet set when !set.Type.IsHeap:
            {
                using var cs = new Concurrency.CriticalSection(ts, set);
                var copy = new PyObject[set.Count];
                int pos = 0, n = 0;
                while (set.NextEntry(ref pos, out var key, out _)) { Rc.Incref(ts, key); copy[n++] = key; }
                return copy;
            }
            default:
                return null;
        }
    }

    private static PyObject[] SnapshotDict(ThreadState ts, PyDict d, DictIterKind kind)
    {
        using var cs = new Concurrency.CriticalSection(ts, d);
        var copy = new PyObject[d.Count];
        int pos = 0, n = 0;
        while (d.Next(ref pos, out var k, out var v))
        {
            Rc.Incref(ts, k);
            Rc.Incref(ts, v);
            switch (kind)
            {
                case DictIterKind.Keys: Rc.Decref(ts, v); copy[n++] = k; break;
                case DictIterKind.Values: Rc.Decref(ts, k); copy[n++] = v; break;
                default: copy[n++] = ts.NewTuple(new[] { k, v }); break;
            }
        }
        return copy;
    }

    public static PyObject[] ToArray(ThreadState ts, PyObject iterable, string? notIterableMessage = null)
    {
        if (iterable is PyTuple t)
        {
            var copy = (PyObject[])t.Items.Clone();
            foreach (var x in copy) Rc.Incref(ts, x);
            return copy;
        }
        if (Snapshot(ts, iterable) is { } snapshot) return snapshot;
        PyObject it;
        try { it = GetIter(ts, iterable); }
        catch (PyException e) when (notIterableMessage is not null && e.Value.Type == Types.TypeError)
        {
            Rc.Decref(ts, e.Value);
            throw Err.TypeError(notIterableMessage);
        }
        var list = new List<PyObject>();
        try
        {
            while (true)
            {
                var x = Next(ts, it);
                if (x is null) break;
                list.Add(x);
            }
        }
        catch
        {
            foreach (var x in list) Rc.Decref(ts, x);
            throw;
        }
        finally { Rc.Decref(ts, it); }
        return list.ToArray();
    }

    /// <summary>list(iterable).</summary>
    public static PyList ToList(ThreadState ts, PyObject iterable)
    {
        var l = new PyList();
        try { l.Extend(ts, iterable); }
        catch
        {
            Rc.Decref(ts, l);
            throw;
        }
        return l;
    }
}

/// <summary>The iterator of an object that only has __getitem__: items 0, 1, 2... until IndexError.</summary>
internal sealed class PySeqIterator : PyObject
{
    private PyObject? _seq;
    private long _index;

    public PySeqIterator(ThreadState ts, PyObject seq) : base(Types.SeqIterator)
    {
        _seq = seq;
        Rc.Incref(ts, seq);
    }

    public override PyObject Iter(ThreadState ts) => Rc.New(ts, this);

    public override PyObject? Next(ThreadState ts)
    {
        if (_seq is null) return null;
        var key = ts.NewInt(_index++);
        try { return Ops.GetItem(ts, _seq, key); }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(Types.IndexError) || e.Value.Type.IsSubtypeOf(Types.StopIteration))
        {
            Rc.Decref(ts, e.Value);
            var s = _seq;
            _seq = null;
            Rc.Decref(ts, s);
            return null;
        }
        finally { Rc.Decref(ts, key); }
    }

    public override void Traverse(IReferenceVisitor visitor) => visitor.Visit(_seq);
    public override void ReleaseReferences(ThreadState ts) => Rc.XDecref(ts, _seq);
}
