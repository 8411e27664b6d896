using System;
using System.Text;
using MiniPy.Concurrency;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>A list; it owns a reference to each of its <see cref="Count"/> items.</summary>
internal sealed class PyList : PyLockable
{
    public PyObject[] Items;
    public int Count;
    private PyDict? _dict;

    public PyList() : base(Types.List) { Items = Array.Empty<PyObject>(); }

    public PyList(int capacity) : base(Types.List) { Items = capacity == 0 ? Array.Empty<PyObject>() : new PyObject[capacity]; }

    /// <summary>An instance of a subclass of list.</summary>
    public PyList(PyType cls) : base(cls) { Items = Array.Empty<PyObject>(); }

    /// <summary>Takes ownership of the references in <paramref name="items"/>.</summary>
    public static PyList FromOwned(PyObject[] items, int count)
    {
        var l = new PyList { Items = items, Count = count };
        return l;
    }

    public override PyDict? InstanceDict => Type.IsHeap ? PyDict.Ensure(ref _dict) : null;

    /// <summary>Appends, taking ownership of the reference to <paramref name="item"/>.</summary>
    public void AppendOwned(PyObject item)
    {
        if (Count == Items.Length) Grow(Count + 1);
        Items[Count++] = item;
    }

    public void Append(ThreadState ts, PyObject item)
    {
        using var cs = new CriticalSection(ts, this);
        Rc.Incref(ts, item);
        AppendOwned(item);
    }

    private void Grow(long min) => Array.Resize(ref Items, SizeLimits.GrownCapacity(Items.Length, min, IntPtr.Size));

    public void Insert(ThreadState ts, long index, PyObject item)
    {
        using var cs = new CriticalSection(ts, this);
        if (index < 0) { index += Count; if (index < 0) index = 0; }
        if (index > Count) index = Count;
        if (Count == Items.Length) Grow(Count + 1);
        Array.Copy(Items, index, Items, index + 1, Count - index);
        Items[index] = item;
        Rc.Incref(ts, item);
        Count++;
    }

    /// <summary>Removes and returns (as an owned reference) the item at <paramref name="index"/>.</summary>
    public PyObject PopAt(long index)
    {
        var item = Items[index];
        Array.Copy(Items, index + 1, Items, index, Count - index - 1);
        Items[--Count] = null!;
        return item;
    }

    public void Extend(ThreadState ts, PyObject iterable)
    {
        // Without the GIL another thread may change the source: a built-in container's items are copied under
        // its own lock first, and this list is locked only afterwards (never both locks at once, so two
        // threads extending two lists from each other cannot deadlock).
        if (ts.FreeThreaded && !ReferenceEquals(iterable, this) && iterable is PyList or PyDict or PyDictView or PySet
            && Ops.Snapshot(ts, iterable) is { } copied)
        {
            using var locked = new CriticalSection(ts, this);
            AppendAllOwned(copied);
            return;
        }
        using var cs = new CriticalSection(ts, this);
        if (iterable is PyList other)
        {
            int n = other.Count;
            if (Count + n > Items.Length) Grow((long)Count + n);
            for (int i = 0; i < n; i++) { Items[Count + i] = other.Items[i]; Rc.Incref(ts, other.Items[i]); }
            Count += n;
            return;
        }
        if (iterable is PyTuple t)
        {
            if ((long)Count + t.Items.Length > Items.Length) Grow((long)Count + t.Items.Length);
            foreach (var x in t.Items) { Items[Count++] = x; Rc.Incref(ts, x); }
            return;
        }
        if (iterable is PyDict or PyDictView or PySet && Ops.Snapshot(ts, iterable) is { } snapshot)
        {
            AppendAllOwned(snapshot);
            return;
        }
        var it = Ops.GetIter(ts, iterable);
        try
        {
            while (true)
            {
                var x = Ops.Next(ts, it);
                if (x is null) break;
                AppendOwned(x);
            }
        }
        finally { Rc.Decref(ts, it); }
    }

    /// <summary>Appends items whose references the caller hands over.</summary>
    private void AppendAllOwned(PyObject[] items)
    {
        if ((long)Count + items.Length > Items.Length) Grow((long)Count + items.Length);
        foreach (var x in items) Items[Count++] = x;
    }

    public void Clear(ThreadState ts)
    {
        using var cs = new CriticalSection(ts, this);
        var items = Items;
        int n = Count;
        Items = Array.Empty<PyObject>();
        Count = 0;
        // Last item first, as CPython's list_clear does (it decides the order of __del__ calls).
        for (int i = n - 1; i >= 0; i--) Rc.Decref(ts, items[i]);
    }

    public override PyObject Repr(ThreadState ts)
    {
        using var cs = new CriticalSection(ts, this);
        if (Count == 0) return new PyStr("[]");
        if (!ts.EnterRepr(this)) return new PyStr("[...]");
        try
        {
            var sb = new StringBuilder("[");
            for (int i = 0; i < Count; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(Ops.ReprString(ts, Items[i]));
            }
            return new PyStr(sb.Append(']').ToString());
        }
        finally { ts.LeaveRepr(this); }
    }

    public override long Hash(ThreadState ts) => throw Err.TypeError("unhashable type: 'list'");

    public override bool IsTrue(ThreadState ts) => Count > 0;
    public override bool HasLength => true;
    public override long Length(ThreadState ts) => Count;

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op)
    {
        using var cs = new CriticalSection(ts, this);
        if (other is not PyList l) return null;
        return SequenceOps.Compare(ts, Items, Count, l.Items, l.Count, op);
    }

    public override PyObject? BinaryOp(ThreadState ts, BinaryOp op, PyObject other, bool reflected)
    {
        if (op == Objects.BinaryOp.Add && other is PyList l && !reflected)
        {
            // Each operand is read under its own lock in turn (Extend), never both at once.
            var r = new PyList(SizeLimits.Sum(Count, l.Count, Array.MaxLength, IntPtr.Size));
            r.Extend(ts, this);
            r.Extend(ts, l);
            return r;
        }
        if (op == Objects.BinaryOp.Mul && IntOps.IsInt(other))
        {
            using var cs = new CriticalSection(ts, this);
            long n = Ops.AsSize(ts, other);
            if (n <= 0 || Count == 0) return new PyList();
            var r = new PyList(SizeLimits.Repeat(Count, n, Array.MaxLength, null, IntPtr.Size));
            for (long k = 0; k < n; k++) r.Extend(ts, this);
            return r;
        }
        return null;
    }

    public override PyObject? InPlaceOp(ThreadState ts, BinaryOp op, PyObject other)
    {
        if (op == Objects.BinaryOp.Add)
        {
            Extend(ts, other); // takes the locks it needs, one at a time
            return Rc.New(ts, this);
        }
        if (op == Objects.BinaryOp.Mul && IntOps.IsInt(other))
        {
            using var cs = new CriticalSection(ts, this);
            long n = Ops.AsSize(ts, other);
            if (n <= 0) { Clear(ts); return Rc.New(ts, this); }
            int original = Count;
            if (original == 0) return Rc.New(ts, this);
            Grow(SizeLimits.Repeat(original, n, Array.MaxLength, null, IntPtr.Size));
            for (long k = 1; k < n; k++)
                for (int i = 0; i < original; i++) Append(ts, Items[i]);
            return Rc.New(ts, this);
        }
        return null;
    }

    public override bool Contains(ThreadState ts, PyObject item)
    {
        using var cs = new CriticalSection(ts, this);
        for (int i = 0; i < Count; i++) if (Ops.EqualsBool(ts, Items[i], item)) return true;
        return false;
    }

    public long NormalizeIndex(long index, string what)
    {
        if (index < 0) index += Count;
        if ((ulong)index >= (ulong)Count) throw Err.IndexError($"list {what} out of range");
        return index;
    }

    /// <summary>list[index] for an int index (negative counts from the end); a new reference.</summary>
    /// <summary>list[index] for the eval loop: with the GIL an in-range index is a plain read; without it
    /// the item is read and its reference taken under the list's lock.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public PyObject GetIndex<TRc>(ThreadState ts, long index) where TRc : struct, IRefCounting
    {
        if (ts.FreeThreaded || (ulong)index >= (ulong)Count) return GetIndex(ts, index);
        var r = Items[index];
        TRc.Incref(ts, r);
        return r;
    }

    /// <summary>list[index] = value for the eval loop (see <see cref="GetIndex{TRc}"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void SetIndex<TRc>(ThreadState ts, long index, PyObject value) where TRc : struct, IRefCounting
    {
        if (ts.FreeThreaded || (ulong)index >= (ulong)Count) { SetIndex(ts, index, value); return; }
        var old = Items[index];
        Items[index] = value;
        TRc.Incref(ts, value);
        TRc.Decref(ts, old);
    }

    public PyObject GetIndex(ThreadState ts, long index)
    {
        using var cs = new CriticalSection(ts, this);
        if (index < 0) index += Count;
        if ((ulong)index >= (ulong)Count) throw Err.IndexError("list index out of range");
        return Rc.New(ts, Items[index]);
    }

    /// <summary>list[index] = value for an int index (negative counts from the end).</summary>
    public void SetIndex(ThreadState ts, long index, PyObject value)
    {
        PyObject old;
        using (new CriticalSection(ts, this))
        {
            if (index < 0) index += Count;
            if ((ulong)index >= (ulong)Count) throw Err.IndexError("list assignment index out of range");
            old = Items[index];
            Rc.Incref(ts, value);
            Items[index] = value;
        }
        Rc.Decref(ts, old);
    }

    /// <summary>The items as new references when there are exactly <paramref name="n"/> of them (unpacking), else null.</summary>
    public PyObject[]? CopyIfCount(ThreadState ts, int n)
    {
        using var cs = new CriticalSection(ts, this);
        if (Count != n) return null;
        var copy = new PyObject[n];
        for (int i = 0; i < n; i++) { copy[i] = Items[i]; Rc.Incref(ts, copy[i]); }
        return copy;
    }

    public override PyObject GetItem(ThreadState ts, PyObject key)
    {
        using var cs = new CriticalSection(ts, this);
        if (key is PyInt i)
        {
            long index = i.Value;
            if (index < 0) index += Count;
            if ((ulong)index >= (ulong)Count) throw Err.IndexError("list index out of range");
            return Rc.New(ts, Items[index]);
        }
        if (key is PySlice slice)
        {
            var (start, _, step, count) = slice.Indices(ts, Count);
            var r = new PyList((int)Math.Max(count, 0));
            for (long k = 0, j = start; k < count; k++, j += step) r.Append(ts, Items[j]);
            return r;
        }
        long idx = NormalizeIndex(Ops.AsIndexOrThrow(ts, key, "list indices must be integers or slices, not {0}"), "index");
        return Rc.New(ts, Items[idx]);
    }

    public override void SetItem(ThreadState ts, PyObject key, PyObject value)
    {
        using var cs = new CriticalSection(ts, this);
        if (key is PySlice slice)
        {
            SetSlice(ts, slice, value);
            return;
        }
        long idx = NormalizeIndex(Ops.AsIndexOrThrow(ts, key, "list indices must be integers or slices, not {0}"), "assignment index");
        var old = Items[idx];
        Rc.Incref(ts, value);
        Items[idx] = value;
        Rc.Decref(ts, old);
    }

    private void SetSlice(ThreadState ts, PySlice slice, PyObject value)
    {
        // Materialise the new items first: the value may be this very list.
        var seq = Ops.ToArray(ts, value, "must assign iterable to extended slice");
        try
        {
            var (start, stop, step, count) = slice.Indices(ts, Count);
            if (step == 1)
            {
                if (stop < start) stop = start;
                int removed = (int)(stop - start), added = seq.Length;
                var old = new PyObject[removed];
                Array.Copy(Items, start, old, 0, removed);
                int newCount = SizeLimits.ArrayLength((long)Count - removed + added);
                if (newCount > Items.Length) Grow(newCount);
                Array.Copy(Items, stop, Items, start + added, Count - stop);
                for (int k = 0; k < added; k++) { Items[start + k] = seq[k]; Rc.Incref(ts, seq[k]); }
                for (int k = newCount; k < Count; k++) Items[k] = null!;
                Count = newCount;
                foreach (var o in old) Rc.Decref(ts, o);
                return;
            }
            if (seq.Length != count)
                throw Err.ValueError($"attempt to assign sequence of size {seq.Length} to extended slice of size {Math.Max(count, 0)}");
            for (long k = 0, j = start; k < count; k++, j += step)
            {
                var old = Items[j];
                Items[j] = seq[k];
                Rc.Incref(ts, seq[k]);
                Rc.Decref(ts, old);
            }
        }
        finally
        {
            foreach (var o in seq) Rc.Decref(ts, o);
        }
    }

    public override void DelItem(ThreadState ts, PyObject key)
    {
        using var cs = new CriticalSection(ts, this);
        if (key is PySlice slice)
        {
            var (start, _, step, count) = slice.Indices(ts, Count);
            if (count <= 0) return;
            var removed = new PyObject[count];
            if (step < 0) { start = start + (count - 1) * step; step = -step; }
            int w = (int)start;
            long next = start;
            int ri = 0;
            for (int r = (int)start; r < Count; r++)
            {
                if (ri < count && r == next) { removed[ri++] = Items[r]; next += step; continue; }
                Items[w++] = Items[r];
            }
            for (int k = w; k < Count; k++) Items[k] = null!;
            Count = w;
            foreach (var o in removed) Rc.Decref(ts, o);
            return;
        }
        long idx = NormalizeIndex(Ops.AsIndexOrThrow(ts, key, "list indices must be integers or slices, not {0}"), "assignment index");
        Rc.Decref(ts, PopAt(idx));
    }

    public override PyObject Iter(ThreadState ts) => new PySequenceIterator(ts, this);

    public override void Traverse(IReferenceVisitor visitor)
    {
        for (int i = 0; i < Count; i++) visitor.Visit(Items[i]);
        if (_dict is not null) visitor.Visit(_dict);
        if (Type.IsHeap) visitor.Visit(Type);
    }

    public override void ReleaseReferences(ThreadState ts)
    {
        Clear(ts);
        if (_dict is not null) { var d = _dict; _dict = null; Rc.Decref(ts, d); }
        if (Type.IsHeap) Rc.Decref(ts, Type);
    }
}
