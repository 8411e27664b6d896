using System;
using System.Threading;
using System.Runtime.CompilerServices;
using System.Text;
using MiniPy.Concurrency;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>
/// An insertion-ordered hash table laid out as CPython's compact dict: a sparse index array into a
/// dense entry array. It owns a reference to every live key and value. <see cref="Version"/> changes on
/// every mutation, which is what cached lookups check.
/// </summary>
internal sealed class PyDict : PyLockable
{
    private struct Entry
    {
        public long Hash;
        public PyObject? Key;
        public PyObject? Value;
    }

    private const int Empty = -1, Dummy = -2;
    private int[] _indices;
    private Entry[] _entries;
    private int _used;     // entries[0.._used) have been filled (some may be deleted)
    private int _live;     // live entries
    private PyDict? _dict;
    /// <summary>Changes with every modification (caches compare it).</summary>
    public int Version;
    /// <summary>A sequence lock for readers that take no lock (str lookups): odd while a writer changes the
    /// table. Writers hold the dict's lock in the free-threaded mode and never run Python code while it is odd.</summary>
    private int _seq;

    /// <summary>The dict in <paramref name="field"/>, created on first use. Without the GIL two threads may both
    /// find it missing: one compare-and-swap publishes exactly one dict, and the loser adopts the winner's, so
    /// neither thread's writes land in a dict that is then dropped. The freshly made loser was never shared.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyDict Ensure(ref PyDict? field) => Volatile.Read(ref field) ?? Publish(ref field);

    private static PyDict Publish(ref PyDict? field)
    {
        var fresh = new PyDict();
        return Interlocked.CompareExchange(ref field, fresh, null) ?? fresh;
    }

    public PyDict() : base(Types.Dict)
    {
        _indices = new int[8];
        _indices.AsSpan().Fill(Empty);
        _entries = new Entry[5];
    }

    public PyDict(PyType cls) : this() { Type = cls; }

    public override PyDict? InstanceDict => Type.IsHeap ? PyDict.Ensure(ref _dict) : null;

    public int Count => _live;

    // ---------------- lookup ----------------

    /// <summary>Lookups restarted because a key's <c>__eq__</c> changed this dict, before giving up: CPython
    /// restarts without a bound, so an <c>__eq__</c> that always mutates the dict would hang it.</summary>
    private const int MaxLookupRestarts = 1000;

    private int FindSlot(ThreadState? ts, PyObject key, long hash, out int entryIndex)
    {
        int restarts = 0;
    restart:
        var indices = _indices;
        var entries = _entries;
        int mask = indices.Length - 1;
        ulong perturb = (ulong)hash;
        int i = (int)(hash & mask);
        int freeSlot = -1;
        while (true)
        {
            int ix = indices[i];
            if (ix == Empty)
            {
                entryIndex = -1;
                return freeSlot >= 0 ? freeSlot : i;
            }
            if (ix == Dummy)
            {
                if (freeSlot < 0) freeSlot = i;
            }
            else
            {
                var startKey = entries[ix].Key!;
                if (ReferenceEquals(startKey, key)) { entryIndex = ix; return i; }
                if (entries[ix].Hash == hash)
                {
                    if (!RunsPythonToCompare(ts, startKey, key))
                    {
                        if (KeysEqual(ts, startKey, key)) { entryIndex = ix; return i; }
                    }
                    else
                    {
                        // __eq__ may change this dict (even free the key): hold the key, and when the table or the
                        // entry changed under us, start again on the new table, as CPython does.
                        bool equal;
                        Rc.Incref(ts!, startKey);
                        try { equal = Ops.EqualsBool(ts!, startKey, key); }
                        finally { Rc.Decref(ts!, startKey); }
                        if (!ReferenceEquals(indices, _indices) || !ReferenceEquals(entries, _entries) || !ReferenceEquals(entries[ix].Key, startKey))
                        {
                            if (++restarts > MaxLookupRestarts) throw Err.RuntimeError("dictionary changed during lookup");
                            goto restart;
                        }
                        if (equal) { entryIndex = ix; return i; }
                    }
                }
            }
            perturb >>= 5;
            i = (int)((ulong)(i * 5 + 1) + perturb) & mask;
        }
    }

    /// <summary>Whether comparing these keys may run Python code (anything but str and exact int pairs).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool RunsPythonToCompare(ThreadState? ts, PyObject a, PyObject b) =>
        ts is not null && !(a is PyStr && b is PyStr) && !(a is PyInt && b is PyInt && a.Type == b.Type);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool KeysEqual(ThreadState? ts, PyObject a, PyObject b)
    {
        if (a is PyStr sa && b is PyStr sb) return sa.Value == sb.Value;
        if (a is PyInt ia && b is PyInt ib && a.Type == b.Type) return ia.Value == ib.Value;
        if (ts is null) return false;
        return Ops.EqualsBool(ts, a, b);
    }

    /// <summary>The value for a str key (no Python code runs); a borrowed reference or null. Takes no lock:
    /// it retries while a writer is changing the table (see <see cref="_seq"/>).</summary>
    public PyObject? GetItemOrNull(PyStr key)
    {
        while (true)
        {
            int seq = Volatile.Read(ref _seq);
            if ((seq & 1) == 0)
            {
                bool consistent = TryFindStr(key, out var value);
                if (consistent && Volatile.Read(ref _seq) == seq) return value;
            }
            Thread.SpinWait(1);
        }
    }

    /// <summary>A str lookup that tolerates a table changing under it; false when what it read was inconsistent.</summary>
    private bool TryFindStr(PyStr key, out PyObject? value)
    {
        value = null;
        var indices = _indices;
        var entries = _entries;
        if (_live == 0) return true;
        long hash = key.HashValue;
        int mask = indices.Length - 1;
        ulong perturb = (ulong)hash;
        int i = (int)(hash & mask);
        // Perturbation ends after at most 13 shifts of a 64-bit hash; from then on i = 5i + 1 visits every slot.
        for (int probes = 0; probes <= indices.Length + 64; probes++)
        {
            int ix = indices[i];
            if (ix == Empty) return true;
            if (ix >= 0)
            {
                if (ix >= entries.Length) return false;
                var k = entries[ix].Key;
                if (ReferenceEquals(k, key) || (k is PyStr ks && entries[ix].Hash == hash && ks.Value == key.Value))
                {
                    value = entries[ix].Value;
                    return true;
                }
            }
            perturb >>= 5;
            i = (int)((ulong)(i * 5 + 1) + perturb) & mask;
        }
        return false;
    }

    /// <summary>The value for any key; a borrowed reference or null. May run __eq__/__hash__.</summary>
    public PyObject? GetItemOrNull(ThreadState ts, PyObject key)
    {
        if (key is PyStr str) return GetItemOrNull(str);
        long hash = Ops.Hash(ts, key);
        using var cs = new CriticalSection(ts, this);
        if (_live == 0) return null;
        FindSlot(ts, key, hash, out int ix);
        return ix >= 0 ? _entries[ix].Value : null;
    }

    /// <summary>The value for a str key as a new reference, or null, for the eval loop: with the GIL a borrowed
    /// lookup and an increment; without it the reference is taken under the dict's lock.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PyObject? GetStrNew<TRc>(ThreadState ts, PyStr key) where TRc : struct, IRefCounting
    {
        if (ts.FreeThreaded) return GetItemNew(ts, key);
        var v = GetItemOrNull(key);
        if (v is not null) TRc.Incref(ts, v);
        return v;
    }

    /// <summary>The value for a key as a new reference, or null: safe against a concurrent removal (the
    /// reference is taken under the dict's lock in the free-threaded mode).</summary>
    public PyObject? GetItemNew(ThreadState ts, PyObject key)
    {
        if (!ts.FreeThreaded)
        {
            var v = GetItemOrNull(ts, key);
            if (v is not null) Rc.Incref(ts, v);
            return v;
        }
        long hash = key is PyStr s ? s.HashValue : Ops.Hash(ts, key);
        using var cs = new CriticalSection(ts, this);
        if (_live == 0) return null;
        FindSlot(ts, key, hash, out int ix);
        if (ix < 0) return null;
        var value = _entries[ix].Value!;
        Rc.Incref(ts, value);
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void BeginWrite() => Volatile.Write(ref _seq, _seq + 1);

    /// <summary>Ends a table change. Without the GIL the version moves with a full fence, so that a reader that
    /// validates a cached value by the version (LOAD_GLOBAL) cannot miss a change that precedes a decref.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EndWrite(ThreadState? ts)
    {
        Volatile.Write(ref _seq, _seq + 1);
        if (ts is { FreeThreaded: true }) Interlocked.Increment(ref Version);
        else Version++;
    }

    /// <summary>The index slot for a key known to be absent (after a resize): no comparisons, no Python code.</summary>
    private int FindEmptySlot(long hash)
    {
        int mask = _indices.Length - 1;
        ulong perturb = (ulong)hash;
        int i = (int)(hash & mask);
        while (_indices[i] >= 0)
        {
            perturb >>= 5;
            i = (int)((ulong)(i * 5 + 1) + perturb) & mask;
        }
        return i;
    }

    public bool ContainsKey(ThreadState ts, PyObject key) => GetItemOrNull(ts, key) is not null;

    // ---------------- mutation ----------------

    /// <summary>Sets key to value, adding references to both (the old value, if any, is released).</summary>
    public void SetItem(ThreadState ts, PyObject key, PyObject value, long hash)
    {
        PyObject? old;
        using (new CriticalSection(ts, this))
        {
            int slot = FindSlot(ts, key, hash, out int ix);
            Rc.Incref(ts, value);
            BeginWrite();
            if (ix >= 0)
            {
                old = _entries[ix].Value!;
                _entries[ix].Value = value;
            }
            else
            {
                old = null;
                Rc.Incref(ts, key);
                if (_used == _entries.Length)
                {
                    ResizeTo(_live * 3);
                    slot = FindEmptySlot(hash);
                }
                _entries[_used] = new Entry { Hash = hash, Key = key, Value = value };
                _indices[slot] = _used;
                _used++;
                _live++;
            }
            EndWrite(ts);
        }
        // Released last and outside the lock: the old value's __del__ may run Python code.
        if (old is not null) Rc.Decref(ts, old);
    }

    public override void SetItem(ThreadState ts, PyObject key, PyObject value) =>
        SetItem(ts, key, value, key is PyStr s ? s.HashValue : Ops.Hash(ts, key));

    public void SetStr(ThreadState ts, PyStr key, PyObject value) => SetItem(ts, key, value, key.HashValue);

    /// <summary>Sets a str key, taking over the caller's reference to <paramref name="value"/>.</summary>
    public void SetStrOwned(ThreadState ts, PyStr key, PyObject value)
    {
        SetItem(ts, key, value, key.HashValue);
        Rc.Decref(ts, value);
    }

    /// <summary>Sets a key, taking over the caller's reference to <paramref name="value"/>.</summary>
    public void SetItemOwned(ThreadState ts, PyObject key, PyObject value)
    {
        SetItem(ts, key, value);
        Rc.Decref(ts, value);
    }

    /// <summary>Sets an item during start-up, before any thread state exists (built-in type dicts only).</summary>
    public void SetImmortal(PyStr key, PyObject value)
    {
        key.MakeImmortal<PyStr>();
        value.MakeImmortal<PyObject>();
        int slot = FindSlot(null, key, key.HashValue, out int ix);
        BeginWrite();
        if (ix >= 0) _entries[ix].Value = value;
        else
        {
            if (_used == _entries.Length)
            {
                ResizeTo(_live * 3);
                slot = FindEmptySlot(key.HashValue);
            }
            _entries[_used] = new Entry { Hash = key.HashValue, Key = key, Value = value };
            _indices[slot] = _used++;
            _live++;
        }
        EndWrite(null);
    }

    private void ResizeTo(int minUsable)
    {
        int size = 8;
        while (size * 2 / 3 < minUsable + 1) size <<= 1;
        var oldEntries = _entries;
        int oldUsed = _used;
        _indices = new int[size];
        _indices.AsSpan().Fill(Empty);
        _entries = new Entry[Math.Max(size * 2 / 3, 5)];
        _used = 0;
        int mask = size - 1;
        for (int k = 0; k < oldUsed; k++)
        {
            if (oldEntries[k].Key is null) continue;
            var e = oldEntries[k];
            ulong perturb = (ulong)e.Hash;
            int i = (int)(e.Hash & mask);
            while (_indices[i] != Empty)
            {
                perturb >>= 5;
                i = (int)((ulong)(i * 5 + 1) + perturb) & mask;
            }
            _indices[i] = _used;
            _entries[_used++] = e;
        }
    }

    /// <summary>Removes a key; returns the value as an owned reference, or null when absent.</summary>
    public PyObject? Pop(ThreadState ts, PyObject key)
    {
        long hash = key is PyStr s ? s.HashValue : Ops.Hash(ts, key);
        Entry e;
        using (new CriticalSection(ts, this))
        {
            if (_live == 0) return null;
            int slot = FindSlot(ts, key, hash, out int ix);
            if (ix < 0) return null;
            e = _entries[ix];
            BeginWrite();
            _entries[ix] = default;
            _indices[slot] = Dummy;
            _live--;
            EndWrite(ts);
        }
        Rc.Decref(ts, e.Key!);
        return e.Value;
    }

    public override void DelItem(ThreadState ts, PyObject key)
    {
        var v = Pop(ts, key);
        if (v is null) throw Err.KeyError(ts, key);
        Rc.Decref(ts, v);
    }

    /// <summary>Removes and returns the last (key, value) pair as owned references.</summary>
    public bool PopLast(out PyObject key, out PyObject value)
    {
        for (int k = _used - 1; k >= 0; k--)
        {
            if (_entries[k].Key is null) continue;
            key = _entries[k].Key!;
            value = _entries[k].Value!;
            long hash = _entries[k].Hash;
            int mask = _indices.Length - 1;
            ulong perturb = (ulong)hash;
            int i = (int)(hash & mask);
            while (_indices[i] != k) { perturb >>= 5; i = (int)((ulong)(i * 5 + 1) + perturb) & mask; }
            BeginWrite();
            _indices[i] = Dummy;
            _entries[k] = default;
            _used = k;
            _live--;
            EndWrite(null);
            return true;
        }
        key = value = null!;
        return false;
    }

    /// <summary>Tables of at most this many entries are kept by clear(), to be filled again without a resize.</summary>
    private const int KeptOnClear = 128;

    public void ClearAll(ThreadState ts)
    {
        Entry[] entries;
        int used;
        using (new CriticalSection(ts, this))
        {
            used = _used;
            BeginWrite();
            if (_entries.Length <= KeptOnClear)
            {
                // A small table is emptied in place (the references are released after the lock, from a copy).
                entries = _entries.AsSpan(0, used).ToArray();
                Array.Clear(_entries, 0, used);
                _indices.AsSpan().Fill(Empty);
            }
            else
            {
                entries = _entries;
                var indices = new int[8];
                indices.AsSpan().Fill(Empty);
                _indices = indices;
                _entries = new Entry[5];
            }
            _used = _live = 0;
            EndWrite(ts);
        }
        for (int k = 0; k < used; k++)
        {
            if (entries[k].Key is null) continue;
            Rc.Decref(ts, entries[k].Key!);
            Rc.Decref(ts, entries[k].Value!);
        }
    }

    // ---------------- iteration ----------------

    /// <summary>Advances a position over live entries; false at the end. Borrowed key and value.</summary>
    public bool Next(ref int pos, out PyObject key, out PyObject value)
    {
        while (pos < _used)
        {
            ref var e = ref _entries[pos++];
            if (e.Key is not null)
            {
                key = e.Key;
                value = e.Value!;
                return true;
            }
        }
        key = value = null!;
        return false;
    }

    public void Update(ThreadState ts, PyDict other)
    {
        if (ts.FreeThreaded && !ReferenceEquals(other, this))
        {
            // The other dict's entries are copied under its lock, then set here one by one under this dict's
            // lock: never both locks at once, so two threads updating two dicts from each other cannot deadlock.
            var pairs = other.SnapshotEntries(ts);
            try { foreach (var (k, v) in pairs) SetItem(ts, k, v); }
            finally { foreach (var (k, v) in pairs) { Rc.Decref(ts, k); Rc.Decref(ts, v); } }
            return;
        }
        int pos = 0;
        while (other.Next(ref pos, out var k2, out var v2)) SetItem(ts, k2, v2);
    }

    /// <summary>The live entries as new references, copied under the dict's lock.</summary>
    public (PyObject Key, PyObject Value)[] SnapshotEntries(ThreadState ts)
    {
        using var cs = new CriticalSection(ts, this);
        var copy = new (PyObject, PyObject)[_live];
        int pos = 0, n = 0;
        while (Next(ref pos, out var k, out var v))
        {
            Rc.Incref(ts, k);
            Rc.Incref(ts, v);
            copy[n++] = (k, v);
        }
        return copy;
    }

    public PyDict Copy(ThreadState ts)
    {
        var d = new PyDict();
        d.Update(ts, this);
        return d;
    }

    // ---------------- protocols ----------------

    public override PyObject Repr(ThreadState ts)
    {
        using var cs = new CriticalSection(ts, this);
        if (_live == 0) return new PyStr("{}");
        if (!ts.EnterRepr(this)) return new PyStr("{...}");
        try
        {
            var sb = new StringBuilder("{");
            int pos = 0;
            bool first = true;
            while (Next(ref pos, out var k, out var v))
            {
                if (!first) sb.Append(", ");
                first = false;
                sb.Append(Ops.ReprString(ts, k)).Append(": ").Append(Ops.ReprString(ts, v));
            }
            return new PyStr(sb.Append('}').ToString());
        }
        finally { ts.LeaveRepr(this); }
    }

    public override long Hash(ThreadState ts) => throw Err.TypeError("unhashable type: 'dict'");
    public override bool IsTrue(ThreadState ts) => _live > 0;
    public override bool HasLength => true;
    public override long Length(ThreadState ts) => _live;

    public override PyObject GetItem(ThreadState ts, PyObject key)
    {
        var v = GetItemNew(ts, key);
        if (v is not null) return v;
        if (Type.IsHeap)
        {
            var missing = Type.Lookup("__missing__");
            if (missing is not null) return Ops.CallDunder(ts, missing, this, key);
        }
        throw Err.KeyError(ts, key);
    }

    public override bool Contains(ThreadState ts, PyObject item) => GetItemOrNull(ts, item) is not null;

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op)
    {
        if (other is not PyDict d || (op != CompareOp.Eq && op != CompareOp.Ne)) return null;
        using var cs = new CriticalSection(ts, this);
        bool equal = _live == d._live;
        if (equal)
        {
            int pos = 0;
            while (Next(ref pos, out var k, out var v))
            {
                var ov = d.GetItemOrNull(ts, k);
                if (ov is null || !Ops.EqualsBool(ts, v, ov)) { equal = false; break; }
            }
        }
        return PyBool.Of(equal == (op == CompareOp.Eq));
    }

    public override PyObject? BinaryOp(ThreadState ts, BinaryOp op, PyObject other, bool reflected)
    {
        if (op != Objects.BinaryOp.Or || other is not PyDict d) return null;
        var r = reflected ? d.Copy(ts) : Copy(ts);
        r.Update(ts, reflected ? this : d);
        return r;
    }

    public override PyObject? InPlaceOp(ThreadState ts, BinaryOp op, PyObject other)
    {
        if (op != Objects.BinaryOp.Or) return null;
        DictMethods.UpdateFrom(ts, this, other);
        return Rc.New(ts, this);
    }

    public override PyObject Iter(ThreadState ts) => new PyDictIterator(ts, this, DictIterKind.Keys);

    public override void Traverse(IReferenceVisitor visitor)
    {
        for (int k = 0; k < _used; k++)
        {
            if (_entries[k].Key is null) continue;
            visitor.Visit(_entries[k].Key);
            visitor.Visit(_entries[k].Value);
        }
        if (_dict is not null) visitor.Visit(_dict);
        if (Type.IsHeap) visitor.Visit(Type);
    }

    public override void ReleaseReferences(ThreadState ts)
    {
        ClearAll(ts);
        if (_dict is not null) { var d = _dict; _dict = null; Rc.Decref(ts, d); }
        if (Type.IsHeap) Rc.Decref(ts, Type);
    }
}

internal enum DictIterKind { Keys, Values, Items }

/// <summary>Iterates over a dict's keys, values or items; detects a change of size during iteration.</summary>
internal sealed class PyDictIterator : PyObject
{
    private readonly PyDict _dict;
    private readonly DictIterKind _kind;
    private readonly int _startCount;
    private int _pos;

    public PyDictIterator(ThreadState ts, PyDict dict, DictIterKind kind) : base(Types.DictIterator)
    {
        _dict = dict;
        _kind = kind;
        _startCount = dict.Count;
        Rc.Incref(ts, dict);
    }

    public override PyObject Iter(ThreadState ts) => Rc.New(ts, this);

    public override PyObject? Next(ThreadState ts)
    {
        using var cs = new CriticalSection(ts, _dict);
        if (_dict.Count != _startCount)
        {
            _pos = int.MaxValue;
            throw Err.RuntimeError("dictionary changed size during iteration");
        }
        if (!_dict.Next(ref _pos, out var k, out var v)) return null;
        switch (_kind)
        {
            case DictIterKind.Keys: return Rc.New(ts, k);
            case DictIterKind.Values: return Rc.New(ts, v);
            default:
                Rc.Incref(ts, k);
                Rc.Incref(ts, v);
                return ts.NewTuple(new[] { k, v });
        }
    }

    public override long Length(ThreadState ts) => Math.Max(0, _dict.Count);

    public override void Traverse(IReferenceVisitor visitor) => visitor.Visit(_dict);
    public override void ReleaseReferences(ThreadState ts) => Rc.Decref(ts, _dict);
}
