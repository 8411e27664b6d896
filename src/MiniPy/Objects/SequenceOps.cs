using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>Lexicographic comparison shared by list and tuple.</summary>
internal static class SequenceOps
{
    public static PyObject Compare(ThreadState ts, PyObject[] a, int na, PyObject[] b, int nb, CompareOp op)
    {
        if ((op == CompareOp.Eq || op == CompareOp.Ne) && na != nb)
            return PyBool.Of(op == CompareOp.Ne);
        int i = 0;
        for (; i < na && i < nb; i++)
        {
            if (!Ops.EqualsBool(ts, a[i], b[i])) break;
        }
        if (i >= na || i >= nb)
            return PyBool.Of(FloatOps.Holds(op, na.CompareTo(nb)));
        if (op == CompareOp.Eq) return PyBool.False;
        if (op == CompareOp.Ne) return PyBool.True;
        return Ops.RichCompare(ts, a[i], b[i], op);
    }
}
