using System;
using System.Text;
using MiniPy.Concurrency;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules.Collections;

/// <summary>
/// collections.deque: a ring buffer (its capacity a power of two) that owns a reference to each of its
/// <see cref="Count"/> items. Every operation holds the deque's lock without the GIL and runs no Python
/// code while changing it, so appends and pops at either end are atomic, as CPython documents ("thread-safe
/// appends and pops from either side"); references it drops are released after the lock, since a
/// <c>__del__</c> may run. <see cref="_state"/> moves on every change, so iterators notice mutation.
/// </summary>
internal sealed class PyDeque : PyLockable
{
    private PyObject?[] _ring = new PyObject?[8];
    private int _head;
    public int Count;
    /// <summary>The bound, or -1 for an unbounded deque.</summary>
    public int MaxLen = -1;
    private long _state;
    private PyDict? _dict;

    public PyDeque(PyType cls) : base(cls) { }

    public override PyDict? InstanceDict => Type.IsHeap ? PyDict.Ensure(ref _dict) : null;

    public long State => System.Threading.Volatile.Read(ref _state);

    private ref PyObject? Slot(int i) => ref _ring[(_head + i) & (_ring.Length - 1)];

    /// <summary>The item at <paramref name="i"/> (0 &lt;= i &lt; Count), borrowed; the caller holds the lock.</summary>
    public PyObject At(int i) => Slot(i)!;

    private void EnsureRoom()
    {
        if (Count < _ring.Length) return;
        var grown = new PyObject?[SizeLimits.GrownCapacity(_ring.Length, _ring.Length * 2L, IntPtr.Size)];
        // GrownCapacity may round to a non-power of two; keep the ring's mask arithmetic valid.
        if ((grown.Length & (grown.Length - 1)) != 0) grown = new PyObject?[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)grown.Length)];
        for (int i = 0; i < Count; i++) grown[i] = Slot(i);
        _ring = grown;
        _head = 0;
    }

    // ---------------- changes (the caller holds the lock; evicted items are handed back to release) ----------------

    private PyObject? PushRight(PyObject owned)
    {
        if (MaxLen == 0) return owned;
        PyObject? evicted = Count == MaxLen ? TakeLeft() : null;
        EnsureRoom();
        Slot(Count++) = owned;
        _state++;
        return evicted;
    }

    private PyObject? PushLeft(PyObject owned)
    {
        if (MaxLen == 0) return owned;
        PyObject? evicted = Count == MaxLen ? TakeRight() : null;
        EnsureRoom();
        _head = (_head - 1) & (_ring.Length - 1);
        _ring[_head] = owned;
        Count++;
        _state++;
        return evicted;
    }

    private PyObject TakeRight()
    {
        ref var slot = ref Slot(Count - 1);
        var item = slot!;
        slot = null;
        Count--;
        _state++;
        return item;
    }

    private PyObject TakeLeft()
    {
        var item = _ring[_head]!;
        _ring[_head] = null;
        _head = (_head + 1) & (_ring.Length - 1);
        Count--;
        _state++;
        return item;
    }

    // ---------------- the operations ----------------

    public void Append(ThreadState ts, PyObject item, bool left)
    {
        Rc.Incref(ts, item);
        PyObject? evicted;
        using (new CriticalSection(ts, this)) evicted = left ? PushLeft(item) : PushRight(item);
        if (evicted is not null) Rc.Decref(ts, evicted);
    }

    /// <summary>Removes and returns an end item (a new reference, the deque's own).</summary>
    public PyObject Pop(ThreadState ts, bool left)
    {
        using var cs = new CriticalSection(ts, this);
        if (Count == 0) throw Err.IndexError("pop from an empty deque");
        return left ? TakeLeft() : TakeRight();
    }

    public void Extend(ThreadState ts, PyObject iterable, bool left)
    {
        // Materialised first: the iterable may be this deque, or run Python code that touches it.
        var items = Ops.ToArray(ts, iterable);
        var evicted = new PyObject?[items.Length];
        using (new CriticalSection(ts, this))
        {
            for (int i = 0; i < items.Length; i++) evicted[i] = left ? PushLeft(items[i]) : PushRight(items[i]);
        }
        foreach (var e in evicted) if (e is not null) Rc.Decref(ts, e);
    }

    public void Clear(ThreadState ts)
    {
        var items = TakeAll(ts);
        foreach (var x in items) Rc.Decref(ts, x);
    }

    /// <summary>Empties the deque, handing its references to the caller.</summary>
    private PyObject[] TakeAll(ThreadState ts)
    {
        using var cs = new CriticalSection(ts, this);
        var items = new PyObject[Count];
        for (int i = 0; i < items.Length; i++) { items[i] = Slot(i)!; Slot(i) = null; }
        Count = 0;
        _head = 0;
        _state++;
        return items;
    }

    /// <summary>The items as new references, copied under the lock.</summary>
    public PyObject[] Snapshot(ThreadState ts)
    {
        using var cs = new CriticalSection(ts, this);
        var items = new PyObject[Count];
        for (int i = 0; i < items.Length; i++) { items[i] = Slot(i)!; Rc.Incref(ts, items[i]); }
        return items;
    }

    public void Rotate(ThreadState ts, long n)
    {
        using var cs = new CriticalSection(ts, this);
        if (Count <= 1) return;
        n %= Count;
        if (n < 0) n += Count;
        // Right by n: the last n items move to the front.
        for (long k = 0; k < n; k++)
        {
            var item = TakeRight();
            EnsureRoom();
            _head = (_head - 1) & (_ring.Length - 1);
            _ring[_head] = item;
            Count++;
        }
        _state++;
    }

    public void Reverse(ThreadState ts)
    {
        using var cs = new CriticalSection(ts, this);
        for (int i = 0, j = Count - 1; i < j; i++, j--) (Slot(i), Slot(j)) = (Slot(j), Slot(i));
        _state++;
    }

    public void Insert(ThreadState ts, long index, PyObject item)
    {
        using var cs = new CriticalSection(ts, this);
        if (Count == MaxLen) throw Err.IndexError("deque already at its maximum size");
        if (index < 0) { index += Count; if (index < 0) index = 0; }
        if (index > Count) index = Count;
        Rc.Incref(ts, item);
        EnsureRoom();
        Slot(Count) = null;
        Count++;
        for (long i = Count - 1; i > index; i--) Slot((int)i) = Slot((int)i - 1);
        Slot((int)index) = item;
        _state++;
    }

    /// <summary>Removes the item at <paramref name="index"/> (in range) and returns it, owned.</summary>
    private PyObject RemoveAt(int index)
    {
        var item = Slot(index)!;
        for (int i = index; i < Count - 1; i++) Slot(i) = Slot(i + 1);
        Slot(Count - 1) = null;
        Count--;
        _state++;
        return item;
    }

    /// <summary>Finds <paramref name="value"/> by ==, from <paramref name="start"/> to <paramref name="stop"/>; -1
    /// when absent. __eq__ runs outside the lock, and a deque changed meanwhile raises RuntimeError.</summary>
    public long IndexOf(ThreadState ts, PyObject value, long start, long stop)
    {
        long state = State;
        for (long i = Math.Max(0, start); i < Math.Min(stop, Count); i++)
        {
            var item = ItemNew(ts, i, state);
            bool equal;
            try { equal = Ops.EqualsBool(ts, item, value); }
            finally { Rc.Decref(ts, item); }
            if (State != state) throw Mutated();
            if (equal) return i;
        }
        return -1;
    }

    public void Remove(ThreadState ts, PyObject value)
    {
        long i = IndexOf(ts, value, 0, long.MaxValue);
        if (i < 0) throw Err.ValueError($"{Ops.ReprString(ts, value)} is not in deque");
        PyObject removed;
        using (new CriticalSection(ts, this))
        {
            if (i >= Count) throw Mutated();
            removed = RemoveAt((int)i);
        }
        Rc.Decref(ts, removed);
    }

    /// <summary>The item at <paramref name="i"/> as a new reference, checking that the deque is still at <paramref name="state"/>.</summary>
    private PyObject ItemNew(ThreadState ts, long i, long state)
    {
        using var cs = new CriticalSection(ts, this);
        if (_state != state || i >= Count) throw Mutated();
        return Rc.New(ts, Slot((int)i)!);
    }

    public static PyException Mutated() => Err.RuntimeError("deque mutated during iteration");

    private int CheckIndex(ThreadState ts, PyObject key)
    {
        if (key is PySlice) throw Err.TypeError("sequence index must be integer, not 'slice'");
        long i = Ops.AsIndexOrThrow(ts, key, "sequence index must be integer, not '{0}'");
        if (i < 0) i += Count;
        if (i < 0 || i >= Count) throw Err.IndexError("deque index out of range");
        return (int)i;
    }

    // ---------------- protocols ----------------

    public override bool HasLength => true;
    public override long Length(ThreadState ts) => Count;
    public override bool IsTrue(ThreadState ts) => Count > 0;
    public override long Hash(ThreadState ts) => throw Err.TypeError("unhashable type: 'collections.deque'");

    public override PyObject GetItem(ThreadState ts, PyObject key)
    {
        using var cs = new CriticalSection(ts, this);
        return Rc.New(ts, Slot(CheckIndex(ts, key))!);
    }

    public override void SetItem(ThreadState ts, PyObject key, PyObject value)
    {
        PyObject old;
        using (new CriticalSection(ts, this))
        {
            ref var slot = ref Slot(CheckIndex(ts, key));
            old = slot!;
            Rc.Incref(ts, value);
            slot = value;
        }
        Rc.Decref(ts, old);
    }

    public override void DelItem(ThreadState ts, PyObject key)
    {
        PyObject removed;
        using (new CriticalSection(ts, this)) removed = RemoveAt(CheckIndex(ts, key));
        Rc.Decref(ts, removed);
    }

    public override bool Contains(ThreadState ts, PyObject item) => IndexOf(ts, item, 0, long.MaxValue) >= 0;

    public override PyObject Iter(ThreadState ts) => new PyDequeIterator(ts, this, reversed: false);

    public override PyObject Repr(ThreadState ts)
    {
        string name = Type.IsHeap ? Type.Name : "deque";
        if (!ts.EnterRepr(this)) return new PyStr("[...]");
        var items = Snapshot(ts);
        try
        {
            var sb = new StringBuilder(name).Append("([");
            for (int i = 0; i < items.Length; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(Ops.ReprString(ts, items[i]));
            }
            sb.Append(']');
            if (MaxLen >= 0) sb.Append(", maxlen=").Append(MaxLen);
            return new PyStr(sb.Append(')').ToString());
        }
        finally
        {
            ts.LeaveRepr(this);
            foreach (var x in items) Rc.Decref(ts, x);
        }
    }

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op)
    {
        if (other is not PyDeque d) return null;
        var a = Snapshot(ts);
        var b = ReferenceEquals(d, this) ? a : d.Snapshot(ts);
        try { return SequenceOps.Compare(ts, a, a.Length, b, b.Length, op); }
        finally
        {
            foreach (var x in a) Rc.Decref(ts, x);
            if (!ReferenceEquals(a, b)) foreach (var x in b) Rc.Decref(ts, x);
        }
    }

    /// <summary>A new empty deque of this one's type and bound (copy, +, *).</summary>
    public PyDeque NewLike(ThreadState ts)
    {
        if (Type.IsHeap) Rc.Incref(ts, Type);
        return new PyDeque(Type) { MaxLen = MaxLen };
    }

    public override PyObject? BinaryOp(ThreadState ts, BinaryOp op, PyObject other, bool reflected)
    {
        if (op == Objects.BinaryOp.Add && !reflected)
        {
            if (other is not PyDeque d) throw Err.TypeError($"can only concatenate deque (not \"{other.Type.Name}\") to deque");
            var r = NewLike(ts);
            r.Extend(ts, this, left: false);
            r.Extend(ts, d, left: false);
            return r;
        }
        if (op == Objects.BinaryOp.Mul && IntOps.IsInt(other))
        {
            var r = NewLike(ts);
            r.Repeat(ts, this, Ops.AsSize(ts, other));
            return r;
        }
        return null;
    }

    public override PyObject? InPlaceOp(ThreadState ts, BinaryOp op, PyObject other)
    {
        if (op == Objects.BinaryOp.Add)
        {
            Extend(ts, other, left: false);
            return Rc.New(ts, this);
        }
        if (op == Objects.BinaryOp.Mul && IntOps.IsInt(other))
        {
            Repeat(ts, this, Ops.AsSize(ts, other));
            return Rc.New(ts, this);
        }
        return null;
    }

    /// <summary>Replaces the contents with <paramref name="source"/>'s items <paramref name="n"/> times over (a bounded
    /// deque keeps the last MaxLen of them).</summary>
    private void Repeat(ThreadState ts, PyDeque source, long n)
    {
        var items = source.Snapshot(ts);
        try
        {
            long total = items.Length == 0 || n <= 0 ? 0 : SizeLimits.Repeat(items.Length, n, Array.MaxLength, null, IntPtr.Size);
            if (MaxLen >= 0) total = Math.Min(total, MaxLen);
            var old = TakeAll(ts);
            foreach (var x in old) Rc.Decref(ts, x);
            if (total == 0) return;
            using var cs = new CriticalSection(ts, this);
            // The last `total` items of the repetition.
            long first = items.Length * n - total;
            for (long k = first; k < first + total; k++)
            {
                var x = items[k % items.Length];
                Rc.Incref(ts, x);
                PushRight(x);
            }
        }
        finally { foreach (var x in items) Rc.Decref(ts, x); }
    }

    public override void Traverse(IReferenceVisitor visitor)
    {
        for (int i = 0; i < Count; i++) visitor.Visit(Slot(i));
        if (_dict is not null) visitor.Visit(_dict);
        if (Type.IsHeap) visitor.Visit(Type);
    }

    public override void ReleaseReferences(ThreadState ts)
    {
        var items = new PyObject[Count];
        for (int i = 0; i < items.Length; i++) { items[i] = Slot(i)!; Slot(i) = null; }
        Count = 0;
        foreach (var x in items) Rc.Decref(ts, x);
        if (_dict is not null) { var d = _dict; _dict = null; Rc.Decref(ts, d); }
        if (Type.IsHeap) Rc.Decref(ts, Type);
    }
}
