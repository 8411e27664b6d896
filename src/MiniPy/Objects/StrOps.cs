using System;
using System.Globalization;
using System.Text;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>Helpers for str: repr, code-point indexing and ordering.</summary>
internal static class StrOps
{
    public static string Repr(string v)
    {
        char quote = v.Contains('\'') && !v.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(v.Length + 2);
        sb.Append(quote);
        for (int i = 0; i < v.Length; i++)
        {
            char c = v[i];
            if (c == quote || c == '\\') sb.Append('\\').Append(c);
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c == '\t') sb.Append("\\t");
            else if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else if (c < 0x7f) sb.Append(c);
            else if (char.IsHighSurrogate(c) && i + 1 < v.Length && char.IsLowSurrogate(v[i + 1]))
            {
                int cp = char.ConvertToUtf32(c, v[i + 1]);
                if (IsPrintable(cp)) sb.Append(c).Append(v[i + 1]);
                else sb.Append("\\U").Append(cp.ToString("x8", CultureInfo.InvariantCulture));
                i++;
            }
            else if (IsPrintable(c)) sb.Append(c);
            else if (c <= 0xff) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        sb.Append(quote);
        return sb.ToString();
    }

    public static bool IsPrintable(int cp)
    {
        if (cp == ' ') return true;
        if (cp >= 0xD800 && cp <= 0xDFFF) return false;
        var cat = CharUnicodeInfo.GetUnicodeCategory(cp);
        return cat switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    /// <summary>Compares by code point (UTF-16 ordinal order differs only around surrogates).</summary>
    public static int CompareCodePoints(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            char x = a[i], y = b[i];
            if (x == y) continue;
            bool sx = x >= 0xD800 && x <= 0xDFFF, sy = y >= 0xD800 && y <= 0xDFFF;
            if (sx != sy) return sx ? 1 : -1;
            return x < y ? -1 : 1;
        }
        return a.Length.CompareTo(b.Length);
    }

    public static int[] ToCodePoints(string s)
    {
        var list = new System.Collections.Generic.List<int>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { list.Add(char.ConvertToUtf32(s[i], s[i + 1])); i++; }
            else list.Add(s[i]);
        }
        return list.ToArray();
    }

    public static string FromCodePoint(int cp) => cp >= 0x10000 ? char.ConvertFromUtf32(cp) : ((char)cp).ToString();

    public static string CodePointAt(string s, int index) => FromCodePoint(ToCodePoints(s)[index]);

    public static string SliceCodePoints(ThreadState ts, string s, PySlice slice)
    {
        var cps = ToCodePoints(s);
        var (start, _, step, count) = slice.Indices(ts, cps.Length);
        var sb = new StringBuilder();
        for (long i = 0, j = start; i < count; i++, j += step) sb.Append(FromCodePoint(cps[j]));
        return sb.ToString();
    }

    /// <summary>Converts a code-point index into a UTF-16 index.</summary>
    public static int ToUtf16Index(string s, long cpIndex)
    {
        int i = 0;
        for (long k = 0; k < cpIndex && i < s.Length; k++)
            i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length ? 2 : 1;
        return i;
    }

    public static int ToCodePointIndex(string s, int utf16Index)
    {
        int n = 0;
        for (int i = 0; i < utf16Index && i < s.Length; i++) if (!char.IsLowSurrogate(s[i])) n++;
        return n;
    }
}
