using System.Runtime.CompilerServices;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>
/// Every MiniPy value. The header follows PEP 703: the owner thread's id, a local count only the owner
/// changes, a shared count other threads change atomically (its two low bits are the queued and merged
/// flags) and flag bits. Under the <c>plain</c> scheme <see cref="RefLocal"/> is the whole count.
/// A new object starts with one reference, owned by whoever created it.
/// </summary>
internal abstract class PyObject
{
    public const byte ImmortalFlag = 1;
    /// <summary>Counted even under the <c>none</c> scheme, because its class defines <c>__del__</c>.</summary>
    public const byte FinalizerFlag = 2;
    /// <summary>Deallocated: the reference checker poisons the object and reports any later use.</summary>
    public const byte DeadFlag = 4;
    /// <summary>Being deallocated right now (its <c>__del__</c> may resurrect it).</summary>
    public const byte DyingFlag = 8;

    /// <summary>The count an immortal object starts with. With <c>--immortal off</c> it is counted but never
    /// reaches zero; it must also fit the biased scheme's shared field (30 bits, signed) once merged.</summary>
    public const uint ImmortalInitialCount = 1u << 27;

    internal uint RefLocal = 1;
    internal int RefShared;
    internal int OwnerTid;
    internal byte Flags;
    internal PyType Type;

    protected PyObject(PyType type)
    {
        Type = type;
        // PEP 703: the creating thread owns the object (its local count is changed without atomics).
        OwnerTid = System.Environment.CurrentManagedThreadId;
    }

    public bool IsImmortal => (Flags & ImmortalFlag) != 0;

    /// <summary>Makes this object immortal (PEP 683): never counted, never deallocated.</summary>
    public T MakeImmortal<T>() where T : PyObject
    {
        Flags |= ImmortalFlag;
        RefLocal = ImmortalInitialCount;
        return (T)this;
    }

    /// <summary>The instance dictionary, for objects that have one.</summary>
    public virtual PyDict? InstanceDict => null;

    // ---- protocols implemented by built-in types (user classes go through dunder lookup in Ops) ----

    public virtual PyObject Repr(ThreadState ts) =>
        new PyStr($"<{Type.Name} object at 0x{IdentityOf(this):x}>");

    public virtual PyObject Str(ThreadState ts) => Repr(ts);

    public virtual long Hash(ThreadState ts) => IdentityOf(this) >> 4;

    /// <summary>Rich comparison; returns null for NotImplemented. The result is a new reference.</summary>
    public virtual PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op)
    {
        if (op == CompareOp.Eq) return ReferenceEquals(this, other) ? PyBool.True : null;
        if (op == CompareOp.Ne) return ReferenceEquals(this, other) ? PyBool.False : null;
        return null;
    }

    public virtual bool IsTrue(ThreadState ts) => true;

    /// <summary>Binary arithmetic; null means NotImplemented. <paramref name="reflected"/> means this object is the right operand.</summary>
    public virtual PyObject? BinaryOp(ThreadState ts, BinaryOp op, PyObject other, bool reflected) => null;

    /// <summary>In-place arithmetic (<c>+=</c>); null falls back to <see cref="BinaryOp"/>.</summary>
    public virtual PyObject? InPlaceOp(ThreadState ts, BinaryOp op, PyObject other) => null;

    public virtual PyObject? UnaryOp(ThreadState ts, UnaryOp op) => null;

    public virtual long Length(ThreadState ts) =>
        throw Err.TypeError($"object of type '{Type.Name}' has no len()");

    public virtual bool HasLength => false;

    public virtual PyObject GetItem(ThreadState ts, PyObject key) =>
        throw Err.TypeError($"'{Type.Name}' object is not subscriptable");

    public virtual void SetItem(ThreadState ts, PyObject key, PyObject value) =>
        throw Err.TypeError($"'{Type.Name}' object does not support item assignment");

    public virtual void DelItem(ThreadState ts, PyObject key) =>
        throw Err.TypeError($"'{Type.Name}' object does not support item deletion");

    /// <summary>Membership; the default iterates.</summary>
    public virtual bool Contains(ThreadState ts, PyObject item) => Ops.ContainsByIteration(ts, this, item);

    public virtual PyObject Iter(ThreadState ts) =>
        throw Err.TypeError($"'{Type.Name}' object is not iterable");

    /// <summary>The next item (a new reference), or null when the iterator is exhausted.</summary>
    public virtual PyObject? Next(ThreadState ts) =>
        throw Err.TypeError($"'{Type.Name}' object is not an iterator");

    public virtual PyObject Call(ThreadState ts, in Args args) =>
        throw Err.TypeError($"'{Type.Name}' object is not callable");

    public virtual bool IsCallable => false;

    /// <summary>Descriptor <c>__get__</c> for built-in descriptors; null when this is not a descriptor.</summary>
    public virtual PyObject? DescriptorGet(ThreadState ts, PyObject? instance, PyType owner) => null;

    /// <summary>True for data descriptors (they win over the instance dict).</summary>
    public virtual bool IsDataDescriptor => false;

    public virtual void DescriptorSet(ThreadState ts, PyObject instance, PyObject? value) =>
        throw Err.AttributeError("attribute is read-only");

    /// <summary>Reports each owned reference to the reference checker.</summary>
    public virtual void Traverse(IReferenceVisitor visitor) { }

    /// <summary>Drops every reference this object owns; called once, when its count reaches zero.</summary>
    public virtual void ReleaseReferences(ThreadState ts) { }

    /// <summary>An address-like identity used by id(), default repr and default hash.</summary>
    public static long IdentityOf(PyObject o) => 0x7f0000000000L + ((long)RuntimeHelpers.GetHashCode(o) << 4);
}
