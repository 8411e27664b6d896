using System;
using System.Globalization;
using System.Numerics;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>Python int semantics over the long fast path and BigInteger, with overflow checks.</summary>
internal static class IntOps
{
    public const long HashModulus = (1L << 61) - 1;
    public const int MaxStrDigits = 4300;

    public static PyObject Make(ThreadState ts, long v) => ts.NewInt(v);

    public static PyObject Make(ThreadState ts, BigInteger v) =>
        v >= long.MinValue && v <= long.MaxValue ? ts.NewInt((long)v) : new PyBigInt(v);

    public static bool IsInt(PyObject o) => o is PyInt || o is PyBigInt;

    public static BigInteger Big(PyObject o) => o is PyInt i ? i.Value : ((PyBigInt)o).Value;

    public static long HashLong(long v)
    {
        long h;
        if (v >= 0) h = v % HashModulus;
        else if (v == long.MinValue) h = -(long)(unchecked((ulong)long.MinValue) % (ulong)HashModulus);
        else h = -((-v) % HashModulus);
        return h == -1 ? -2 : h;
    }

    public static long HashBig(BigInteger v)
    {
        var m = (long)(BigInteger.Abs(v) % HashModulus);
        long h = v.Sign < 0 ? -m : m;
        return h == -1 ? -2 : h;
    }

    public static string ToDecimalString(BigInteger v)
    {
        // CPython refuses to convert ints with more than 4300 digits (sys.int_info.str_digits_check_threshold).
        if (BigInteger.Abs(v).GetBitLength() > 14300)
        {
            var s = v.ToString(CultureInfo.InvariantCulture);
            if (s.TrimStart('-').Length > MaxStrDigits)
                throw Err.ValueError($"Exceeds the limit ({MaxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
            return s;
        }
        return v.ToString(CultureInfo.InvariantCulture);
    }

    public static double ToDouble(PyObject o)
    {
        if (o is PyInt i) return i.Value;
        var d = (double)((PyBigInt)o).Value;
        if (double.IsInfinity(d)) throw Err.Overflow("int too large to convert to float");
        return d;
    }

    public static PyObject? Compare(PyObject a, PyObject other, CompareOp op)
    {
        int c;
        if (a is PyInt ai && other is PyInt bi) c = ai.Value.CompareTo(bi.Value);
        else if (IsInt(other)) c = Big(a).CompareTo(Big(other));
        else if (other is PyFloat f)
        {
            if (double.IsNaN(f.Value)) return op == CompareOp.Ne ? PyBool.True : PyBool.False;
            c = -FloatOps.CompareWithInt(f.Value, a);
        }
        else return null;
        return PyBool.Of(FloatOps.Holds(op, c));
    }

    public static PyObject? Binary(ThreadState ts, BinaryOp op, PyObject self, PyObject other, bool reflected)
    {
        if (!IsInt(other)) return null;
        var (a, b) = reflected ? (other, self) : (self, other);
        if (a is PyInt x && b is PyInt y) return Long(ts, op, x.Value, y.Value);
        return BigOp(ts, op, Big(a), Big(b));
    }

    /// <summary>The fast path: both operands fit in a long.</summary>
    public static PyObject Long(ThreadState ts, BinaryOp op, long a, long b)
    {
        switch (op)
        {
            case BinaryOp.Add:
            {
                long r = a + b;
                if (((a ^ r) & (b ^ r)) < 0) return Make(ts, (BigInteger)a + b);
                return ts.NewInt(r);
            }
            case BinaryOp.Sub:
            {
                long r = a - b;
                if (((a ^ b) & (a ^ r)) < 0) return Make(ts, (BigInteger)a - b);
                return ts.NewInt(r);
            }
            case BinaryOp.Mul:
            {
                long high = Math.BigMul(a, b, out long low);
                if (high != (low >> 63)) return Make(ts, (BigInteger)a * b);
                return ts.NewInt(low);
            }
            case BinaryOp.FloorDiv:
                if (b == 0) throw Err.ZeroDivision("integer division or modulo by zero");
                if (b == -1) return a == long.MinValue ? Make(ts, -(BigInteger)a) : ts.NewInt(-a);
                return ts.NewInt(FloorDiv(a, b));
            case BinaryOp.Mod:
                if (b == 0) throw Err.ZeroDivision("integer modulo by zero");
                if (b == -1) return ts.NewInt(0);
                return ts.NewInt(Mod(a, b));
            case BinaryOp.TrueDiv:
                if (b == 0) throw Err.ZeroDivision("division by zero");
                if (Math.Abs(a) < (1L << 53) && Math.Abs(b) < (1L << 53)) return new PyFloat((double)a / b);
                return new PyFloat(TrueDivide(a, b));
            case BinaryOp.Pow:
                return Pow(ts, a, b);
            case BinaryOp.LShift:
                if (b < 0) throw Err.ValueError("negative shift count");
                if (a == 0) return ts.NewInt(0);
                if (b < 63)
                {
                    long r = a << (int)b;
                    if (r >> (int)b == a) return ts.NewInt(r);
                }
                return Make(ts, ShiftLeft(a, b));
            case BinaryOp.RShift:
                if (b < 0) throw Err.ValueError("negative shift count");
                return ts.NewInt(b >= 64 ? (a < 0 ? -1 : 0) : a >> (int)b);
            case BinaryOp.And: return ts.NewInt(a & b);
            case BinaryOp.Or: return ts.NewInt(a | b);
            case BinaryOp.Xor: return ts.NewInt(a ^ b);
            default:
                throw Err.TypeError($"unsupported operand type(s) for @: 'int' and 'int'");
        }
    }

    public static long FloorDiv(long a, long b)
    {
        long q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
        return q;
    }

    public static long Mod(long a, long b)
    {
        long r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) r += b;
        return r;
    }

    private static BigInteger ShiftLeft(BigInteger a, long b)
    {
        if (b > int.MaxValue / 2) throw Err.Make(Types.MemoryError, "");
        return a << (int)b;
    }

    private static PyObject Pow(ThreadState ts, BigInteger a, BigInteger b)
    {
        if (b.Sign < 0)
        {
            if (a.IsZero) throw Err.ZeroDivision("zero to a negative power");
            return new PyFloat(Math.Pow((double)a, (double)b));
        }
        if (a.IsOne || b.IsZero) return ts.NewInt(1);
        if (a.IsZero) return ts.NewInt(0);
        if (a == BigInteger.MinusOne) return ts.NewInt(b.IsEven ? 1 : -1);
        if (b > 100_000_000) throw Err.Make(Types.MemoryError, "");
        if (a >= long.MinValue && a <= long.MaxValue)
        {
            // Square-and-multiply on longs while the result fits.
            long x = (long)a, e = (long)b, r = 1;
            bool overflow = false;
            while (true)
            {
                if ((e & 1) != 0)
                {
                    long hi = Math.BigMul(r, x, out long lo);
                    if (hi != (lo >> 63)) { overflow = true; break; }
                    r = lo;
                }
                e >>= 1;
                if (e == 0) break;
                long h2 = Math.BigMul(x, x, out long l2);
                if (h2 != (l2 >> 63)) { overflow = true; break; }
                x = l2;
            }
            if (!overflow) return ts.NewInt(r);
        }
        return Make(ts, BigInteger.Pow(a, (int)b));
    }

    public static PyObject BigOp(ThreadState ts, BinaryOp op, BigInteger a, BigInteger b)
    {
        switch (op)
        {
            case BinaryOp.Add: return Make(ts, a + b);
            case BinaryOp.Sub: return Make(ts, a - b);
            case BinaryOp.Mul: return Make(ts, a * b);
            case BinaryOp.FloorDiv:
            {
                if (b.IsZero) throw Err.ZeroDivision("integer division or modulo by zero");
                var q = BigInteger.DivRem(a, b, out var r);
                if (!r.IsZero && (r.Sign < 0) != (b.Sign < 0)) q -= 1;
                return Make(ts, q);
            }
            case BinaryOp.Mod:
            {
                if (b.IsZero) throw Err.ZeroDivision("integer modulo by zero");
                var r = BigInteger.Remainder(a, b);
                if (!r.IsZero && (r.Sign < 0) != (b.Sign < 0)) r += b;
                return Make(ts, r);
            }
            case BinaryOp.TrueDiv:
                if (b.IsZero) throw Err.ZeroDivision("division by zero");
                return new PyFloat(TrueDivide(a, b));
            case BinaryOp.Pow: return Pow(ts, a, b);
            case BinaryOp.LShift:
                if (b.Sign < 0) throw Err.ValueError("negative shift count");
                if (a.IsZero) return ts.NewInt(0);
                if (b > int.MaxValue / 2) throw Err.Make(Types.MemoryError, "");
                return Make(ts, a << (int)b);
            case BinaryOp.RShift:
                if (b.Sign < 0) throw Err.ValueError("negative shift count");
                if (b > int.MaxValue) return ts.NewInt(a.Sign < 0 ? -1 : 0);
                return Make(ts, a >> (int)b);
            case BinaryOp.And: return Make(ts, a & b);
            case BinaryOp.Or: return Make(ts, a | b);
            case BinaryOp.Xor: return Make(ts, a ^ b);
            default: throw Err.TypeError("unsupported operand type(s) for @: 'int' and 'int'");
        }
    }

    /// <summary>a / b correctly rounded to a double (CPython's long_true_divide gives the nearest double).</summary>
    public static double TrueDivide(BigInteger a, BigInteger b)
    {
        bool negative = (a.Sign < 0) != (b.Sign < 0);
        a = BigInteger.Abs(a);
        b = BigInteger.Abs(b);
        if (a.IsZero) return negative ? -0.0 : 0.0;
        long shift = (long)b.GetBitLength() - (long)a.GetBitLength() + 55;
        BigInteger num = shift >= 0 ? a << (int)shift : a;
        BigInteger den = shift >= 0 ? b : b << (int)-shift;
        var q = BigInteger.DivRem(num, den, out var rem);
        // q has 55 or 56 significant bits; fold the remainder into a sticky bit, then let the conversion round once.
        if (!rem.IsZero) q |= 1;
        double result = Math.ScaleB((double)q, (int)-shift);
        if (double.IsInfinity(result)) throw Err.Overflow("integer division result too large for a float");
        return negative ? -result : result;
    }

    public static PyObject? Unary(ThreadState ts, PyObject self, UnaryOp op)
    {
        switch (op)
        {
            case UnaryOp.Neg:
                if (self is PyInt i) return i.Value == long.MinValue ? Make(ts, -(BigInteger)i.Value) : ts.NewInt(-i.Value);
                return Make(ts, -((PyBigInt)self).Value);
            case UnaryOp.Pos:
                if (self is PyBool b) return ts.NewInt(b.Value);
                return Rc.New(ts, self);
            case UnaryOp.Invert:
                if (self is PyInt j) return ts.NewInt(~j.Value);
                return Make(ts, -((PyBigInt)self).Value - 1);
            default: return null;
        }
    }

    /// <summary>Parses int(text, base) with Python's rules: whitespace, sign, underscores, prefixes.</summary>
    public static PyObject Parse(ThreadState ts, string text, int radix, PyObject original)
    {
        var s = text.Trim();
        bool negative = false;
        int i = 0;
        if (s.Length > 0 && (s[0] == '+' || s[0] == '-')) { negative = s[0] == '-'; i = 1; }
        if (radix == 0 || radix == 16 || radix == 8 || radix == 2)
        {
            if (s.Length > i + 1 && s[i] == '0' && "xXoObB".IndexOf(s[i + 1]) >= 0)
            {
                int pr = char.ToLowerInvariant(s[i + 1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
                if (radix == 0 || radix == pr) { radix = pr; i += 2; if (i < s.Length && s[i] == '_') i++; }
            }
            else if (radix == 0)
            {
                radix = 10;
                if (s.Length > i + 1 && s[i] == '0' && s.Substring(i).Replace("_", "").Trim('0').Length > 0) throw Invalid(ts, 0, original);
            }
        }
        if (i >= s.Length) throw Invalid(ts, radix, original);
        BigInteger v = BigInteger.Zero;
        long small = 0;
        bool big = false;
        bool lastUnderscore = true;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '_')
            {
                if (lastUnderscore) throw Invalid(ts, radix, original);
                lastUnderscore = true;
                continue;
            }
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : char.IsDigit(c) ? (int)char.GetNumericValue(c) : 99;
            if (d >= radix) throw Invalid(ts, radix, original);
            lastUnderscore = false;
            if (!big)
            {
                if (small > (long.MaxValue - d) / radix) { big = true; v = small; }
                else { small = small * radix + d; continue; }
            }
            v = v * radix + d;
        }
        if (lastUnderscore) throw Invalid(ts, radix, original);
        if (!big) return ts.NewInt(negative ? -small : small);
        return Make(ts, negative ? -v : v);
    }

    private static PyException Invalid(ThreadState ts, int radix, PyObject original)
    {
        var repr = Ops.ReprString(ts, original);
        return Err.ValueError($"invalid literal for int() with base {(radix == 0 ? 10 : radix)}: {repr}");
    }

    public static string ToRadix(BigInteger v, int radix, string prefix)
    {
        bool negative = v.Sign < 0;
        v = BigInteger.Abs(v);
        if (v.IsZero) return prefix + "0";
        var chars = new System.Text.StringBuilder();
        while (!v.IsZero)
        {
            int d = (int)(v % radix);
            chars.Insert(0, (char)(d < 10 ? '0' + d : 'a' + d - 10));
            v /= radix;
        }
        return (negative ? "-" : "") + prefix + chars;
    }
}
