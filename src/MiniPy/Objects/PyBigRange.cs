using System;
using System.Numerics;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>
/// A range whose start, stop or step is beyond 64 bits (<c>range(10**20)</c>): the same Python type as
/// <see cref="PyRange"/>, with every computation in BigInteger. Its length may exceed a Py_ssize_t, so
/// len() raises OverflowError as in CPython while indexing, membership and iteration still work.
/// </summary>
internal sealed class PyBigRange : PyObject
{
    /// <summary>The number of items (may exceed a Py_ssize_t).</summary>
    public readonly BigInteger Start, Stop, Step, Count;

    public PyBigRange(BigInteger start, BigInteger stop, BigInteger step) : base(Types.Range)
    {
        Start = start;
        Stop = stop;
        Step = step;
        Count = LengthOf(start, stop, step);
    }

    public static BigInteger LengthOf(BigInteger start, BigInteger stop, BigInteger step)
    {
        if (step > 0) return start < stop ? (stop - start - 1) / step + 1 : 0;
        return start > stop ? (start - stop - 1) / -step + 1 : 0;
    }

    /// <summary>range(start, stop, step) as the smaller representation that holds it.</summary>
    public static PyObject Make(BigInteger start, BigInteger stop, BigInteger step)
    {
        if (Fits(start) && Fits(stop) && Fits(step)) return new PyRange((long)start, (long)stop, (long)step);
        return new PyBigRange(start, stop, step);
    }

    private static bool Fits(BigInteger v) => v >= long.MinValue && v <= long.MaxValue;

    public BigInteger At(BigInteger i) => Start + i * Step;

    public override PyObject Repr(ThreadState ts) =>
        new PyStr(Step.IsOne ? $"range({Start}, {Stop})" : $"range({Start}, {Stop}, {Step})");

    public override bool IsTrue(ThreadState ts) => !Count.IsZero;
    public override bool HasLength => true;

    public override long Length(ThreadState ts) =>
        Count > long.MaxValue ? throw Err.Overflow("Python int too large to convert to C ssize_t") : (long)Count;

    public override long Hash(ThreadState ts) => PyRange.HashOf(ts, Count, Start, Step);

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op) =>
        PyRange.CompareRanges(this, other, op);

    /// <summary>The index of <paramref name="v"/> among the items, or -1.</summary>
    public BigInteger IndexOf(BigInteger v)
    {
        if (Step > 0 ? v < Start || v >= Stop : v > Start || v <= Stop) return -1;
        var (q, r) = BigInteger.DivRem(v - Start, Step);
        return r.IsZero ? q : -1;
    }

    public override bool Contains(ThreadState ts, PyObject item)
    {
        if (IntOps.IsInt(item) && item.Type.IsSubtypeOf(Types.Int) && !item.Type.IsHeap) return IndexOf(IntOps.Big(item)) >= 0;
        return Ops.ContainsByIteration(ts, this, item);
    }

    public override PyObject GetItem(ThreadState ts, PyObject key)
    {
        if (key is PySlice s) return PyRange.Slice(ts, Start, Step, Count, s);
        BigInteger i = IntOps.IsInt(key) ? IntOps.Big(key) : Ops.AsIndexOrThrow(ts, key, "range indices must be integers or slices, not {0}");
        if (i < 0) i += Count;
        if (i < 0 || i >= Count) throw Err.IndexError("range object index out of range");
        return IntOps.Make(ts, At(i));
    }

    public override PyObject Iter(ThreadState ts) => new PyBigRangeIterator(Start, Step, Count);
}

/// <summary>The iterator of a range beyond 64 bits.</summary>
internal sealed class PyBigRangeIterator : PyObject
{
    private BigInteger _next, _remaining;
    private readonly BigInteger _step;

    public PyBigRangeIterator(BigInteger start, BigInteger step, BigInteger count) : base(Types.RangeIterator)
    {
        _next = start;
        _step = step;
        _remaining = count;
    }

    public override PyObject Iter(ThreadState ts) => Rc.New(ts, this);

    public override PyObject? Next(ThreadState ts)
    {
        if (_remaining <= 0) return null;
        _remaining--;
        var v = _next;
        _next += _step;
        return IntOps.Make(ts, v);
    }

    public override long Length(ThreadState ts) => _remaining > long.MaxValue ? long.MaxValue : (long)_remaining;
}
