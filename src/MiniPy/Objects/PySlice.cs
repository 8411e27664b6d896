using System;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>slice(start, stop, step); each part may be None.</summary>
internal sealed class PySlice : PyObject
{
    public readonly PyObject Start, Stop, Step;

    /// <summary>Takes ownership of the three references.</summary>
    public PySlice(PyObject start, PyObject stop, PyObject step) : base(Types.Slice)
    {
        Start = start;
        Stop = stop;
        Step = step;
    }

    public override PyObject Repr(ThreadState ts) =>
        new PyStr($"slice({Ops.ReprString(ts, Start)}, {Ops.ReprString(ts, Stop)}, {Ops.ReprString(ts, Step)})");

    public override long Hash(ThreadState ts) => throw Err.TypeError("unhashable type: 'slice'");

    /// <summary>CPython's PySlice_GetIndicesEx: clamped start/stop, step and the number of items.</summary>
    public (long Start, long Stop, long Step, long Count) Indices(ThreadState ts, long length)
    {
        long step = Step is PyNone ? 1 : Ops.AsIndexOrThrow(ts, Step, "slice indices must be integers or None or have an __index__ method");
        if (step == 0) throw Err.ValueError("slice step cannot be zero");
        long lower = step < 0 ? -1 : 0, upper = step < 0 ? length - 1 : length;
        long start = Start is PyNone ? (step < 0 ? upper : lower) : Clamp(ts, Start, length, lower, upper);
        long stop = Stop is PyNone ? (step < 0 ? lower : upper) : Clamp(ts, Stop, length, lower, upper);
        long count;
        if (step > 0) count = start < stop ? (stop - start - 1) / step + 1 : 0;
        else count = stop < start ? (start - stop - 1) / -step + 1 : 0;
        return (start, stop, step, count);
    }

    private static long Clamp(ThreadState ts, PyObject o, long length, long lower, long upper)
    {
        long v = o is PyBigInt b ? (b.Value.Sign < 0 ? long.MinValue / 2 : long.MaxValue / 2)
            : Ops.AsIndexOrThrow(ts, o, "slice indices must be integers or None or have an __index__ method");
        if (v < 0) { v += length; if (v < lower) v = lower; }
        else if (v > upper) v = upper;
        return v;
    }

    public override void Traverse(IReferenceVisitor visitor)
    {
        visitor.Visit(Start);
        visitor.Visit(Stop);
        visitor.Visit(Step);
    }

    public override void ReleaseReferences(ThreadState ts)
    {
        Rc.Decref(ts, Start);
        Rc.Decref(ts, Stop);
        Rc.Decref(ts, Step);
    }
}
