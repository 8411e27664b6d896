using System;
using System.Collections.Generic;
using System.Text;
using MiniPy.Concurrency;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>
/// set and frozenset, laid out as CPython's setobject.c (open addressing with linear probes, then
/// perturbation), so that iteration order matches CPython's for the same insertions.
/// </summary>
internal sealed class PySet : PyLockable
{
    private const int LinearProbes = 9;
    private PyObject?[] _keys;
    private long[] _hashes;
    private int _fill, _used, _finger;
    private static readonly PyObject DummyKey = new PySingleton(Types.Object, "<dummy>").MakeImmortal<PyObject>();
    private PyDict? _dict;

    public PySet(bool frozen) : base(frozen ? Types.FrozenSet : Types.Set)
    {
        _keys = new PyObject?[8];
        _hashes = new long[8];
    }

    public PySet(PyType cls) : this(false) { Type = cls; }

    public bool IsFrozen => Type == Types.FrozenSet || Type.IsSubtypeOf(Types.FrozenSet);

    public override PyDict? InstanceDict => Type.IsHeap ? PyDict.Ensure(ref _dict) : null;

    public int Count => _used;

    private int Mask => _keys.Length - 1;

    private int Find(ThreadState ts, PyObject key, long hash)
    {
        int mask = Mask;
        ulong perturb = (ulong)hash;
        int i = (int)(hash & mask);
        while (true)
        {
            int probes = i + LinearProbes <= mask ? LinearProbes : 0;
            int j = i;
            while (true)
            {
                var k = _keys[j];
                if (k is null) return -1;
                if (!ReferenceEquals(k, DummyKey) && _hashes[j] == hash && (ReferenceEquals(k, key) || Ops.EqualsBool(ts, k, key)))
                    return j;
                if (probes-- == 0) break;
                j++;
            }
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    }

    public bool Contains(ThreadState ts, PyObject key, long hash) => _used > 0 && Find(ts, key, hash) >= 0;

    public override bool Contains(ThreadState ts, PyObject item)
    {
        using var cs = new CriticalSection(ts, this);
        long hash;
        try { hash = Ops.Hash(ts, item); }
        catch (PyException) when (item is PySet s && !s.IsFrozen)
        {
            // CPython retries an unhashable set as a frozenset.
            var f = new PySet(true);
            f.UpdateFrom(ts, s);
            bool r = Contains(ts, f, Ops.Hash(ts, f));
            Rc.Decref(ts, f);
            return r;
        }
        return Contains(ts, item, hash);
    }

    /// <summary>Adds a borrowed key (a reference is added when it is new).</summary>
    public void Add(ThreadState ts, PyObject key) => Add(ts, key, Ops.Hash(ts, key));

    public void Add(ThreadState ts, PyObject key, long hash)
    {
        using var cs = new CriticalSection(ts, this);
        int mask = Mask;
        ulong perturb = (ulong)hash;
        int i = (int)(hash & mask);
        int freeSlot = -1;
        while (true)
        {
            int probes = i + LinearProbes <= mask ? LinearProbes : 0;
            int j = i;
            while (true)
            {
                var k = _keys[j];
                if (k is null)
                {
                    Rc.Incref(ts, key);
                    if (freeSlot >= 0)
                    {
                        _keys[freeSlot] = key;
                        _hashes[freeSlot] = hash;
                        _used++;
                        return;
                    }
                    _keys[j] = key;
                    _hashes[j] = hash;
                    _fill++;
                    _used++;
                    if ((long)_fill * 5 >= (long)mask * 3) Resize(_used > 50000 ? _used * 2 : _used * 4);
                    return;
                }
                if (ReferenceEquals(k, DummyKey)) { if (freeSlot < 0) freeSlot = j; }
                else if (_hashes[j] == hash && (ReferenceEquals(k, key) || Ops.EqualsBool(ts, k, key))) return;
                if (probes-- == 0) break;
                j++;
            }
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    }

    private void Resize(int minUsed)
    {
        int newSize = 8;
        while (newSize <= minUsed) newSize <<= 1;
        var oldKeys = _keys;
        var oldHashes = _hashes;
        _keys = new PyObject?[newSize];
        _hashes = new long[newSize];
        _fill = _used;
        int mask = newSize - 1;
        for (int k = 0; k < oldKeys.Length; k++)
        {
            var key = oldKeys[k];
            if (key is null || ReferenceEquals(key, DummyKey)) continue;
            long hash = oldHashes[k];
            ulong perturb = (ulong)hash;
            int i = (int)(hash & mask);
            int slot;
            while (true)
            {
                // The same probe sequence as Find and Add: the linear run does not move the start index i.
                slot = i;
                if (_keys[slot] is null) goto found;
                if (i + LinearProbes <= mask)
                {
                    for (int j = 1; j <= LinearProbes; j++)
                    {
                        slot = i + j;
                        if (_keys[slot] is null) goto found;
                    }
                }
                perturb >>= 5;
                i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
            }
        found:
            _keys[slot] = key;
            _hashes[slot] = hash;
        }
    }

    /// <summary>Removes a key; true when it was present.</summary>
    public bool Discard(ThreadState ts, PyObject key)
    {
        using var cs = new CriticalSection(ts, this);
        if (_used == 0) return false;
        int j = Find(ts, key, Ops.Hash(ts, key));
        if (j < 0) return false;
        var old = _keys[j]!;
        _keys[j] = DummyKey;
        _hashes[j] = -1;
        _used--;
        Rc.Decref(ts, old);
        return true;
    }

    /// <summary>Removes an arbitrary element (as CPython picks it); returns an owned reference.</summary>
    public PyObject? PopAny()
    {
        if (_used == 0) return null;
        int i = _finger & Mask;
        while (_keys[i] is null || ReferenceEquals(_keys[i], DummyKey))
        {
            i++;
            if (i > Mask) i = 0;
        }
        var key = _keys[i]!;
        _keys[i] = DummyKey;
        _hashes[i] = -1;
        _used--;
        _finger = i + 1;
        return key;
    }

    public void Clear(ThreadState ts)
    {
        using var cs = new CriticalSection(ts, this);
        var keys = _keys;
        _keys = new PyObject?[8];
        _hashes = new long[8];
        _fill = _used = 0;
        foreach (var k in keys)
            if (k is not null && !ReferenceEquals(k, DummyKey)) Rc.Decref(ts, k);
    }

    /// <summary>The live keys in table order (borrowed).</summary>
    public List<PyObject> Keys()
    {
        var list = new List<PyObject>(_used);
        foreach (var k in _keys)
            if (k is not null && !ReferenceEquals(k, DummyKey)) list.Add(k);
        return list;
    }

    public bool NextEntry(ref int pos, out PyObject key, out long hash)
    {
        while (pos < _keys.Length)
        {
            var k = _keys[pos];
            hash = _hashes[pos];
            pos++;
            if (k is not null && !ReferenceEquals(k, DummyKey)) { key = k; return true; }
        }
        key = null!;
        hash = 0;
        return false;
    }

    public void UpdateFrom(ThreadState ts, PyObject iterable)
    {
        // Without the GIL a built-in source is copied under its own lock first, then this set is locked: never
        // both at once (no lock-order deadlock), and never a read of a table another thread is changing.
        if (ts.FreeThreaded && !ReferenceEquals(iterable, this) && iterable is PySet or PyDict or PyList or PyDictView
            && Ops.Snapshot(ts, iterable) is { } copied)
        {
            try
            {
                using var locked = new CriticalSection(ts, this);
                foreach (var x in copied) Add(ts, x);
            }
            finally { foreach (var x in copied) Rc.Decref(ts, x); }
            return;
        }
        using var cs = new CriticalSection(ts, this);
        if (iterable is PySet s)
        {
            int pos = 0;
            while (s.NextEntry(ref pos, out var k, out var h)) Add(ts, k, h);
            return;
        }
        if (iterable is PyDict d)
        {
            int pos = 0;
            while (d.Next(ref pos, out var k, out _)) Add(ts, k);
            return;
        }
        var it = Ops.GetIter(ts, iterable);
        try
        {
            while (true)
            {
                var x = Ops.Next(ts, it);
                if (x is null) break;
                try { Add(ts, x); }
                finally { Rc.Decref(ts, x); }
            }
        }
        finally { Rc.Decref(ts, it); }
    }

    public PySet NewEmptyLike() => new PySet(IsFrozen);

    public override PyObject Repr(ThreadState ts)
    {
        using var cs = new CriticalSection(ts, this);
        string name = Type.Name;
        if (_used == 0) return new PyStr(name + "()");
        if (!ts.EnterRepr(this)) return new PyStr(name + "(...)");
        try
        {
            var sb = new StringBuilder();
            bool plainSet = Type == Types.Set;
            sb.Append(plainSet ? "{" : name + "({");
            bool first = true;
            foreach (var k in Keys())
            {
                if (!first) sb.Append(", ");
                first = false;
                sb.Append(Ops.ReprString(ts, k));
            }
            sb.Append(plainSet ? "}" : "})");
            return new PyStr(sb.ToString());
        }
        finally { ts.LeaveRepr(this); }
    }

    public override long Hash(ThreadState ts)
    {
        if (!IsFrozen) throw Err.TypeError($"unhashable type: '{Type.Name}'");
        // CPython's frozenset hash: shuffle each element hash and combine order-independently.
        ulong hash = 0;
        foreach (var k in Keys())
        {
            ulong h = (ulong)Ops.Hash(ts, k);
            hash ^= ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
        }
        hash ^= ((ulong)_used + 1) * 1927868237UL;
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash * 69069U + 907133923UL;
        long r = (long)hash;
        return r == -1 ? 590923713 : r;
    }

    public override bool IsTrue(ThreadState ts) => _used > 0;
    public override bool HasLength => true;
    public override long Length(ThreadState ts) => _used;

    public bool IsSubsetOf(ThreadState ts, PySet other)
    {
        if (_used > other._used) return false;
        int pos = 0;
        while (NextEntry(ref pos, out var k, out var h)) if (!other.Contains(ts, k, h)) return false;
        return true;
    }

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op)
    {
        using var cs = new CriticalSection(ts, this);
        if (other is not PySet s) return null;
        switch (op)
        {
            case CompareOp.Eq: return PyBool.Of(_used == s._used && IsSubsetOf(ts, s));
            case CompareOp.Ne: return PyBool.Of(!(_used == s._used && IsSubsetOf(ts, s)));
            case CompareOp.Le: return PyBool.Of(IsSubsetOf(ts, s));
            case CompareOp.Lt: return PyBool.Of(_used < s._used && IsSubsetOf(ts, s));
            case CompareOp.Ge: return PyBool.Of(s.IsSubsetOf(ts, this));
            default: return PyBool.Of(_used > s._used && s.IsSubsetOf(ts, this));
        }
    }

    public override PyObject? BinaryOp(ThreadState ts, BinaryOp op, PyObject other, bool reflected)
    {
        using var cs = new CriticalSection(ts, this);
        if (other is not PySet s) return null;
        var (a, b) = reflected ? (s, this) : (this, s);
        return op switch
        {
            Objects.BinaryOp.Or => SetMethods.Union(ts, a, b),
            Objects.BinaryOp.And => SetMethods.Intersection(ts, a, b),
            Objects.BinaryOp.Sub => SetMethods.Difference(ts, a, b),
            Objects.BinaryOp.Xor => SetMethods.SymmetricDifference(ts, a, b),
            _ => null,
        };
    }

    public override PyObject? InPlaceOp(ThreadState ts, BinaryOp op, PyObject other)
    {
        using var cs = new CriticalSection(ts, this);
        if (IsFrozen || other is not PySet s) return null;
        switch (op)
        {
            case Objects.BinaryOp.Or: UpdateFrom(ts, s); break;
            case Objects.BinaryOp.Sub: foreach (var k in s.Keys()) Discard(ts, k); break;
            case Objects.BinaryOp.And:
                foreach (var k in Keys()) if (!s.Contains(ts, k)) Discard(ts, k);
                break;
            case Objects.BinaryOp.Xor:
                foreach (var k in s.Keys()) { if (!Discard(ts, k)) Add(ts, k); }
                break;
            default: return null;
        }
        return Rc.New(ts, this);
    }

    public override PyObject Iter(ThreadState ts) => new PySetIterator(ts, this);

    public override void Traverse(IReferenceVisitor visitor)
    {
        foreach (var k in _keys)
            if (k is not null && !ReferenceEquals(k, DummyKey)) visitor.Visit(k);
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

/// <summary>Iterates over a set in table order.</summary>
internal sealed class PySetIterator : PyObject
{
    private readonly PySet _set;
    private readonly int _startCount;
    private int _pos;

    public PySetIterator(ThreadState ts, PySet set) : base(Types.SetIterator)
    {
        _set = set;
        _startCount = set.Count;
        Rc.Incref(ts, set);
    }

    public override PyObject Iter(ThreadState ts) => Rc.New(ts, this);

    public override PyObject? Next(ThreadState ts)
    {
        using var cs = new CriticalSection(ts, _set);
        if (_set.Count != _startCount) throw Err.RuntimeError("Set changed size during iteration");
        return _set.NextEntry(ref _pos, out var k, out _) ? Rc.New(ts, k) : null;
    }

    public override void Traverse(IReferenceVisitor visitor) => visitor.Visit(_set);
    public override void ReleaseReferences(ThreadState ts) => Rc.Decref(ts, _set);
}
