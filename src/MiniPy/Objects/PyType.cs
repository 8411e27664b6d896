using System;
using System.Collections.Generic;
using System.Threading;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>Allocates an instance of a built-in layout for <paramref name="cls"/> from the call's arguments.</summary>
internal delegate PyObject NewFn(ThreadState ts, PyType cls, in Args args);

/// <summary>
/// A class. Built-in types are process-wide immortal objects whose dicts are filled once, at start-up,
/// and never changed; classes made by a program (heap types) live on an interpreter and are counted.
/// </summary>
internal sealed class PyType : PyObject
{
    public string Name;
    public string Module;
    public PyType[] Bases;
    public PyType[] Mro;
    public readonly PyDict Dict;
    public readonly bool IsHeap;

    /// <summary>The built-in type whose C# layout instances of this type use (object, list, dict, an exception...).</summary>
    public PyType LayoutBase;

    /// <summary>Creates instances; inherited from the layout base by heap types.</summary>
    public NewFn? New;

    /// <summary>Bumped whenever this type or one of its bases changes; caches compare against it.</summary>
    public int Version;

    public bool HasDel, HasGetAttrHook, HasCustomGetAttribute, HasCustomSetAttr;

    /// <summary>Whether subclasses may be defined (bool, NoneType, function... refuse).</summary>
    public bool IsBaseType = true;
    /// <summary>A built-in container whose instances a class statement may subclass (the instance keeps the
    /// built-in layout and gains a dict): list, dict, set, deque.</summary>
    public bool SupportsSubclassLayout;

    private readonly List<WeakReference<PyType>> _subclasses = new();

    /// <summary>Creates a built-in type. <paramref name="baseType"/> is null only for object.</summary>
    public PyType(string name, PyType? baseType, NewFn? newFn = null, PyType? metaType = null)
        : base(metaType!)
    {
        Name = name;
        Module = "builtins";
        Dict = new PyDict();
        Bases = baseType is null ? Array.Empty<PyType>() : new[] { baseType };
        Mro = baseType is null ? new[] { this } : Prepend(this, baseType.Mro);
        LayoutBase = this;
        New = newFn ?? baseType?.New;
        if (metaType is null) Type = this; // 'type' is its own type
        Flags |= ImmortalFlag;
        RefLocal = ImmortalInitialCount;
        Dict.MakeImmortal<PyDict>();
    }

    /// <summary>Creates a class from a class statement or a three-argument type() call.</summary>
    public PyType(PyType metaType, string name, PyType[] bases, PyType[] mro, PyDict dict, PyType layoutBase)
        : base(metaType)
    {
        Name = name;
        Module = "__main__";
        Bases = bases;
        Mro = mro;
        Dict = dict;
        IsHeap = true;
        CacheEnabled = true;
        LayoutBase = layoutBase;
        New = layoutBase.New;
        foreach (var b in bases) b.AddSubclass(this);
    }

    private static PyType[] Prepend(PyType first, PyType[] rest)
    {
        var mro = new PyType[rest.Length + 1];
        mro[0] = first;
        Array.Copy(rest, 0, mro, 1, rest.Length);
        return mro;
    }

    private void AddSubclass(PyType sub)
    {
        if (!IsHeap) return; // built-in types never change, so their subclasses need no notice
        lock (_subclasses) _subclasses.Add(new WeakReference<PyType>(sub));
    }

    /// <summary>
    /// Lookups along the MRO, cached by name (absent names too) in a small direct-mapped table. Entries are
    /// immutable and replaced whole, so threads (and interpreters sharing the built-in types) read it
    /// without locks. The table is stamped with the <see cref="Version"/> it was filled under, and a lookup
    /// stores its answer only in a table of the version it read before walking the MRO: a thread whose walk
    /// raced with a change of this class or a base (<see cref="Modified"/>) cannot leave a stale entry in a
    /// table that later lookups trust.
    /// </summary>
    private LookupTable? _lookupCache;

    private const int LookupCacheSize = 64;

    private sealed class LookupEntry(PyStr name, PyObject? value)
    {
        public readonly PyStr Name = name;
        public readonly PyObject? Value = value;
    }

    private sealed class LookupTable(int version)
    {
        public readonly int Version = version;
        public readonly LookupEntry?[] Entries = new LookupEntry?[LookupCacheSize];
    }

    /// <summary>Finds an attribute along the MRO; a borrowed reference, or null.</summary>
    public PyObject? Lookup(PyStr name)
    {
        int version = Volatile.Read(ref Version);
        var cache = Volatile.Read(ref _lookupCache);
        int slot = (int)name.HashValue & (LookupCacheSize - 1);
        if (cache is not null && cache.Version == version && cache.Entries[slot] is { } entry
            && (ReferenceEquals(entry.Name, name) || entry.Name.Value == name.Value))
            return entry.Value;
        var mro = Mro;
        PyObject? found = null;
        for (int i = 0; i < mro.Length; i++)
        {
            var v = mro[i].Dict.GetItemOrNull(name);
            if (v is not null) { found = v; break; }
        }
        if (CacheEnabled)
        {
            if (cache is null || cache.Version != version)
            {
                var fresh = new LookupTable(version);
                var seen = Interlocked.CompareExchange(ref _lookupCache, fresh, cache);
                cache = ReferenceEquals(seen, cache) ? fresh : seen;
            }
            if (cache is not null && cache.Version == version) cache.Entries[slot] = new LookupEntry(name, found);
        }
        return found;
    }

    /// <summary>False while a built-in type is still being filled at start-up.</summary>
    public bool CacheEnabled;

    public PyObject? Lookup(string name) => Lookup(new PyStr(name));

    public bool IsSubtypeOf(PyType other)
    {
        if (ReferenceEquals(this, other)) return true;
        var mro = Mro;
        for (int i = 0; i < mro.Length; i++)
            if (ReferenceEquals(mro[i], other)) return true;
        return false;
    }

    /// <summary>Called after a change to this class's dict: refresh hook flags and invalidate caches here and below.</summary>
    public void Modified()
    {
        Interlocked.Increment(ref Version);
        Volatile.Write(ref _lookupCache, null);
        RefreshHooks();
        PyType[] subclasses;
        lock (_subclasses)
        {
            var live = new List<PyType>();
            for (int i = _subclasses.Count - 1; i >= 0; i--)
            {
                if (_subclasses[i].TryGetTarget(out var sub)) live.Add(sub);
                else _subclasses.RemoveAt(i);
            }
            subclasses = live.ToArray();
        }
        foreach (var sub in subclasses) sub.Modified();
    }

    public void RefreshHooks()
    {
        if (!IsHeap) return;
        HasDel = Lookup("__del__") is not null;
        HasGetAttrHook = Lookup("__getattr__") is not null;
        var ga = Lookup("__getattribute__");
        HasCustomGetAttribute = ga is not null && ga is not PyMethodDescriptor;
        var sa = Lookup("__setattr__");
        HasCustomSetAttr = sa is not null && sa is not PyMethodDescriptor;
    }

    public override PyDict? InstanceDict => Dict;

    public override PyObject Repr(ThreadState ts) =>
        new PyStr(Module == "builtins" ? $"<class '{Name}'>" : $"<class '{Module}.{Name}'>");

    public override bool IsCallable => true;

    public override PyObject Call(ThreadState ts, in Args args) => TypeCall.Call(ts, this, args);

    public override long Hash(ThreadState ts) => IdentityOf(this) >> 4;

    /// <summary>cls[item]: the class's __class_getitem__ (generic aliases such as list[int]).</summary>
    public override PyObject GetItem(ThreadState ts, PyObject key)
    {
        var getItem = Lookup(Types.Strs.ClassGetItem);
        if (getItem is null)
            throw Err.TypeError($"type '{Name}' is not subscriptable");
        if (getItem is PyMethodWrapper { IsClassMethod: true } cm) return Ops.CallDunder(ts, cm.Function, this, key);
        if (getItem is PyMethodDescriptor d) return d.Fn(ts, this, new Args(new[] { key }));
        return Ops.Call1(ts, getItem, key);
    }

    public override PyObject? BinaryOp(ThreadState ts, BinaryOp op, PyObject other, bool reflected) => null;

    public override void Traverse(IReferenceVisitor visitor)
    {
        if (!IsHeap) return;
        visitor.Visit(Dict);
        foreach (var b in Bases) visitor.Visit(b);
    }

    public override void ReleaseReferences(ThreadState ts)
    {
        if (!IsHeap) return;
        Rc.Decref(ts, Dict);
        foreach (var b in Bases) Rc.Decref(ts, b);
    }

    /// <summary>The C3 linearisation of a new class's bases (raises TypeError when there is none).</summary>
    public static PyType[] ComputeMro(PyType self, PyType[] bases)
    {
        var seqs = new List<List<PyType>>();
        foreach (var b in bases) seqs.Add(new List<PyType>(b.Mro));
        seqs.Add(new List<PyType>(bases));
        var result = new List<PyType> { self };
        while (true)
        {
            seqs.RemoveAll(s => s.Count == 0);
            if (seqs.Count == 0) return result.ToArray();
            PyType? candidate = null;
            foreach (var s in seqs)
            {
                var head = s[0];
                bool inTail = false;
                foreach (var other in seqs)
                    for (int i = 1; i < other.Count; i++)
                        if (ReferenceEquals(other[i], head)) { inTail = true; break; }
                if (!inTail) { candidate = head; break; }
            }
            if (candidate is null)
            {
                var names = new List<string>();
                foreach (var b in bases) names.Add(b.Name);
                throw Err.TypeError("Cannot create a consistent method resolution order (MRO) for bases " + string.Join(", ", names));
            }
            result.Add(candidate);
            foreach (var s in seqs)
                if (ReferenceEquals(s[0], candidate)) s.RemoveAt(0);
        }
    }
}
