using System;
using System.Globalization;
using System.Numerics;
using System.Text;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>The format-specification mini-language ([[fill]align][sign][z][#][0][width][grouping][.precision][type]).</summary>
internal static class FormatSpec
{
    private struct Spec
    {
        public char Fill, Align, Sign, Type, Grouping;
        public bool Alternate, ZeroPad;
        public long Width;
        public int Precision;
    }

    /// <summary>A decimal width or precision as CPython reads it, into a <c>Py_ssize_t</c>; ValueError with
    /// <paramref name="tooBig"/> beyond it.</summary>
    internal static long ParseCount(ReadOnlySpan<char> digits, string tooBig = "Too many decimal digits in format string")
    {
        long v = 0;
        foreach (var c in digits)
        {
            if (v > (long.MaxValue - (c - '0')) / 10) throw Err.ValueError(tooBig);
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static Spec Parse(string spec)
    {
        var s = new Spec { Fill = ' ', Align = '\0', Sign = '\0', Type = '\0', Width = -1, Precision = -1 };
        int i = 0;
        if (spec.Length >= 2 && "<>=^".IndexOf(spec[1]) >= 0) { s.Fill = spec[0]; s.Align = spec[1]; i = 2; }
        else if (spec.Length >= 1 && "<>=^".IndexOf(spec[0]) >= 0) { s.Align = spec[0]; i = 1; }
        if (i < spec.Length && "+- ".IndexOf(spec[i]) >= 0) s.Sign = spec[i++];
        if (i < spec.Length && spec[i] == 'z') i++;
        if (i < spec.Length && spec[i] == '#') { s.Alternate = true; i++; }
        if (i < spec.Length && spec[i] == '0') { s.ZeroPad = true; i++; }
        int start = i;
        while (i < spec.Length && char.IsAsciiDigit(spec[i])) i++;
        if (i > start) s.Width = ParseCount(spec.AsSpan(start, i - start));
        if (i < spec.Length && (spec[i] == ',' || spec[i] == '_')) s.Grouping = spec[i++];
        if (i < spec.Length && spec[i] == '.')
        {
            i++;
            start = i;
            while (i < spec.Length && char.IsAsciiDigit(spec[i])) i++;
            if (i == start) throw Err.ValueError("Format specifier missing precision");
            long precision = ParseCount(spec.AsSpan(start, i - start));
            if (precision > int.MaxValue) throw Err.ValueError("precision too big");
            s.Precision = (int)precision;
        }
        if (i < spec.Length) s.Type = spec[i++];
        if (i < spec.Length) throw Err.ValueError("Invalid format specifier '" + spec + "'");
        if (s.ZeroPad && s.Align == '\0') { s.Fill = '0'; s.Align = '='; }
        return s;
    }

    /// <summary>format(value, spec) for int, bool, float and str (and str() of anything for an empty spec).</summary>
    public static string FormatBuiltin(ThreadState ts, PyObject value, string spec)
    {
        if (value is PyBool && spec.Length == 0) return ((PyBool)value).Value != 0 ? "True" : "False";
        if (IntOps.IsInt(value)) return FormatInt(ts, value, Parse(spec), spec);
        if (value is PyFloat f) return FormatFloat(f.Value, Parse(spec), spec);
        if (value is PyStr str) return FormatStr(str.Value, Parse(spec), spec);
        if (spec.Length == 0) return Ops.StrString(ts, value);
        throw Err.TypeError($"unsupported format string passed to {value.Type.Name}.__format__");
    }

    private static string FormatStr(string v, Spec s, string raw)
    {
        if (s.Type != '\0' && s.Type != 's') throw Err.ValueError($"Unknown format code '{s.Type}' for object of type 'str'");
        if (s.Sign != '\0') throw Err.ValueError("Sign not allowed in string format specifier");
        if (s.Align == '=') throw Err.ValueError("'=' alignment not allowed in string format specifier");
        if (s.Precision >= 0 && v.Length > s.Precision) v = v.Substring(0, s.Precision);
        return Align(v, "", s, '<');
    }

    private static string Align(string body, string sign, Spec s, char defaultAlign)
    {
        int len = body.Length + sign.Length;
        if (s.Width <= len) return sign + body;
        int pad = SizeLimits.StringLength(s.Width) - len;
        char align = s.Align == '\0' ? defaultAlign : s.Align;
        string fill = s.Fill.ToString();
        switch (align)
        {
            case '<': return sign + body + Repeat(fill, pad);
            case '>': return Repeat(fill, pad) + sign + body;
            case '^': return Repeat(fill, pad / 2) + sign + body + Repeat(fill, pad - pad / 2);
            default: return sign + Repeat(fill, pad) + body; // '='
        }
    }

    private static string Repeat(string s, int n) => n <= 0 ? "" : new StringBuilder().Insert(0, s, n).ToString();

    private static string Group(string digits, char sep, int every)
    {
        if (sep == '\0') return digits;
        var sb = new StringBuilder();
        int first = digits.Length % every;
        if (first == 0) first = every;
        sb.Append(digits, 0, Math.Min(first, digits.Length));
        for (int i = first; i < digits.Length; i += every) sb.Append(sep).Append(digits, i, every);
        return sb.ToString();
    }

    private static string FormatInt(ThreadState ts, PyObject value, Spec s, string raw)
    {
        if (s.Type is 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or '%')
            return FormatFloat(IntOps.ToDouble(value), s, raw);
        if (s.Precision >= 0) throw Err.ValueError("Precision not allowed in integer format specifier");
        var v = IntOps.Big(value);
        bool negative = v.Sign < 0;
        var abs = BigInteger.Abs(v);
        string digits, prefix = "";
        switch (s.Type)
        {
            case '\0': case 'd': case 'n': digits = abs.ToString(CultureInfo.InvariantCulture); break;
            case 'x': digits = IntOps.ToRadix(abs, 16, ""); prefix = s.Alternate ? "0x" : ""; break;
            case 'X': digits = IntOps.ToRadix(abs, 16, "").ToUpperInvariant(); prefix = s.Alternate ? "0X" : ""; break;
            case 'o': digits = IntOps.ToRadix(abs, 8, ""); prefix = s.Alternate ? "0o" : ""; break;
            case 'b': digits = IntOps.ToRadix(abs, 2, ""); prefix = s.Alternate ? "0b" : ""; break;
            case 'c':
                if (s.Sign != '\0') throw Err.ValueError("Sign not allowed with integer format specifier 'c'");
                return Align(StrOps.FromCodePoint((int)v), "", s, '<');
            default: throw Err.ValueError($"Unknown format code '{s.Type}' for object of type 'int'");
        }
        int every = s.Type is 'x' or 'X' or 'o' or 'b' ? 4 : 3;
        string sign = negative ? "-" : s.Sign == '+' ? "+" : s.Sign == ' ' ? " " : "";
        if (s.Align == '=' && s.Fill == '0' && s.Grouping != '\0')
        {
            // Zero padding takes part in grouping.
            long width = SizeLimits.StringLength(s.Width) - sign.Length - prefix.Length;
            string grouped = Group(digits, s.Grouping, every);
            while (grouped.Length < width) { digits = "0" + digits; grouped = Group(digits, s.Grouping, every); }
            return sign + prefix + grouped;
        }
        digits = Group(digits, s.Grouping, every);
        return Align(digits, sign + prefix, s, '>');
    }

    private static string FormatFloat(double v, Spec s, string raw)
    {
        bool negative = v < 0 || v == 0 && BitConverter.DoubleToInt64Bits(v) < 0;
        double a = Math.Abs(v);
        string body;
        int precision = s.Precision < 0 ? 6 : s.Precision;
        switch (s.Type)
        {
            case 'f': case 'F': body = FloatOps.FormatFixed(a, precision); if (s.Type == 'F') body = body.ToUpperInvariant(); break;
            case 'e': case 'E': body = FloatOps.FormatExponent(a, precision, s.Type == 'E'); break;
            case 'g': case 'G': body = FloatOps.FormatGeneral(a, s.Precision < 0 ? 6 : s.Precision, s.Alternate, s.Type == 'G'); break;
            case '%': body = FloatOps.FormatFixed(a * 100, precision) + "%"; break;
            case 'n': body = FloatOps.FormatGeneral(a, s.Precision < 0 ? 6 : s.Precision); break;
            case '\0':
                if (s.Precision < 0) body = FloatOps.Repr(a);
                else
                {
                    body = FloatOps.FormatGeneral(a, s.Precision == 0 ? 1 : s.Precision);
                    if (!body.Contains('.') && !body.Contains('e') && !body.Contains("inf") && !body.Contains("nan")) body += ".0";
                }
                break;
            default: throw Err.ValueError($"Unknown format code '{s.Type}' for object of type 'float'");
        }
        if (s.Alternate && !body.Contains('.') && s.Type is 'f' or 'F' or 'e' or 'E' or '%')
        {
            int e = body.IndexOfAny(new[] { 'e', 'E', '%' });
            body = e < 0 ? body + "." : body.Insert(e, ".");
        }
        if (s.Grouping != '\0' && !double.IsInfinity(a) && !double.IsNaN(a))
        {
            int end = 0;
            while (end < body.Length && char.IsAsciiDigit(body[end])) end++;
            body = Group(body.Substring(0, end), s.Grouping, 3) + body.Substring(end);
        }
        string sign = negative && !double.IsNaN(v) ? "-" : s.Sign == '+' ? "+" : s.Sign == ' ' ? " " : "";
        if (s.Align == '=' && s.Fill == '0' && s.Grouping != '\0')
        {
            long width = SizeLimits.StringLength(s.Width) - sign.Length;
            while (body.Length < width) body = (body.Length % 4 == 3 ? s.Grouping.ToString() : "0") + body;
            return sign + body;
        }
        return Align(body, sign, s, '>');
    }
}
