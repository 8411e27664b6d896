using System;
using System.Numerics;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>range(start, stop, step) over longs.</summary>
internal sealed class PyRange : PyObject
{
    public readonly long Start, Stop, Step;
    /// <summary>The number of items, capped at long.MaxValue (iteration never gets that far); <see cref="FullCount"/> is exact.</summary>
    public readonly long Count;
    /// <summary>The exact number of items: range(-2**63, 2**63 - 1) has more than a Py_ssize_t holds.</summary>
    public readonly Int128 FullCount;

    public PyRange(long start, long stop, long step) : base(Types.Range)
    {
        Start = start;
        Stop = stop;
        Step = step;
        if (step > 0) FullCount = start < stop ? ((Int128)stop - start - 1) / step + 1 : 0;
        else FullCount = start > stop ? ((Int128)start - stop - 1) / -(Int128)step + 1 : 0;
        Count = FullCount > long.MaxValue ? long.MaxValue : (long)FullCount;
    }

    /// <summary>The item at <paramref name="i"/> (in range): it lies between start and stop, so it fits.</summary>
    public long At(Int128 i) => (long)(Start + i * Step);

    public override PyObject Repr(ThreadState ts) =>
        new PyStr(Step == 1 ? $"range({Start}, {Stop})" : $"range({Start}, {Stop}, {Step})");

    public override bool IsTrue(ThreadState ts) => Count > 0;
    public override bool HasLength => true;
    public override long Length(ThreadState ts) =>
        FullCount > long.MaxValue ? throw Err.Overflow("Python int too large to convert to C ssize_t") : Count;
    public override long Hash(ThreadState ts) => HashOf(ts, (BigInteger)FullCount, Start, Step);

    /// <summary>CPython's range hash: that of (len, start, step), with start and step None where they do not
    /// matter, so equal ranges (range(0, 10, 2) and range(0, 9, 2)) hash equal.</summary>
    public static long HashOf(ThreadState ts, BigInteger length, BigInteger start, BigInteger step)
    {
        var items = new PyObject[]
        {
            IntOps.Make(ts, length),
            length.IsZero ? Rc.New(ts, Types.None) : IntOps.Make(ts, start),
            length <= 1 ? Rc.New(ts, Types.None) : IntOps.Make(ts, step),
        };
        var tuple = ts.NewTuple(items);
        try { return Ops.Hash(ts, tuple); }
        finally { Rc.Decref(ts, tuple); }
    }

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op) => CompareRanges(this, other, op);

    /// <summary>start, step and length of either range kind, exactly.</summary>
    private static (BigInteger Start, BigInteger Step, BigInteger Length)? Shape(PyObject o) => o switch
    {
        PyRange r => (r.Start, r.Step, (BigInteger)r.FullCount),
        PyBigRange b => (b.Start, b.Step, b.Count),
        _ => null,
    };

    /// <summary>== and != of ranges as CPython compares them: the same sequence of items.</summary>
    public static PyObject? CompareRanges(PyObject a, PyObject b, CompareOp op)
    {
        if (op is not (CompareOp.Eq or CompareOp.Ne) || Shape(a) is not { } x || Shape(b) is not { } y) return null;
        bool eq = x.Length == y.Length && (x.Length.IsZero || x.Start == y.Start && (x.Length.IsOne || x.Step == y.Step));
        return PyBool.Of(eq == (op == CompareOp.Eq));
    }

    /// <summary>A slice of a range (its start, step and length given): CPython's compute_slice, exact for any size.</summary>
    public static PyObject Slice(ThreadState ts, BigInteger start, BigInteger step, BigInteger length, PySlice s)
    {
        BigInteger sliceStep = s.Step is PyNone ? BigInteger.One : SliceIndex(ts, s.Step);
        if (sliceStep.IsZero) throw Err.ValueError("slice step cannot be zero");
        BigInteger lower = sliceStep < 0 ? -1 : 0, upper = sliceStep < 0 ? length - 1 : length;
        BigInteger Clamp(PyObject bound, BigInteger absent)
        {
            if (bound is PyNone) return absent;
            var v = SliceIndex(ts, bound);
            if (v < 0) { v += length; return v < lower ? lower : v; }
            return v > upper ? upper : v;
        }
        var first = Clamp(s.Start, sliceStep < 0 ? upper : lower);
        var last = Clamp(s.Stop, sliceStep < 0 ? lower : upper);
        return PyBigRange.Make(start + first * step, start + last * step, step * sliceStep);
    }

    private static BigInteger SliceIndex(ThreadState ts, PyObject o) =>
        IntOps.IsInt(o) ? IntOps.Big(o) : Ops.AsIndexOrThrow(ts, o, "slice indices must be integers or None or have an __index__ method");

    public override bool Contains(ThreadState ts, PyObject item)
    {
        if (item is PyBigInt && !item.Type.IsHeap) return false; // beyond 64 bits, so beyond the bounds
        if (item is PyInt i && item is not PyBool)
        {
            long v = i.Value;
            if (Step > 0 ? v < Start || v >= Stop : v > Start || v <= Stop) return false;
            return ((Int128)v - Start) % Step == 0;
        }
        return Ops.ContainsByIteration(ts, this, item);
    }

    public override PyObject GetItem(ThreadState ts, PyObject key)
    {
        if (key is PySlice s) return Slice(ts, Start, Step, (BigInteger)FullCount, s);
        if (key is PyBigInt) throw Err.IndexError("range object index out of range");
        Int128 idx = Ops.AsIndexOrThrow(ts, key, "range indices must be integers or slices, not {0}");
        if (idx < 0) idx += FullCount;
        if (idx < 0 || idx >= FullCount) throw Err.IndexError("range object index out of range");
        return ts.NewInt(At(idx));
    }

    public override PyObject Iter(ThreadState ts) => new PyRangeIterator(Start, Step, Count);
}

/// <summary>The iterator of a range: no references, just counters.</summary>
internal sealed class PyRangeIterator : PyObject
{
    public long Next_, Step, Remaining;

    public PyRangeIterator(long start, long step, long count) : base(Types.RangeIterator)
    {
        Next_ = start;
        Step = step;
        Remaining = count;
    }

    public override PyObject Iter(ThreadState ts) => Rc.New(ts, this);

    public override PyObject? Next(ThreadState ts)
    {
        if (Remaining <= 0) return null;
        Remaining--;
        long v = Next_;
        Next_ += Step;
        return ts.NewInt(v);
    }

    public override long Length(ThreadState ts) => Remaining;
}
