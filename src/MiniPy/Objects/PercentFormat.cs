using System;
using System.Globalization;
using System.Text;
using MiniPy.Modules;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>printf-style formatting: <c>"%5.2f" % value</c>.</summary>
internal static class PercentFormat
{
    public static string Format(ThreadState ts, string format, PyObject values)
    {
        var sb = new StringBuilder();
        PyObject[] items = values is PyTuple t ? t.Items : new[] { values };
        PyObject? mapping = values is PyDict || (values.Type.IsHeap && values.Type.Lookup(Types.Strs.GetItem) is not null && values is not PyTuple) ? values : null;
        int next = 0;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c != '%') { sb.Append(c); continue; }
            if (++i >= format.Length) throw Err.ValueError("incomplete format");
            PyObject? keyed = null;
            if (format[i] == '(')
            {
                int close = format.IndexOf(')', i);
                if (close < 0) throw Err.ValueError("incomplete format key");
                if (mapping is null) throw Err.TypeError("format requires a mapping");
                var key = new PyStr(format.Substring(i + 1, close - i - 1));
                keyed = Ops.GetItem(ts, mapping, key);
                Rc.Decref(ts, key);
                i = close + 1;
            }
            try
            {
                string flags = "";
                while (i < format.Length && "-+ #0".IndexOf(format[i]) >= 0) flags += format[i++];
                long width = -1;
                int precision = -1;
                if (i < format.Length && format[i] == '*')
                {
                    var w = NextArg(items, ref next);
                    if (!IntOps.IsInt(w)) throw Err.TypeError("* wants int");
                    width = Ops.AsSsize(ts, w);
                    if (width < 0) { flags += '-'; width = width == long.MinValue ? long.MaxValue : -width; }
                    i++;
                }
                else
                {
                    int start = i;
                    while (i < format.Length && char.IsAsciiDigit(format[i])) i++;
                    if (i > start) width = FormatSpec.ParseCount(format.AsSpan(start, i - start), "width too big");
                }
                if (i < format.Length && format[i] == '.')
                {
                    i++;
                    if (i < format.Length && format[i] == '*')
                    {
                        var p = NextArg(items, ref next);
                        if (!IntOps.IsInt(p)) throw Err.TypeError("* wants int");
                        long prec = Ops.AsCInt(ts, p);
                        precision = prec < 0 ? 0 : (int)prec;
                        i++;
                    }
                    else
                    {
                        int start = i;
                        while (i < format.Length && char.IsAsciiDigit(format[i])) i++;
                        long prec = i > start ? FormatSpec.ParseCount(format.AsSpan(start, i - start), "precision too big") : 0;
                        if (prec > int.MaxValue) throw Err.ValueError("precision too big");
                        precision = (int)prec;
                    }
                }
                if (i >= format.Length) throw Err.ValueError("incomplete format");
                char conv = format[i];
                if (conv == '%') { sb.Append('%'); continue; }
                var arg = keyed ?? NextArg(items, ref next);
                string body = Convert(ts, conv, arg, flags, precision, i);
                bool left = flags.Contains('-');
                if (width > body.Length)
                {
                    int padded = SizeLimits.StringLength(width);
                    if (left) body = body.PadRight(padded);
                    else if (flags.Contains('0') && conv is not ('s' or 'r' or 'a' or 'c'))
                    {
                        int signLen = body.Length > 0 && (body[0] == '-' || body[0] == '+' || body[0] == ' ') ? 1 : 0;
                        if (body.Length > signLen + 1 && body[signLen] == '0' && (body[signLen + 1] is 'x' or 'X' or 'o')) signLen += 2;
                        body = body.Substring(0, signLen) + new string('0', padded - body.Length) + body.Substring(signLen);
                    }
                    else body = body.PadLeft(padded);
                }
                sb.Append(body);
            }
            finally { if (keyed is not null) Rc.Decref(ts, keyed); }
        }
        if (mapping is null && next < items.Length)
            throw Err.TypeError("not all arguments converted during string formatting");
        return sb.ToString();
    }

    private static PyObject NextArg(PyObject[] items, ref int next)
    {
        if (next >= items.Length) throw Err.TypeError("not enough arguments for format string");
        return items[next++];
    }

    private static string Convert(ThreadState ts, char conv, PyObject arg, string flags, int precision, int index)
    {
        string sign(bool neg) => neg ? "-" : flags.Contains('+') ? "+" : flags.Contains(' ') ? " " : "";
        switch (conv)
        {
            case 's': { var s = Ops.StrString(ts, arg); return precision >= 0 && s.Length > precision ? s.Substring(0, precision) : s; }
            case 'r': { var s = Ops.ReprString(ts, arg); return precision >= 0 && s.Length > precision ? s.Substring(0, precision) : s; }
            case 'a': return BuiltinFunctions.Ascii(Ops.ReprString(ts, arg));
            case 'c':
                if (arg is PyStr cs && cs.Value.Length == 1) return cs.Value;
                return StrOps.FromCodePoint((int)Ops.AsLong(ts, arg));
            case 'd': case 'i': case 'u':
            {
                var v = ToIntValue(ts, arg, conv);
                return sign(v.Sign < 0) + System.Numerics.BigInteger.Abs(v).ToString(CultureInfo.InvariantCulture);
            }
            case 'x': case 'X': case 'o':
            {
                var v = ToIntValue(ts, arg, conv);
                string digits = IntOps.ToRadix(System.Numerics.BigInteger.Abs(v), conv == 'o' ? 8 : 16, "");
                if (conv == 'X') digits = digits.ToUpperInvariant();
                string prefix = flags.Contains('#') ? (conv == 'o' ? "0o" : conv == 'x' ? "0x" : "0X") : "";
                return sign(v.Sign < 0) + prefix + digits;
            }
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            {
                double d = Ops.AsDouble(ts, arg);
                int p = precision < 0 ? 6 : precision;
                double a = Math.Abs(d);
                string body = conv switch
                {
                    'e' or 'E' => FloatOps.FormatExponent(a, p, conv == 'E'),
                    'f' or 'F' => FloatOps.FormatFixed(a, p),
                    _ => FloatOps.FormatGeneral(a, p, flags.Contains('#'), conv == 'G'),
                };
                return sign(d < 0 || d == 0 && BitConverter.DoubleToInt64Bits(d) < 0) + body;
            }
            default:
                throw Err.ValueError($"unsupported format character '{conv}' (0x{(int)conv:x}) at index {index}");
        }
    }

    private static System.Numerics.BigInteger ToIntValue(ThreadState ts, PyObject arg, char conv)
    {
        if (IntOps.IsInt(arg)) return IntOps.Big(arg);
        if (arg is PyFloat f && conv is 'd' or 'i' or 'u') return new System.Numerics.BigInteger(Math.Truncate(f.Value));
        if (conv is 'x' or 'X' or 'o')
            return Ops.AsIndexOrNull(ts, arg) ?? throw Err.TypeError($"%{conv} format: an integer is required, not {arg.Type.Name}");
        throw Err.TypeError($"%{conv} format: a real number is required, not {arg.Type.Name}");
    }
}
