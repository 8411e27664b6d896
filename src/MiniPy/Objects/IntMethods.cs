using System;
using System.Numerics;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>int, bool and float constructors and methods.</summary>
internal static class IntMethods
{
    public static PyObject New(ThreadState ts, PyType cls, in Args a)
    {
        a.CheckKeywords("int", "base");
        var x = a.Get(0, "x");
        var baseArg = a.Get(1, "base");
        if (x is null)
        {
            if (baseArg is not null) throw Err.TypeError("int() missing string argument");
            return ts.NewInt(0);
        }
        if (baseArg is not null)
        {
            long b = Ops.AsLong(ts, baseArg);
            if (b != 0 && (b < 2 || b > 36)) throw Err.ValueError("int() base must be >= 2 and <= 36, or 0");
            string text = x switch
            {
                PyStr s => s.Value,
                PyBytes by => System.Text.Encoding.Latin1.GetString(by.Value),
                PyByteArray ba => System.Text.Encoding.Latin1.GetString(ba.ToArray()),
                _ => throw Err.TypeError("int() can't convert non-string with explicit base"),
            };
            return IntOps.Parse(ts, text, (int)b, x);
        }
        return ToInt(ts, x);
    }

    /// <summary>int(x) for one argument.</summary>
    public static PyObject ToInt(ThreadState ts, PyObject x)
    {
        switch (x)
        {
            case PyBool b: return ts.NewInt(b.Value);
            case PyInt i: return Rc.New(ts, x);
            case PyBigInt: return Rc.New(ts, x);
            case PyFloat f: return FromDouble(ts, f.Value);
            case PyStr s: return IntOps.Parse(ts, s.Value, 10, x);
            case PyBytes by: return IntOps.Parse(ts, System.Text.Encoding.Latin1.GetString(by.Value), 10, x);
        }
        if (x.Type.IsHeap)
        {
            foreach (var name in new[] { Types.Strs.Int, Types.Strs.Index, Types.Strs.Trunc })
            {
                var m = x.Type.Lookup(name);
                if (m is null) continue;
                var r = Ops.CallDunder(ts, m, x);
                if (IntOps.IsInt(r)) return r;
                Rc.Decref(ts, r);
                throw Err.TypeError($"{name.Value} returned non-int (type {r.Type.Name})");
            }
        }
        throw Err.TypeError($"int() argument must be a string, a bytes-like object or a real number, not '{x.Type.Name}'");
    }

    public static PyObject FromDouble(ThreadState ts, double d)
    {
        if (double.IsNaN(d)) throw Err.ValueError("cannot convert float NaN to integer");
        if (double.IsInfinity(d)) throw Err.Overflow("cannot convert float infinity to integer");
        var t = Math.Truncate(d);
        if (t >= -9.2e18 && t <= 9.2e18) return ts.NewInt((long)t);
        return IntOps.Make(ts, new BigInteger(t));
    }

    public static void Register()
    {
        var t = Types.Int;
        Reg.Slots(t, "__repr__", "__hash__", "__bool__", "__neg__", "__pos__", "__invert__");
        foreach (var c in Reg.Comparisons) Reg.Slots(t, c);
        foreach (var (f, r, _) in Types.Strs.BinaryNames) Reg.Slots(t, f.Value, r.Value);
        Reg.Method(t, "bit_length", (ThreadState ts, PyObject? self, in Args a) =>
        {
            return ts.NewInt((long)BigInteger.Abs(IntOps.Big(self!)).GetBitLength());
        });
        Reg.Method(t, "bit_count", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var v = BigInteger.Abs(IntOps.Big(self!));
            long n = 0;
            foreach (var b in v.ToByteArray()) n += BitOperations.PopCount(b);
            return ts.NewInt(n);
        });
        Reg.Method(t, "__index__", (ThreadState ts, PyObject? self, in Args a) => IntOps.Make(ts, IntOps.Big(self!)));
        Reg.Method(t, "__int__", (ThreadState ts, PyObject? self, in Args a) => IntOps.Make(ts, IntOps.Big(self!)));
        Reg.Method(t, "__float__", (ThreadState ts, PyObject? self, in Args a) => new PyFloat(IntOps.ToDouble(self!)));
        Reg.Method(t, "__abs__", (ThreadState ts, PyObject? self, in Args a) => IntOps.Make(ts, BigInteger.Abs(IntOps.Big(self!))));
        Reg.Method(t, "__format__", (ThreadState ts, PyObject? self, in Args a) => new PyStr(FormatSpec.FormatBuiltin(ts, self!, Ops.StrString(ts, a[0]))));
        Reg.Method(t, "conjugate", (ThreadState ts, PyObject? self, in Args a) => IntOps.Make(ts, IntOps.Big(self!)));
        Reg.Method(t, "is_integer", (ThreadState ts, PyObject? self, in Args a) => Types.True);
        Reg.GetSet(t, "real", (ts, self) => IntOps.Make(ts, IntOps.Big(self)));
        Reg.GetSet(t, "imag", (ts, self) => ts.NewInt(0));
        Reg.GetSet(t, "numerator", (ts, self) => IntOps.Make(ts, IntOps.Big(self)));
        Reg.GetSet(t, "denominator", (ts, self) => ts.NewInt(1));
        Reg.Method(t, "as_integer_ratio", (ThreadState ts, PyObject? self, in Args a) =>
            ts.NewTuple(new[] { IntOps.Make(ts, IntOps.Big(self!)), ts.NewInt(1) }));
        Reg.Method(t, "to_bytes", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.CheckKeywords("to_bytes", "length", "byteorder", "signed");
            long length = a.Get(0, "length") is { } l ? Ops.AsLong(ts, l) : 1;
            string order = a.Get(1, "byteorder") is { } o ? Ops.StrString(ts, o) : "big";
            bool signed = a.Kw("signed") is { } sg && Ops.IsTrue(ts, sg);
            var v = IntOps.Big(self!);
            if (!signed && v.Sign < 0) throw Err.Overflow("can't convert negative int to unsigned");
            var bytes = v.ToByteArray(isUnsigned: !signed, isBigEndian: false);
            if (bytes.Length > length)
            {
                // ToByteArray may add a sign byte that is not needed.
                bool trimmable = bytes.Length == length + 1 && !signed && bytes[^1] == 0;
                if (!trimmable) throw Err.Overflow("int too big to convert");
            }
            var result = new byte[length];
            byte fill = (byte)(signed && v.Sign < 0 ? 0xFF : 0);
            for (int i = 0; i < length; i++) result[i] = i < bytes.Length ? bytes[i] : fill;
            if (order == "big") Array.Reverse(result);
            else if (order != "little") throw Err.ValueError("byteorder must be either 'little' or 'big'");
            return new PyBytes(result);
        });
        Reg.ClassMethod(t, "from_bytes", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.CheckKeywords("from_bytes", "bytes", "byteorder", "signed");
            var data = BytesMethods.AsBytes(ts, a.Get(0, "bytes") ?? throw Err.TypeError("from_bytes() missing required argument 'bytes' (pos 1)"));
            string order = a.Get(1, "byteorder") is { } o ? Ops.StrString(ts, o) : "big";
            bool signed = a.Kw("signed") is { } sg && Ops.IsTrue(ts, sg);
            var copy = (byte[])data.Clone();
            if (order == "big") Array.Reverse(copy);
            return IntOps.Make(ts, new BigInteger(copy, isUnsigned: !signed, isBigEndian: false));
        });

        var b = Types.Bool;
        Types.Bool.New = (ThreadState ts, PyType cls, in Args a) =>
        {
            a.Check("bool", 0, 1);
            return a.Count == 0 ? Types.False : PyBool.Of(Ops.IsTrue(ts, a[0]));
        };
        Reg.Slots(b, "__repr__");
        foreach (var op in new[] { "__and__", "__or__", "__xor__", "__rand__", "__ror__", "__rxor__" }) Reg.Slots(b, op);
        Types.Int.New = New;
    }
}
