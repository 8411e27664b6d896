using MiniPy.Objects;
using BinOp = MiniPy.Objects.BinaryOp;

namespace MiniPy.Runtime;

internal static partial class Ops
{
    public static string Symbol(BinOp op) => op switch
    {
        BinOp.Add => "+",
        BinOp.Sub => "-",
        BinOp.Mul => "*",
        BinOp.MatMul => "@",
        BinOp.TrueDiv => "/",
        BinOp.Mod => "%",
        BinOp.Pow => "** or pow()",
        BinOp.LShift => "<<",
        BinOp.RShift => ">>",
        BinOp.Or => "|",
        BinOp.Xor => "^",
        BinOp.And => "&",
        _ => "//",
    };

    private static PyException Unsupported(PyObject a, PyObject b, BinOp op, bool inplace)
    {
        var sym = Symbol(op);
        if (inplace) sym = op == BinOp.Pow ? "**=" : sym + "=";
        return Err.TypeError($"unsupported operand type(s) for {sym}: '{a.Type.Name}' and '{b.Type.Name}'");
    }

    /// <summary>a op b with Python's reflected-operand rules.</summary>
    public static PyObject BinaryOp(ThreadState ts, PyObject a, PyObject b, BinOp op)
    {
        var ta = a.Type;
        var tb = b.Type;
        if (!ta.IsHeap && !tb.IsHeap)
        {
            var r = a.BinaryOp(ts, op, b, false);
            if (r is not null) return r;
            if (!ReferenceEquals(ta, tb))
            {
                r = b.BinaryOp(ts, op, a, true);
                if (r is not null) return r;
            }
            if (op == BinOp.Add && a is PyStr && b is not PyStr)
                throw Err.TypeError($"can only concatenate str (not \"{b.Type.Name}\") to str");
            if (op == BinOp.Add && a is PyList && b is not PyList)
                throw Err.TypeError($"can only concatenate list (not \"{b.Type.Name}\") to list");
            if (op == BinOp.Add && a is PyTuple && b is not PyTuple)
                throw Err.TypeError($"can only concatenate tuple (not \"{b.Type.Name}\") to tuple");
            if (op == BinOp.Mul && (a is PyStr || a is PyList || a is PyTuple || b is PyStr || b is PyList || b is PyTuple))
            {
                var other = a is PyStr || a is PyList || a is PyTuple ? b : a;
                throw Err.TypeError($"can't multiply sequence by non-int of type '{other.Type.Name}'");
            }
            throw Unsupported(a, b, op, false);
        }
        return BinaryOpSlow(ts, a, b, op) ?? throw Unsupported(a, b, op, false);
    }

    private static PyObject? TryBinaryDunder(ThreadState ts, PyObject self, PyObject other, BinOp op, bool reflected)
    {
        var names = Types.Strs.BinaryNames[(int)op];
        var m = self.Type.Lookup(reflected ? names.Reflected : names.Forward);
        if (m is null) return null;
        if (m is PyMethodDescriptor) return self.BinaryOp(ts, op, other, reflected);
        var r = CallDunder(ts, m, self, other);
        if (ReferenceEquals(r, Types.NotImplemented)) return null;
        return r;
    }

    private static PyObject? BinaryOpSlow(ThreadState ts, PyObject a, PyObject b, BinOp op)
    {
        bool sameType = ReferenceEquals(a.Type, b.Type);
        var names = Types.Strs.BinaryNames[(int)op];
        bool reflectedFirst = !sameType && b.Type.IsSubtypeOf(a.Type)
            && b.Type.Lookup(names.Reflected) is { } rm && !ReferenceEquals(rm, a.Type.Lookup(names.Reflected));
        if (reflectedFirst)
        {
            var r0 = TryBinaryDunder(ts, b, a, op, true);
            if (r0 is not null) return r0;
        }
        var r = TryBinaryDunder(ts, a, b, op, false);
        if (r is not null) return r;
        if (!sameType && !reflectedFirst) return TryBinaryDunder(ts, b, a, op, true);
        return null;
    }

    /// <summary>a op= b: the in-place method when there is one, else the binary operator.</summary>
    public static PyObject InPlaceOp(ThreadState ts, PyObject a, PyObject b, BinOp op)
    {
        if (!a.Type.IsHeap)
        {
            var r = a.InPlaceOp(ts, op, b);
            if (r is not null) return r;
        }
        else
        {
            var m = a.Type.Lookup(Types.Strs.BinaryNames[(int)op].InPlace);
            if (m is not null)
            {
                PyObject? r;
                if (m is PyMethodDescriptor) r = a.InPlaceOp(ts, op, b);
                else
                {
                    r = CallDunder(ts, m, a, b);
                    if (ReferenceEquals(r, Types.NotImplemented)) r = null;
                }
                if (r is not null) return r;
            }
        }
        try { return BinaryOp(ts, a, b, op); }
        catch (PyException e) when (e.Value.Type == Types.TypeError && e.Value.MessageText().StartsWith("unsupported operand", System.StringComparison.Ordinal))
        {
            Rc.Decref(ts, e.Value);
            throw Unsupported(a, b, op, true);
        }
    }

    public static PyObject UnaryOp(ThreadState ts, PyObject o, UnaryOp op)
    {
        if (op == Objects.UnaryOp.Not) return PyBool.Of(!IsTrue(ts, o));
        if (!o.Type.IsHeap)
        {
            var r = o.UnaryOp(ts, op);
            if (r is not null) return r;
        }
        else
        {
            var name = op switch { Objects.UnaryOp.Neg => Types.Strs.Neg, Objects.UnaryOp.Pos => Types.Strs.Pos, _ => Types.Strs.Invert };
            var m = o.Type.Lookup(name);
            if (m is PyMethodDescriptor)
            {
                var r = o.UnaryOp(ts, op);
                if (r is not null) return r;
            }
            else if (m is not null) return CallDunder(ts, m, o);
        }
        var sym = op switch { Objects.UnaryOp.Neg => "-", Objects.UnaryOp.Pos => "+", _ => "~" };
        throw Err.TypeError($"bad operand type for unary {sym}: '{o.Type.Name}'");
    }

    // ---------------- integers as indices ----------------

    /// <summary>operator.index(o) as a long; null when o has no __index__.</summary>
    public static long? AsIndexOrNull(ThreadState ts, PyObject o)
    {
        if (o is PyInt i) return i.Value;
        if (o is PyBigInt) throw Err.Make(Types.IndexError, $"cannot fit 'int' into an index-sized integer");
        if (o.Type.IsHeap)
        {
            var m = o.Type.Lookup(Types.Strs.Index);
            if (m is not null)
            {
                var r = CallDunder(ts, m, o);
                try
                {
                    if (r is PyInt ri) return ri.Value;
                    throw Err.TypeError($"__index__ returned non-int (type {r.Type.Name})");
                }
                finally { Rc.Decref(ts, r); }
            }
        }
        return null;
    }

    /// <summary>An index; raises TypeError with <paramref name="message"/> (where {0} is the type name) otherwise.</summary>
    public static long AsIndexOrThrow(ThreadState ts, PyObject o, string message) =>
        AsIndexOrNull(ts, o) ?? throw Err.TypeError(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, o.Type.Name));

    public static long AsIndex(ThreadState ts, PyObject o) =>
        AsIndexOrThrow(ts, o, "'{0}' object cannot be interpreted as an integer");

    /// <summary>A repetition count or size: OverflowError beyond a long.</summary>
    public static long AsSize(ThreadState ts, PyObject o)
    {
        if (o is PyBigInt b)
        {
            if (b.Value.Sign < 0) return 0;
            throw Err.Overflow("cannot fit 'int' into an index-sized integer");
        }
        return AsIndex(ts, o);
    }

    /// <summary>A <c>Py_ssize_t</c> argument (CPython's "n" format): OverflowError beyond 64 bits.</summary>
    public static long AsSsize(ThreadState ts, PyObject o)
    {
        if (o is PyBigInt) throw Err.Overflow("Python int too large to convert to C ssize_t");
        return AsIndex(ts, o);
    }

    /// <summary>A C <c>int</c> argument (CPython's "i" format): OverflowError beyond 32 bits.</summary>
    public static int AsCInt(ThreadState ts, PyObject o)
    {
        long v = o is PyBigInt ? long.MaxValue : AsIndex(ts, o);
        if (v > int.MaxValue) throw Err.Overflow("Python int too large to convert to C int");
        if (v < int.MinValue) throw Err.Overflow("Python int too small to convert to C int");
        return (int)v;
    }

    /// <summary>An int argument given as int or bool (or an object with __index__).</summary>
    public static long AsLong(ThreadState ts, PyObject o, string what = "an integer")
    {
        if (o is PyInt i) return i.Value;
        if (o is PyBigInt) throw Err.Overflow("Python int too large to convert to C long");
        return AsIndexOrNull(ts, o) ?? throw Err.TypeError($"'{o.Type.Name}' object cannot be interpreted as {what}");
    }

    /// <summary>A float argument: float, int, or an object with __float__ / __index__.</summary>
    public static double AsDouble(ThreadState ts, PyObject o)
    {
        if (o is PyFloat f) return f.Value;
        if (IntOps.IsInt(o)) return IntOps.ToDouble(o);
        if (o.Type.IsHeap)
        {
            var m = o.Type.Lookup(Types.Strs.Float);
            if (m is not null)
            {
                var r = CallDunder(ts, m, o);
                try
                {
                    if (r is PyFloat rf) return rf.Value;
                    throw Err.TypeError($"{o.Type.Name}.__float__ returned non-float (type {r.Type.Name})");
                }
                finally { Rc.Decref(ts, r); }
            }
            var idx = AsIndexOrNull(ts, o);
            if (idx is not null) return idx.Value;
        }
        throw Err.TypeError($"must be real number, not {o.Type.Name}");
    }
}
