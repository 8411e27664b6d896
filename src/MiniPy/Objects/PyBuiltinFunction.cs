using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>A built-in function, possibly bound to an object (a built-in method).</summary>
internal sealed class PyBuiltinFunction : PyObject
{
    public readonly string Name;
    public readonly NativeFn Fn;
    public readonly PyObject? Self;
    public readonly string? OwnerName;
    /// <summary>A method of list, dict, set or bytearray: runs holding its object's lock (free-threaded mode).</summary>
    private readonly bool _locksSelf;

    public PyBuiltinFunction(string name, NativeFn fn, PyObject? self = null, ThreadState? ts = null, string? ownerName = null,
        bool locksSelf = false)
        : base(Types.BuiltinFunction)
    {
        Name = name;
        Fn = fn;
        Self = self;
        OwnerName = ownerName;
        _locksSelf = locksSelf;
        if (self is not null) Rc.Incref(ts!, self);
    }

    public override bool IsCallable => true;

    public override PyObject Call(ThreadState ts, in Args args)
    {
        if (_locksSelf && ts.FreeThreaded && Self is PyLockable container)
        {
            using var cs = new Concurrency.CriticalSection(ts, container);
            return Fn(ts, Self, args);
        }
        return Fn(ts, Self, args);
    }

    public override PyObject Repr(ThreadState ts) =>
        new PyStr(Self is null || Self is PyModule ? $"<built-in function {Name}>"
            : $"<built-in method {Name} of {Self.Type.Name} object at 0x{IdentityOf(Self):x}>");

    public override void Traverse(IReferenceVisitor visitor) => visitor.Visit(Self);

    public override void ReleaseReferences(ThreadState ts) => Rc.XDecref(ts, Self);
}

/// <summary>A method of a built-in type, stored in the type's dict; binds to an instance on access.</summary>
internal sealed class PyMethodDescriptor : PyObject
{
    public readonly PyType Owner;
    public readonly string Name;
    public readonly NativeFn Fn;
    /// <summary>Class methods of built-in types (dict.fromkeys, int.from_bytes) bind to the class.</summary>
    public readonly bool IsClassMethod;

    /// <summary>A method of list, dict, set or bytearray: it runs holding the object's lock when there is no
    /// GIL, which makes each such call atomic, as in CPython's free-threaded build.</summary>
    public readonly bool LocksSelf;

    /// <summary>A built-in method. <paramref name="locksItself"/>: it takes the locks it needs itself, one container
    /// at a time (a bulk update from another container); holding self's lock around it would nest two object
    /// locks, and two threads updating two containers from each other would deadlock.</summary>
    public PyMethodDescriptor(PyType owner, string name, NativeFn fn, bool isClassMethod = false, bool locksItself = false) : base(Types.MethodDescriptor)
    {
        Owner = owner;
        Name = name;
        Fn = fn;
        IsClassMethod = isClassMethod;
        LocksSelf = !isClassMethod && !locksItself && (owner == Types.List || owner == Types.Dict || owner == Types.Set
                                       || owner == Types.FrozenSet || owner == Types.ByteArray);
    }

    /// <summary>Calls the method on <paramref name="self"/> (already checked to be an instance of the owner).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public PyObject Invoke(ThreadState ts, PyObject self, in Args args)
    {
        if (LocksSelf && ts.FreeThreaded && self is PyLockable container)
        {
            using var cs = new Concurrency.CriticalSection(ts, container);
            return Fn(ts, self, args);
        }
        return Fn(ts, self, args);
    }

    public override bool IsCallable => true;

    /// <summary>Called through the class: the first argument is self.</summary>
    public override PyObject Call(ThreadState ts, in Args args)
    {
        if (IsClassMethod) return Fn(ts, Owner, args);
        if (args.Count == 0)
            throw Err.TypeError($"unbound method {Owner.Name}.{Name}() needs an argument");
        var self = args[0];
        if (!self.Type.IsSubtypeOf(Owner))
            throw Err.TypeError($"descriptor '{Name}' for '{Owner.Name}' objects doesn't apply to a '{self.Type.Name}' object");
        return Invoke(ts, self, args.Skip(1));
    }

    public override PyObject? DescriptorGet(ThreadState ts, PyObject? instance, PyType owner)
    {
        if (IsClassMethod) return new PyBuiltinFunction(Name, Fn, owner, ts);
        if (instance is null) return Rc.New(ts, this);
        return new PyBuiltinFunction(Name, Fn, instance, ts, locksSelf: LocksSelf);
    }

    public override PyObject Repr(ThreadState ts) => new PyStr($"<method '{Name}' of '{Owner.Name}' objects>");
}

/// <summary>A computed attribute of a built-in type (function.__name__, exception.args...).</summary>
internal sealed class PyGetSet : PyObject
{
    public delegate PyObject Getter(ThreadState ts, PyObject self);
    public delegate void Setter(ThreadState ts, PyObject self, PyObject? value);

    public readonly string Name;
    public readonly Getter Get;
    public readonly Setter? Set;
    private readonly PyType _owner;

    public PyGetSet(PyType owner, string name, Getter get, Setter? set) : base(Types.GetSetDescriptor)
    {
        _owner = owner;
        Name = name;
        Get = get;
        Set = set;
    }

    public override bool IsDataDescriptor => true;

    public override PyObject? DescriptorGet(ThreadState ts, PyObject? instance, PyType owner) =>
        instance is null ? Rc.New(ts, this) : Get(ts, instance);

    public override void DescriptorSet(ThreadState ts, PyObject instance, PyObject? value)
    {
        if (Set is null)
            throw Err.AttributeError($"attribute '{Name}' of '{_owner.Name}' objects is not writable");
        Set(ts, instance, value);
    }
}
