using System;
using System.Text;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>A tuple; it owns a reference to each item. Small tuples are reused through the thread's free list.</summary>
internal sealed class PyTuple : PyObject
{
    public PyObject[] Items;

    /// <summary>Takes ownership of the references in <paramref name="items"/>.</summary>
    public PyTuple(PyObject[] items) : base(Types.Tuple) { Items = items; }

    public static PyTuple Empty => Types.EmptyTuple;

    public int Count => Items.Length;

    /// <summary>A tuple of borrowed values: each gets a new reference.</summary>
    public static PyTuple FromBorrowed(ThreadState ts, ReadOnlySpan<PyObject> values)
    {
        if (values.Length == 0) return Types.EmptyTuple;
        var items = new PyObject[values.Length];
        for (int i = 0; i < values.Length; i++) { items[i] = values[i]; Rc.Incref(ts, values[i]); }
        return ts.NewTuple(items);
    }

    public override PyObject Repr(ThreadState ts)
    {
        if (Items.Length == 0) return new PyStr("()");
        if (!ts.EnterRepr(this)) return new PyStr("(...)");
        try
        {
            var sb = new StringBuilder("(");
            for (int i = 0; i < Items.Length; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(Ops.ReprString(ts, Items[i]));
            }
            if (Items.Length == 1) sb.Append(',');
            return new PyStr(sb.Append(')').ToString());
        }
        finally { ts.LeaveRepr(this); }
    }

    public override long Hash(ThreadState ts)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        const ulong P1 = 11400714785074694791UL, P2 = 14029467366897019727UL, P5 = 2870177450012600261UL;
        ulong acc = P5;
        foreach (var item in Items)
        {
            ulong lane = (ulong)Ops.Hash(ts, item);
            acc += lane * P2;
            acc = (acc << 31) | (acc >> 33);
            acc *= P1;
        }
        acc += (ulong)Items.Length ^ (P5 ^ 3527539UL);
        return acc == ulong.MaxValue ? 1546275796 : (long)acc;
    }

    public override bool IsTrue(ThreadState ts) => Items.Length > 0;
    public override bool HasLength => true;
    public override long Length(ThreadState ts) => Items.Length;

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op)
    {
        if (other is not PyTuple t) return null;
        return SequenceOps.Compare(ts, Items, Items.Length, t.Items, t.Items.Length, op);
    }

    public override PyObject? BinaryOp(ThreadState ts, BinaryOp op, PyObject other, bool reflected)
    {
        if (op == Objects.BinaryOp.Add && other is PyTuple t && !reflected)
        {
            var items = new PyObject[SizeLimits.Sum(Items.Length, t.Items.Length, Array.MaxLength, IntPtr.Size)];
            for (int i = 0; i < Items.Length; i++) { items[i] = Items[i]; Rc.Incref(ts, Items[i]); }
            for (int i = 0; i < t.Items.Length; i++) { items[Items.Length + i] = t.Items[i]; Rc.Incref(ts, t.Items[i]); }
            return ts.NewTuple(items);
        }
        if (op == Objects.BinaryOp.Mul && IntOps.IsInt(other))
        {
            long n = Ops.AsSize(ts, other);
            if (n <= 0 || Items.Length == 0) return Types.EmptyTuple;
            if (n == 1) return Rc.New(ts, this);
            var items = new PyObject[SizeLimits.Repeat(Items.Length, n, Array.MaxLength, null, IntPtr.Size)];
            for (int k = 0, at = 0; k < n; k++)
                for (int i = 0; i < Items.Length; i++, at++) { items[at] = Items[i]; Rc.Incref(ts, Items[i]); }
            return ts.NewTuple(items);
        }
        return null;
    }

    public override bool Contains(ThreadState ts, PyObject item)
    {
        foreach (var x in Items) if (Ops.EqualsBool(ts, x, item)) return true;
        return false;
    }

    public override PyObject GetItem(ThreadState ts, PyObject key)
    {
        if (key is PyInt i)
        {
            long index = i.Value;
            if (index < 0) index += Items.Length;
            if ((ulong)index >= (ulong)Items.Length) throw Err.IndexError("tuple index out of range");
            return Rc.New(ts, Items[index]);
        }
        if (key is PySlice slice)
        {
            var (start, _, step, count) = slice.Indices(ts, Items.Length);
            if (count <= 0) return Types.EmptyTuple;
            if (step == 1 && count == Items.Length) return Rc.New(ts, this);
            var items = new PyObject[count];
            for (long k = 0, j = start; k < count; k++, j += step) { items[k] = Items[j]; Rc.Incref(ts, Items[j]); }
            return ts.NewTuple(items);
        }
        long idx = Ops.AsIndexOrThrow(ts, key, "tuple indices must be integers or slices, not {0}");
        if (idx < 0) idx += Items.Length;
        if ((ulong)idx >= (ulong)Items.Length) throw Err.IndexError("tuple index out of range");
        return Rc.New(ts, Items[idx]);
    }

    public override PyObject Iter(ThreadState ts) => new PySequenceIterator(ts, this);

    public override void Traverse(IReferenceVisitor visitor)
    {
        foreach (var x in Items) visitor.Visit(x);
    }

    public override void ReleaseReferences(ThreadState ts)
    {
        var items = Items;
        for (int i = items.Length - 1; i >= 0; i--)
        {
            var x = items[i];
            items[i] = null!;
            if (x is not null) Rc.Decref(ts, x);
        }
    }
}

/// <summary>Iterates over a tuple's or list's item array.</summary>
internal sealed class PySequenceIterator : PyObject
{
    private readonly PyObject _owner;
    private int _index;

    public PySequenceIterator(ThreadState ts, PyObject owner) : base(Types.SeqIterator)
    {
        _owner = owner;
        Rc.Incref(ts, owner);
    }

    public override PyObject Iter(ThreadState ts) => Rc.New(ts, this);

    public override PyObject? Next(ThreadState ts)
    {
        if (_owner is PyTuple t)
        {
            if (_index >= t.Items.Length) return null;
            return Rc.New(ts, t.Items[_index++]);
        }
        var l = (PyList)_owner;
        using var cs = new Concurrency.CriticalSection(ts, l);
        if (_index >= l.Count) return null;
        return Rc.New(ts, l.Items[_index++]);
    }

    public override long Length(ThreadState ts) => _owner is PyTuple t ? t.Items.Length - _index : ((PyList)_owner).Count - _index;

    public override void Traverse(IReferenceVisitor visitor) => visitor.Visit(_owner);
    public override void ReleaseReferences(ThreadState ts) => Rc.Decref(ts, _owner);
}
