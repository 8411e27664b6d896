using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>range(start, stop, step) over longs.</summary>
internal sealed class PyRange : PyObject
{
    public readonly long Start, Stop, Step, Count;

    public PyRange(long start, long stop, long step) : base(Types.Range)
    {
        Start = start;
        Stop = stop;
        Step = step;
        if (step > 0) Count = start < stop ? (stop - start - 1) / step + 1 : 0;
        else Count = start > stop ? (start - stop - 1) / -step + 1 : 0;
    }

    public long At(long i) => Start + i * Step;

    public override PyObject Repr(ThreadState ts) =>
        new PyStr(Step == 1 ? $"range({Start}, {Stop})" : $"range({Start}, {Stop}, {Step})");

    public override bool IsTrue(ThreadState ts) => Count > 0;
    public override bool HasLength => true;
    public override long Length(ThreadState ts) => Count;
    public override long Hash(ThreadState ts) => (Start * 31 + Stop) * 31 + Step;

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op)
    {
        if (other is not PyRange r || op is not (CompareOp.Eq or CompareOp.Ne)) return null;
        bool eq = Count == r.Count && (Count == 0 || Start == r.Start && (Count == 1 || Step == r.Step));
        return PyBool.Of(eq == (op == CompareOp.Eq));
    }

    public override bool Contains(ThreadState ts, PyObject item)
    {
        if (item is PyInt i && item is not PyBool)
        {
            long v = i.Value;
            if (Step > 0 ? v < Start || v >= Stop : v > Start || v <= Stop) return false;
            return (v - Start) % Step == 0;
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
        long idx = Ops.AsIndexOrThrow(ts, key, "range indices must be integers or slices, not {0}");
        if (idx < 0) idx += Count;
        if (idx < 0 || idx >= Count) throw Err.IndexError("range object index out of range");
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
