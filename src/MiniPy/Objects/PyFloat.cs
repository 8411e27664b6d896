using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>A float (IEEE double). Reused through the thread's free list.</summary>
internal sealed class PyFloat : PyObject
{
    public double Value;

    public PyFloat(double value) : base(Types.Float) { Value = value; }

    public override PyObject Repr(ThreadState ts) => new PyStr(FloatOps.Repr(Value));

    public override long Hash(ThreadState ts) => FloatOps.Hash(Value);

    public override bool IsTrue(ThreadState ts) => Value != 0.0;

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op)
    {
        if (other is PyFloat f) return PyBool.Of(FloatOps.Compare(Value, f.Value, op));
        if (IntOps.IsInt(other))
        {
            if (double.IsNaN(Value)) return op == CompareOp.Ne ? PyBool.True : PyBool.False;
            return PyBool.Of(FloatOps.Holds(op, FloatOps.CompareWithInt(Value, other)));
        }
        return null;
    }

    public override PyObject? BinaryOp(ThreadState ts, BinaryOp op, PyObject other, bool reflected)
    {
        double b;
        if (other is PyFloat f) b = f.Value;
        else if (IntOps.IsInt(other)) b = IntOps.ToDouble(other);
        else return null;
        return reflected ? FloatOps.Binary(ts, op, b, Value) : FloatOps.Binary(ts, op, Value, b);
    }

    public override PyObject? UnaryOp(ThreadState ts, UnaryOp op) => op switch
    {
        Objects.UnaryOp.Neg => ts.NewFloat(-Value),
        Objects.UnaryOp.Pos => Rc.New(ts, this),
        _ => null,
    };
}
