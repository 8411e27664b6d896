using System;
using System.Numerics;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>float's constructor and methods.</summary>
internal static class FloatMethods
{
    public static PyObject New(ThreadState ts, PyType cls, in Args a)
    {
        a.Check("float", 0, 1);
        if (a.Count == 0) return new PyFloat(0.0);
        var x = a[0];
        switch (x)
        {
            case PyFloat f: return Rc.New(ts, (PyObject)f);
            case PyStr s:
                if (FloatOps.TryParse(s.Value, out double d)) return new PyFloat(d);
                throw Err.ValueError($"could not convert string to float: {StrOps.Repr(s.Value)}");
        }
        return new PyFloat(Ops.AsDouble(ts, x));
    }

    public static void Register()
    {
        var t = Types.Float;
        t.New = New;
        Reg.Slots(t, "__repr__", "__hash__", "__bool__", "__neg__", "__pos__");
        foreach (var c in Reg.Comparisons) Reg.Slots(t, c);
        foreach (var (f, r, _) in Types.Strs.BinaryNames[..7]) Reg.Slots(t, f.Value, r.Value);
        Reg.Slots(t, "__floordiv__", "__rfloordiv__");
        Reg.Method(t, "is_integer", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var v = ((PyFloat)self!).Value;
            return PyBool.Of(!double.IsInfinity(v) && Math.Floor(v) == v);
        });
        Reg.Method(t, "as_integer_ratio", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var v = ((PyFloat)self!).Value;
            if (double.IsNaN(v)) throw Err.ValueError("cannot convert NaN to integer ratio");
            if (double.IsInfinity(v)) throw Err.Overflow("cannot convert Infinity to integer ratio");
            long bits = BitConverter.DoubleToInt64Bits(v);
            int exp = (int)((bits >> 52) & 0x7FF);
            long mant = bits & 0xFFFFFFFFFFFFFL;
            if (exp == 0) exp = 1; else mant |= 1L << 52;
            int e = exp - 1075;
            BigInteger num = mant, den = 1;
            if (e > 0) num <<= e; else den <<= -e;
            var g = BigInteger.GreatestCommonDivisor(num, den);
            num /= g;
            den /= g;
            if (v < 0) num = -num;
            return ts.NewTuple(new[] { IntOps.Make(ts, num), IntOps.Make(ts, den) });
        });
        Reg.Method(t, "__int__", (ThreadState ts, PyObject? self, in Args a) => IntMethods.FromDouble(ts, ((PyFloat)self!).Value));
        Reg.Method(t, "__float__", (ThreadState ts, PyObject? self, in Args a) => Rc.New(ts, self!));
        Reg.Method(t, "__abs__", (ThreadState ts, PyObject? self, in Args a) => new PyFloat(Math.Abs(((PyFloat)self!).Value)));
        Reg.Method(t, "__trunc__", (ThreadState ts, PyObject? self, in Args a) => IntMethods.FromDouble(ts, ((PyFloat)self!).Value));
        Reg.Method(t, "__format__", (ThreadState ts, PyObject? self, in Args a) => new PyStr(FormatSpec.FormatBuiltin(ts, self!, Ops.StrString(ts, a[0]))));
        Reg.Method(t, "conjugate", (ThreadState ts, PyObject? self, in Args a) => Rc.New(ts, self!));
        Reg.Method(t, "hex", (ThreadState ts, PyObject? self, in Args a) => throw Err.NotImplemented("float.hex() is not supported by MiniPy"));
        Reg.GetSet(t, "real", (ts, self) => Rc.New(ts, self));
        Reg.GetSet(t, "imag", (ts, self) => new PyFloat(0.0));
        Reg.ClassMethod(t, "fromhex", (ThreadState ts, PyObject? self, in Args a) => throw Err.NotImplemented("float.fromhex() is not supported by MiniPy"));
    }
}
