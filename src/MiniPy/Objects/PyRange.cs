using System;
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
    public override long Hash(ThreadState ts) => (Start * 31 + Stop) * 31 + Step;

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op)
    {
        if (other is not PyRange r || op is not (CompareOp.Eq or CompareOp.Ne)) return null;
        bool eq = FullCount == r.FullCount && (Count == 0 || Start == r.Start && (Count == 1 || Step == r.Step));
        return PyBool.Of(eq == (op == CompareOp.Eq));
    }

    public override bool Contains(ThreadState ts, PyObject item)
    {
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
        if (key is PySlice s)
        {
            var (start, _, step, count) = s.Indices(ts, Count);
            long newStart = At(start), newStep = Step * step;
            return new PyRange(newStart, newStart + count * newStep, newStep);
        }
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
