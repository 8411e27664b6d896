using System;
using System.Numerics;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>
/// An int that fits in a long (the fast path). Values beyond it are <see cref="PyBigInt"/>; the two
/// never overlap, so equal values always have the same representation. Instances are reused through
/// the thread's free list, so <see cref="Value"/> is set again on reuse.
/// </summary>
internal class PyInt : PyObject
{
    public long Value;

    public PyInt(long value) : base(Types.Int) { Value = value; }

    protected PyInt(PyType type, long value) : base(type) { Value = value; }

    public override PyObject Repr(ThreadState ts) => new PyStr(Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override long Hash(ThreadState ts) => IntOps.HashLong(Value);

    public override bool IsTrue(ThreadState ts) => Value != 0;

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op) => IntOps.Compare(this, other, op);

    public override PyObject? BinaryOp(ThreadState ts, BinaryOp op, PyObject other, bool reflected) =>
        IntOps.Binary(ts, op, this, other, reflected);

    public override PyObject? UnaryOp(ThreadState ts, UnaryOp op) => IntOps.Unary(ts, this, op);

    public BigInteger AsBig => Value;
}

/// <summary>An int beyond the range of long.</summary>
internal sealed class PyBigInt : PyObject
{
    public readonly BigInteger Value;

    public PyBigInt(BigInteger value) : base(Types.Int) { Value = value; }

    public override PyObject Repr(ThreadState ts) => new PyStr(IntOps.ToDecimalString(Value));

    public override long Hash(ThreadState ts) => IntOps.HashBig(Value);

    public override bool IsTrue(ThreadState ts) => !Value.IsZero;

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op) => IntOps.Compare(this, other, op);

    public override PyObject? BinaryOp(ThreadState ts, BinaryOp op, PyObject other, bool reflected) =>
        IntOps.Binary(ts, op, this, other, reflected);

    public override PyObject? UnaryOp(ThreadState ts, UnaryOp op) => IntOps.Unary(ts, this, op);
}

/// <summary>True and False: ints 1 and 0 of type bool.</summary>
internal sealed class PyBool : PyInt
{
    internal PyBool(PyType type, long value) : base(type, value) { }

    public static PyBool True => Types.True;
    public static PyBool False => Types.False;

    public static PyBool Of(bool b) => b ? Types.True : Types.False;

    public override PyObject Repr(ThreadState ts) => Value != 0 ? Types.Strs.True : Types.Strs.False;

    public override PyObject? BinaryOp(ThreadState ts, BinaryOp op, PyObject other, bool reflected)
    {
        if (other is PyBool b && op is Objects.BinaryOp.And or Objects.BinaryOp.Or or Objects.BinaryOp.Xor)
        {
            long r = op == Objects.BinaryOp.And ? Value & b.Value : op == Objects.BinaryOp.Or ? Value | b.Value : Value ^ b.Value;
            return Of(r != 0);
        }
        return IntOps.Binary(ts, op, this, other, reflected);
    }
}
