using System;
using System.Globalization;
using System.Numerics;
using System.Text;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>Python float semantics: arithmetic, repr, hashing, exact comparison with ints, and formatting.</summary>
internal static class FloatOps
{
    public static bool Holds(CompareOp op, int c) => op switch
    {
        CompareOp.Lt => c < 0,
        CompareOp.Le => c <= 0,
        CompareOp.Eq => c == 0,
        CompareOp.Ne => c != 0,
        CompareOp.Gt => c > 0,
        _ => c >= 0,
    };

    public static bool Compare(double a, double b, CompareOp op) => op switch
    {
        CompareOp.Lt => a < b,
        CompareOp.Le => a <= b,
        CompareOp.Eq => a == b,
        CompareOp.Ne => a != b,
        CompareOp.Gt => a > b,
        _ => a >= b,
    };

    /// <summary>Compares a (non-NaN) double with an int exactly: negative, zero or positive.</summary>
    public static int CompareWithInt(double d, PyObject i)
    {
        if (double.IsPositiveInfinity(d)) return 1;
        if (double.IsNegativeInfinity(d)) return -1;
        if (i is PyInt small && Math.Abs(small.Value) < (1L << 53)) return d.CompareTo((double)small.Value);
        var t = Math.Truncate(d);
        int c = new BigInteger(t).CompareTo(IntOps.Big(i));
        if (c != 0) return c;
        double frac = d - t;
        return frac > 0 ? 1 : frac < 0 ? -1 : 0;
    }

    public static PyObject Binary(ThreadState ts, BinaryOp op, double a, double b)
    {
        switch (op)
        {
            case BinaryOp.Add: return ts.NewFloat(a + b);
            case BinaryOp.Sub: return ts.NewFloat(a - b);
            case BinaryOp.Mul: return ts.NewFloat(a * b);
            case BinaryOp.TrueDiv:
                if (b == 0.0) throw Err.ZeroDivision("float division by zero");
                return ts.NewFloat(a / b);
            case BinaryOp.FloorDiv:
                if (b == 0.0) throw Err.ZeroDivision("float floor division by zero");
                return ts.NewFloat(DivMod(a, b).Div);
            case BinaryOp.Mod:
                if (b == 0.0) throw Err.ZeroDivision("float modulo by zero");
                return ts.NewFloat(DivMod(a, b).Mod);
            case BinaryOp.Pow:
                return ts.NewFloat(Pow(a, b));
            default:
                return null!;
        }
    }

    /// <summary>CPython's float_divmod: the floor quotient and a remainder with the divisor's sign.</summary>
    public static (double Div, double Mod) DivMod(double vx, double wx)
    {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0)
        {
            if ((wx < 0) != (mod < 0)) { mod += wx; div -= 1.0; }
        }
        else mod = Math.CopySign(0.0, wx);
        double floordiv;
        if (div != 0)
        {
            floordiv = Math.Floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        }
        else floordiv = Math.CopySign(0.0, vx / wx);
        return (floordiv, mod);
    }

    public static double Pow(double a, double b)
    {
        if (a == 0.0 && b < 0) throw Err.ZeroDivision("zero to a negative power");
        if (a < 0 && b != Math.Floor(b) && !double.IsInfinity(b))
            throw Err.ValueError("complex numbers are not supported by MiniPy (negative number raised to a fractional power)");
        double r = Math.Pow(a, b);
        if (double.IsInfinity(r) && !double.IsInfinity(a) && !double.IsInfinity(b)) throw Err.Overflow("(34, 'Numerical result out of range')");
        return r;
    }

    public static long Hash(double v)
    {
        if (double.IsNaN(v)) return 0; // CPython hashes NaN by identity; 0 keeps it simple and valid
        if (double.IsInfinity(v)) return v > 0 ? 314159 : -314159;
        double t = Math.Truncate(v);
        if (t == v && Math.Abs(v) < 9.2e18) return IntOps.HashLong((long)v);
        // CPython's algorithm: reduce the exact value m * 2**e modulo 2**61 - 1.
        const int Bits = 61;
        const long M = IntOps.HashModulus;
        int sign = v < 0 ? -1 : 1;
        double m = Math.Abs(v);
        int e;
        m = Frexp(m, out e);
        ulong x = 0;
        while (m != 0)
        {
            x = ((x << 28) & (ulong)M) | x >> (Bits - 28);
            m *= 268435456.0;
            e -= 28;
            ulong y = (ulong)m;
            m -= y;
            x += y;
            if (x >= (ulong)M) x -= (ulong)M;
        }
        e = e >= 0 ? e % Bits : Bits - 1 - ((-1 - e) % Bits);
        x = ((x << e) & (ulong)M) | x >> (Bits - e);
        long h = (long)x * sign;
        return h == -1 ? -2 : h;
    }

    private static double Frexp(double d, out int e)
    {
        if (d == 0) { e = 0; return 0; }
        long bits = BitConverter.DoubleToInt64Bits(d);
        int exp = (int)((bits >> 52) & 0x7FF);
        if (exp == 0)
        {
            d *= Math.Pow(2, 54);
            bits = BitConverter.DoubleToInt64Bits(d);
            exp = (int)((bits >> 52) & 0x7FF) - 54;
        }
        e = exp - 1022;
        long mant = (bits & ~(0x7FFL << 52)) | (1022L << 52);
        return BitConverter.Int64BitsToDouble(mant);
    }

    /// <summary>repr(float): the shortest string that round-trips, in Python's layout.</summary>
    public static string Repr(double v)
    {
        if (double.IsNaN(v)) return "nan";
        if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (BitConverter.DoubleToInt64Bits(v) < 0) ? "-0.0" : "0.0";
        var (digits, exp10, negative) = ShortestDigits(v);
        // exp10 is the decimal exponent of the first digit (d.ddd x 10^exp10).
        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        if (exp10 < -4 || exp10 >= 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(exp10 < 0 ? '-' : '+').Append(Math.Abs(exp10).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (exp10 < 0)
        {
            sb.Append("0.").Append('0', -exp10 - 1).Append(digits);
        }
        else if (digits.Length <= exp10 + 1)
        {
            sb.Append(digits).Append('0', exp10 + 1 - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, exp10 + 1).Append('.').Append(digits, exp10 + 1, digits.Length - exp10 - 1);
        }
        return sb.ToString();
    }

    /// <summary>The shortest round-trip decimal digits of |v| and the exponent of the first digit.</summary>
    public static (string Digits, int Exp10, bool Negative) ShortestDigits(double v)
    {
        var shortest = Math.Abs(v).ToString("R", CultureInfo.InvariantCulture);
        // Parse the shortest form: [digits][.digits][E[+-]exp]
        string mantissa = shortest;
        int exp = 0;
        int ePos = shortest.IndexOfAny(new[] { 'E', 'e' });
        if (ePos >= 0)
        {
            mantissa = shortest.Substring(0, ePos);
            exp = int.Parse(shortest.Substring(ePos + 1), CultureInfo.InvariantCulture);
        }
        int dot = mantissa.IndexOf('.');
        string intPart = dot >= 0 ? mantissa.Substring(0, dot) : mantissa;
        string fracPart = dot >= 0 ? mantissa.Substring(dot + 1) : "";
        string all = intPart + fracPart;
        int firstNonZero = 0;
        while (firstNonZero < all.Length - 1 && all[firstNonZero] == '0') firstNonZero++;
        int exp10 = intPart.Length - 1 - firstNonZero + exp;
        string digits = all.Substring(firstNonZero).TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        return (digits, exp10, v < 0);
    }

    /// <summary>The exact value of a finite double as numerator / 2^shift (shift >= 0).</summary>
    private static (BigInteger Num, int Shift) Exact(double v)
    {
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(v));
        int exp = (int)((bits >> 52) & 0x7FF);
        long mant = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0) exp = 1; else mant |= 1L << 52;
        int e = exp - 1075; // value = mant * 2^e
        if (e >= 0) return (new BigInteger(mant) << e, 0);
        return (mant, -e);
    }

    /// <summary>round(|v| * 10^digits) with ties to even, exactly.</summary>
    private static BigInteger ScaledRound(double v, int digits)
    {
        var (num, shift) = Exact(v);
        BigInteger n = num, d = BigInteger.One << shift;
        if (digits >= 0) n *= BigInteger.Pow(10, digits); else d *= BigInteger.Pow(10, -digits);
        var q = BigInteger.DivRem(n, d, out var rem);
        var twice = rem * 2;
        int c = twice.CompareTo(d);
        if (c > 0 || c == 0 && !q.IsEven) q += 1;
        return q;
    }

    /// <summary>Fixed-point formatting with exact round-half-even, as C's printf("%.*f").</summary>
    public static string FormatFixed(double v, int precision)
    {
        if (double.IsNaN(v)) return "nan";
        if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
        var q = ScaledRound(v, precision);
        var s = q.ToString(CultureInfo.InvariantCulture);
        if (precision > 0)
        {
            if (s.Length <= precision) s = new string('0', precision - s.Length + 1) + s;
            s = s.Substring(0, s.Length - precision) + "." + s.Substring(s.Length - precision);
        }
        bool negative = v < 0 || v == 0 && BitConverter.DoubleToInt64Bits(v) < 0;
        return negative ? "-" + s : s;
    }

    /// <summary>Scientific formatting as printf("%.*e"): mantissa digits and exponent.</summary>
    public static string FormatExponent(double v, int precision, bool upper = false)
    {
        if (double.IsNaN(v)) return upper ? "NAN" : "nan";
        if (double.IsInfinity(v)) return (v > 0 ? "" : "-") + (upper ? "INF" : "inf");
        bool negative = v < 0 || v == 0 && BitConverter.DoubleToInt64Bits(v) < 0;
        string digits;
        int exp10;
        if (v == 0) { digits = new string('0', precision + 1); exp10 = 0; }
        else
        {
            exp10 = (int)Math.Floor(Math.Log10(Math.Abs(v)));
            var q = ScaledRound(v, precision - exp10);
            digits = q.ToString(CultureInfo.InvariantCulture);
            if (digits.Length > precision + 1)
            {
                exp10++;
                q = ScaledRound(v, precision - exp10);
                digits = q.ToString(CultureInfo.InvariantCulture);
            }
            else if (digits.Length < precision + 1)
            {
                exp10--;
                q = ScaledRound(v, precision - exp10);
                digits = q.ToString(CultureInfo.InvariantCulture);
            }
        }
        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        sb.Append(digits[0]);
        if (precision > 0) sb.Append('.').Append(digits, 1, precision);
        sb.Append(upper ? 'E' : 'e').Append(exp10 < 0 ? '-' : '+').Append(Math.Abs(exp10).ToString("00", CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>General format (%g): precision significant digits, trailing zeros removed unless alternate.</summary>
    public static string FormatGeneral(double v, int precision, bool alternate = false, bool upper = false)
    {
        if (double.IsNaN(v)) return upper ? "NAN" : "nan";
        if (double.IsInfinity(v)) return (v > 0 ? "" : "-") + (upper ? "INF" : "inf");
        if (precision == 0) precision = 1;
        var e = FormatExponent(v, precision - 1);
        int ePos = e.IndexOf('e');
        int exp = int.Parse(e.Substring(ePos + 1), CultureInfo.InvariantCulture);
        string s;
        if (exp >= -4 && exp < precision)
            s = FormatFixed(v, precision - 1 - exp);
        else
            s = e;
        if (!alternate)
        {
            int ep = s.IndexOf('e');
            string mant = ep >= 0 ? s.Substring(0, ep) : s;
            string tail = ep >= 0 ? s.Substring(ep) : "";
            if (mant.Contains('.')) mant = mant.TrimEnd('0').TrimEnd('.');
            s = mant + tail;
        }
        return upper ? s.ToUpperInvariant() : s;
    }

    /// <summary>round(x, n) for floats: exact round-half-even at n decimal places.</summary>
    public static double Round(double v, int ndigits)
    {
        if (double.IsNaN(v) || double.IsInfinity(v) || v == 0) return v;
        if (ndigits > 330) return v;
        if (ndigits < -330) return Math.CopySign(0.0, v);
        var q = ScaledRound(v, ndigits);
        double result;
        if (ndigits >= 0)
            result = double.Parse(q.ToString(CultureInfo.InvariantCulture) + "e-" + ndigits, CultureInfo.InvariantCulture);
        else
            result = (double)(q * BigInteger.Pow(10, -ndigits));
        if (double.IsInfinity(result)) throw Err.Overflow("rounded value too large to represent");
        return v < 0 ? -result : result;
    }

    /// <summary>float(text) with Python's accepted spellings.</summary>
    public static bool TryParse(string text, out double value)
    {
        var s = text.Trim().Replace("_", "");
        if (text.Contains("__") || text.Trim().StartsWith('_') || text.Trim().EndsWith('_')) { value = 0; return false; }
        switch (s.ToLowerInvariant())
        {
            case "inf": case "+inf": case "infinity": case "+infinity": value = double.PositiveInfinity; return true;
            case "-inf": case "-infinity": value = double.NegativeInfinity; return true;
            case "nan": case "+nan": case "-nan": value = double.NaN; return true;
        }
        foreach (var c in s)
            if (!(char.IsAsciiDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) { value = 0; return false; }
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
