using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>str's constructor and methods.</summary>
internal static class StrMethods
{
    public static PyObject New(ThreadState ts, PyType cls, in Args a)
    {
        a.CheckKeywords("str", "object", "encoding", "errors");
        var o = a.Get(0, "object");
        if (o is null) return new PyStr("");
        var encoding = a.Get(1, "encoding");
        if (encoding is not null || a.Kw("errors") is not null)
        {
            var data = BytesMethods.AsBytes(ts, o);
            return new PyStr(BytesMethods.Decode(data, encoding is null ? "utf-8" : Ops.StrString(ts, encoding)));
        }
        return Ops.Str(ts, o);
    }

    private static string S(PyObject? self) => ((PyStr)self!).Value;

    private static string ArgStr(ThreadState ts, PyObject o, string fn)
    {
        if (o is PyStr s) return s.Value;
        throw Err.TypeError($"{fn} arg must be None or str");
    }

    private static PyObject Str(string s) => new PyStr(s);

    public static string Upper(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c == 'ß') sb.Append("SS");
            else if (c == 'ŉ') sb.Append("ʼN");
            else sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }

    public static string Lower(string s) => s.ToLowerInvariant();

    private static bool IsCased(char c) => char.IsUpper(c) || char.IsLower(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.TitlecaseLetter;

    public static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool prevCased = false;
        foreach (var c in s)
        {
            if (prevCased) sb.Append(char.ToLowerInvariant(c));
            else sb.Append(c == 'ß' ? "Ss" : char.ToUpperInvariant(c).ToString());
            prevCased = IsCased(c);
        }
        return sb.ToString();
    }

    private static (long Start, long End) Bounds(ThreadState ts, in Args a, int first, int length)
    {
        long start = 0, end = length;
        if (a.Count > first && a[first] is not PyNone) start = Ops.AsIndex(ts, a[first]);
        if (a.Count > first + 1 && a[first + 1] is not PyNone) end = Ops.AsIndex(ts, a[first + 1]);
        if (start < 0) { start += length; if (start < 0) start = 0; }
        if (end < 0) { end += length; if (end < 0) end = 0; }
        if (end > length) end = length;
        return (start, end);
    }

    private static long Find(ThreadState ts, string s, in Args a, bool reverse, string fn)
    {
        a.Check(fn, 1, 3);
        var sub = a[0] is PyStr ps ? ps.Value : throw Err.TypeError($"must be str, not {a[0].Type.Name}");
        var (start, end) = Bounds(ts, a, 1, s.Length);
        if (start > s.Length || end - start < sub.Length) return start <= s.Length && sub.Length == 0 && start <= end ? (reverse ? end : start) : -1;
        int idx = reverse
            ? s.LastIndexOf(sub, (int)end - 1 < 0 ? 0 : (int)end - 1, (int)(end - start), StringComparison.Ordinal)
            : s.IndexOf(sub, (int)start, (int)(end - start), StringComparison.Ordinal);
        if (reverse && sub.Length == 0) return end;
        return idx;
    }

    public static List<string> Split(string s, string? sep, long maxSplit)
    {
        var result = new List<string>();
        if (sep is null)
        {
            int i = 0, n = s.Length;
            while (true)
            {
                while (i < n && char.IsWhiteSpace(s[i])) i++;
                if (i >= n) break;
                if (maxSplit >= 0 && result.Count >= maxSplit)
                {
                    int e = n;
                    while (e > i && char.IsWhiteSpace(s[e - 1])) e--;
                    result.Add(s.Substring(i, e - i));
                    break;
                }
                int j = i;
                while (j < n && !char.IsWhiteSpace(s[j])) j++;
                result.Add(s.Substring(i, j - i));
                i = j;
            }
            return result;
        }
        if (sep.Length == 0) throw Err.ValueError("empty separator");
        int pos = 0;
        while (maxSplit < 0 || result.Count < maxSplit)
        {
            int idx = s.IndexOf(sep, pos, StringComparison.Ordinal);
            if (idx < 0) break;
            result.Add(s.Substring(pos, idx - pos));
            pos = idx + sep.Length;
        }
        result.Add(s.Substring(pos));
        return result;
    }

    public static List<string> RSplit(string s, string? sep, long maxSplit)
    {
        if (maxSplit < 0) return Split(s, sep, -1);
        var result = new List<string>();
        if (sep is null)
        {
            int i = s.Length;
            while (true)
            {
                while (i > 0 && char.IsWhiteSpace(s[i - 1])) i--;
                if (i <= 0) break;
                if (result.Count >= maxSplit)
                {
                    int b = 0;
                    while (b < i && char.IsWhiteSpace(s[b])) b++;
                    result.Add(s.Substring(b, i - b));
                    break;
                }
                int j = i;
                while (j > 0 && !char.IsWhiteSpace(s[j - 1])) j--;
                result.Add(s.Substring(j, i - j));
                i = j;
            }
            result.Reverse();
            return result;
        }
        if (sep.Length == 0) throw Err.ValueError("empty separator");
        int end = s.Length;
        while (result.Count < maxSplit)
        {
            int idx = end - sep.Length < 0 ? -1 : s.LastIndexOf(sep, end - 1, end, StringComparison.Ordinal);
            if (idx < 0) break;
            result.Add(s.Substring(idx + sep.Length, end - idx - sep.Length));
            end = idx;
        }
        result.Add(s.Substring(0, end));
        result.Reverse();
        return result;
    }

    private static PyList ToList(ThreadState ts, List<string> parts)
    {
        var l = new PyList(parts.Count);
        foreach (var p in parts) l.AppendOwned(new PyStr(p));
        return l;
    }

    private static string StripChars(string s, PyObject? chars, bool left, bool right, string fn)
    {
        if (chars is null or PyNone)
        {
            int a = 0, b = s.Length;
            if (left) while (a < b && char.IsWhiteSpace(s[a])) a++;
            if (right) while (b > a && char.IsWhiteSpace(s[b - 1])) b--;
            return s.Substring(a, b - a);
        }
        var set = chars is PyStr cs ? cs.Value : throw Err.TypeError($"{fn} arg must be None or str");
        int x = 0, y = s.Length;
        if (left) while (x < y && set.IndexOf(s[x]) >= 0) x++;
        if (right) while (y > x && set.IndexOf(s[y - 1]) >= 0) y--;
        return s.Substring(x, y - x);
    }

    private static bool AllChars(string s, Func<char, bool> pred)
    {
        if (s.Length == 0) return false;
        foreach (var c in s) if (!pred(c)) return false;
        return true;
    }

    private static string Pad(ThreadState ts, string s, in Args a, string fn, int mode)
    {
        a.Check(fn, 1, 2);
        long width = Ops.AsSsize(ts, a[0]);
        char fill = ' ';
        if (a.Count > 1)
        {
            var f = a[1] as PyStr;
            if (f is null || f.Value.Length != 1) throw Err.TypeError("The fill character must be exactly one character long");
            fill = f.Value[0];
        }
        int len = s.Length;
        if (width <= len) return s;
        int total = SizeLimits.StringLength(width) - len;
        int left = mode switch { 0 => 0, 1 => total, _ => total / 2 + (total & (int)width & 1) };
        return new string(fill, left) + s + new string(fill, total - left);
    }

    public static string Join(ThreadState ts, string sep, PyObject iterable)
    {
        var items = Ops.ToArray(ts, iterable);
        try
        {
            long total = items.Length > 0 ? (long)sep.Length * (items.Length - 1) : 0;
            for (int i = 0; i < items.Length; i++)
            {
                if (items[i] is not PyStr ps)
                    throw Err.TypeError($"sequence item {i}: expected str instance, {items[i].Type.Name} found");
                total += ps.Value.Length;
            }
            var sb = new StringBuilder(SizeLimits.StringLength(total));
            for (int i = 0; i < items.Length; i++)
            {
                if (i > 0) sb.Append(sep);
                sb.Append(((PyStr)items[i]).Value);
            }
            return sb.ToString();
        }
        finally { foreach (var x in items) Rc.Decref(ts, x); }
    }

    private static bool MatchesAffix(ThreadState ts, string s, in Args a, bool suffix, string fn)
    {
        a.Check(fn, 1, 3);
        var (start, end) = Bounds(ts, a, 1, s.Length);
        if (start > s.Length) return false;
        var region = end <= start ? "" : s.Substring((int)start, (int)(end - start));
        if (a[0] is PyTuple t)
        {
            foreach (var x in t.Items)
            {
                var p = x as PyStr ?? throw Err.TypeError($"tuple for {fn} must only contain str, not {x.Type.Name}");
                if (suffix ? region.EndsWith(p.Value, StringComparison.Ordinal) : region.StartsWith(p.Value, StringComparison.Ordinal)) return true;
            }
            return false;
        }
        var affix = a[0] as PyStr ?? throw Err.TypeError($"{fn} first arg must be str or a tuple of str, not {a[0].Type.Name}");
        return suffix ? region.EndsWith(affix.Value, StringComparison.Ordinal) : region.StartsWith(affix.Value, StringComparison.Ordinal);
    }

    public static void Register()
    {
        var t = Types.Str;
        t.New = New;
        Reg.Slots(t, "__repr__", "__str__", "__hash__", "__len__", "__getitem__", "__contains__", "__iter__", "__add__", "__mul__", "__rmul__", "__mod__");
        foreach (var c in Reg.Comparisons) Reg.Slots(t, c);
        Reg.Method(t, "__format__", (ThreadState ts, PyObject? self, in Args a) => new PyStr(FormatSpec.FormatBuiltin(ts, self!, Ops.StrString(ts, a[0]))));
        Reg.Method(t, "upper", (ThreadState ts, PyObject? self, in Args a) => Str(Upper(S(self))));
        Reg.Method(t, "lower", (ThreadState ts, PyObject? self, in Args a) => Str(Lower(S(self))));
        Reg.Method(t, "casefold", (ThreadState ts, PyObject? self, in Args a) => Str(Lower(S(self).Replace("ß", "ss"))));
        Reg.Method(t, "swapcase", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var sb = new StringBuilder();
            foreach (var c in S(self)) sb.Append(char.IsUpper(c) ? char.ToLowerInvariant(c) : char.IsLower(c) ? (c == 'ß' ? "SS" : char.ToUpperInvariant(c).ToString()) : c.ToString());
            return Str(sb.ToString());
        });
        Reg.Method(t, "title", (ThreadState ts, PyObject? self, in Args a) => Str(Title(S(self))));
        Reg.Method(t, "capitalize", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var s = S(self);
            return Str(s.Length == 0 ? s : Upper(s.Substring(0, 1)) + Lower(s.Substring(1)));
        });
        Reg.Method(t, "strip", (ThreadState ts, PyObject? self, in Args a) => Str(StripChars(S(self), a.Count > 0 ? a[0] : null, true, true, "strip")));
        Reg.Method(t, "lstrip", (ThreadState ts, PyObject? self, in Args a) => Str(StripChars(S(self), a.Count > 0 ? a[0] : null, true, false, "lstrip")));
        Reg.Method(t, "rstrip", (ThreadState ts, PyObject? self, in Args a) => Str(StripChars(S(self), a.Count > 0 ? a[0] : null, false, true, "rstrip")));
        Reg.Method(t, "split", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.CheckKeywords("split", "sep", "maxsplit");
            var sep = a.Get(0, "sep");
            var max = a.Get(1, "maxsplit");
            return ToList(ts, Split(S(self), sep is null or PyNone ? null : ArgStr(ts, sep, "split"), max is null ? -1 : Ops.AsIndex(ts, max)));
        });
        Reg.Method(t, "rsplit", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.CheckKeywords("rsplit", "sep", "maxsplit");
            var sep = a.Get(0, "sep");
            var max = a.Get(1, "maxsplit");
            return ToList(ts, RSplit(S(self), sep is null or PyNone ? null : ArgStr(ts, sep, "rsplit"), max is null ? -1 : Ops.AsIndex(ts, max)));
        });
        Reg.Method(t, "splitlines", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var s = S(self);
            bool keep = a.Get(0, "keepends") is { } k && Ops.IsTrue(ts, k);
            var parts = new List<string>();
            int start = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029')
                {
                    int end = i;
                    if (c == '\r' && i + 1 < s.Length && s[i + 1] == '\n') i++;
                    parts.Add(s.Substring(start, (keep ? i + 1 : end) - start));
                    start = i + 1;
                }
            }
            if (start < s.Length) parts.Add(s.Substring(start));
            return ToList(ts, parts);
        });
        Reg.Method(t, "join", (ThreadState ts, PyObject? self, in Args a) => { a.Check("join", 1, 1); return Str(Join(ts, S(self), a[0])); });
        Reg.Method(t, "replace", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("replace", 2, 3);
            var s = S(self);
            var old = a[0] as PyStr ?? throw Err.TypeError($"replace() argument 1 must be str, not {a[0].Type.Name}");
            var @new = a[1] as PyStr ?? throw Err.TypeError($"replace() argument 2 must be str, not {a[1].Type.Name}");
            long count = a.Count > 2 ? Ops.AsIndex(ts, a[2]) : -1;
            if (count < 0) return Str(old.Value.Length == 0 ? InsertEverywhere(s, @new.Value, -1) : s.Replace(old.Value, @new.Value, StringComparison.Ordinal));
            if (old.Value.Length == 0) return Str(InsertEverywhere(s, @new.Value, count));
            var sb = new StringBuilder();
            int pos = 0;
            for (long n = 0; n < count; n++)
            {
                int idx = s.IndexOf(old.Value, pos, StringComparison.Ordinal);
                if (idx < 0) break;
                sb.Append(s, pos, idx - pos).Append(@new.Value);
                pos = idx + old.Value.Length;
            }
            sb.Append(s, pos, s.Length - pos);
            return Str(sb.ToString());
        });
        Reg.Method(t, "find", (ThreadState ts, PyObject? self, in Args a) => ts.NewInt(Find(ts, S(self), a, false, "find")));
        Reg.Method(t, "rfind", (ThreadState ts, PyObject? self, in Args a) => ts.NewInt(Find(ts, S(self), a, true, "rfind")));
        Reg.Method(t, "index", (ThreadState ts, PyObject? self, in Args a) =>
        {
            long i = Find(ts, S(self), a, false, "index");
            return i < 0 ? throw Err.ValueError("substring not found") : ts.NewInt(i);
        });
        Reg.Method(t, "rindex", (ThreadState ts, PyObject? self, in Args a) =>
        {
            long i = Find(ts, S(self), a, true, "rindex");
            return i < 0 ? throw Err.ValueError("substring not found") : ts.NewInt(i);
        });
        Reg.Method(t, "count", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("count", 1, 3);
            var s = S(self);
            var sub = a[0] as PyStr ?? throw Err.TypeError($"must be str, not {a[0].Type.Name}");
            var (start, end) = Bounds(ts, a, 1, s.Length);
            if (start > end) return ts.NewInt(0);
            if (sub.Value.Length == 0) return ts.NewInt(end - start + 1);
            long n = 0;
            int pos = (int)start;
            while (true)
            {
                int idx = s.IndexOf(sub.Value, pos, (int)end - pos, StringComparison.Ordinal);
                if (idx < 0) break;
                n++;
                pos = idx + sub.Value.Length;
                if (pos > end) break;
            }
            return ts.NewInt(n);
        });
        Reg.Method(t, "startswith", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(MatchesAffix(ts, S(self), a, false, "startswith")));
        Reg.Method(t, "endswith", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(MatchesAffix(ts, S(self), a, true, "endswith")));
        Reg.Method(t, "center", (ThreadState ts, PyObject? self, in Args a) => Str(Pad(ts, S(self), a, "center", 2)));
        Reg.Method(t, "ljust", (ThreadState ts, PyObject? self, in Args a) => Str(Pad(ts, S(self), a, "ljust", 0)));
        Reg.Method(t, "rjust", (ThreadState ts, PyObject? self, in Args a) => Str(Pad(ts, S(self), a, "rjust", 1)));
        Reg.Method(t, "zfill", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("zfill", 1, 1);
            var s = S(self);
            long width = Ops.AsSsize(ts, a[0]);
            if (width <= s.Length) return Str(s);
            int fill = SizeLimits.StringLength(width) - s.Length;
            if (s.Length > 0 && (s[0] == '+' || s[0] == '-')) return Str(s[0] + new string('0', fill) + s.Substring(1));
            return Str(new string('0', fill) + s);
        });
        Reg.Method(t, "isalnum", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(AllChars(S(self), char.IsLetterOrDigit)));
        Reg.Method(t, "isalpha", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(AllChars(S(self), char.IsLetter)));
        Reg.Method(t, "isdigit", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(AllChars(S(self), c => char.IsDigit(c) || c is '²' or '³' or '¹')));
        Reg.Method(t, "isdecimal", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(AllChars(S(self), char.IsDigit)));
        Reg.Method(t, "isnumeric", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(AllChars(S(self), char.IsNumber)));
        Reg.Method(t, "isspace", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(AllChars(S(self), char.IsWhiteSpace)));
        Reg.Method(t, "isascii", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(S(self).Length == 0 || AllChars(S(self), c => c < 128)));
        Reg.Method(t, "isprintable", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(S(self).Length == 0 || AllChars(S(self), c => StrOps.IsPrintable(c))));
        Reg.Method(t, "isupper", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var s = S(self);
            bool cased = false;
            foreach (var c in s) { if (char.IsLower(c)) return Types.False; if (char.IsUpper(c)) cased = true; }
            return PyBool.Of(cased);
        });
        Reg.Method(t, "islower", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var s = S(self);
            bool cased = false;
            foreach (var c in s) { if (char.IsUpper(c)) return Types.False; if (char.IsLower(c)) cased = true; }
            return PyBool.Of(cased);
        });
        Reg.Method(t, "istitle", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var s = S(self);
            bool cased = false, prevCased = false;
            foreach (var c in s)
            {
                if (char.IsUpper(c)) { if (prevCased) return Types.False; prevCased = cased = true; }
                else if (char.IsLower(c)) { if (!prevCased) return Types.False; prevCased = cased = true; }
                else prevCased = false;
            }
            return PyBool.Of(cased);
        });
        Reg.Method(t, "isidentifier", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var s = S(self);
            if (s.Length == 0 || !Syntax.PythonTokenizer.IsIdentifierStart(s[0])) return Types.False;
            foreach (var c in s) if (!Syntax.PythonTokenizer.IsIdentifierChar(c)) return Types.False;
            return Types.True;
        });
        Reg.Method(t, "partition", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var s = S(self);
            var sep = ArgStr(ts, a[0], "partition");
            if (sep.Length == 0) throw Err.ValueError("empty separator");
            int i = s.IndexOf(sep, StringComparison.Ordinal);
            return i < 0 ? Tuple3(ts, s, "", "") : Tuple3(ts, s.Substring(0, i), sep, s.Substring(i + sep.Length));
        });
        Reg.Method(t, "rpartition", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var s = S(self);
            var sep = ArgStr(ts, a[0], "rpartition");
            if (sep.Length == 0) throw Err.ValueError("empty separator");
            int i = s.LastIndexOf(sep, StringComparison.Ordinal);
            return i < 0 ? Tuple3(ts, "", "", s) : Tuple3(ts, s.Substring(0, i), sep, s.Substring(i + sep.Length));
        });
        Reg.Method(t, "encode", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.CheckKeywords("encode", "encoding", "errors");
            var enc = a.Get(0, "encoding") is { } e ? Ops.StrString(ts, e) : "utf-8";
            return new PyBytes(BytesMethods.Encode(S(self), enc));
        });
        Reg.Method(t, "format", (ThreadState ts, PyObject? self, in Args a) => Str(StrFormat.Format(ts, S(self), a)));
        Reg.Method(t, "format_map", (ThreadState ts, PyObject? self, in Args a) => Str(StrFormat.FormatMap(ts, S(self), a[0])));
        Reg.Method(t, "expandtabs", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.CheckKeywords("expandtabs", "tabsize");
            a.CheckPositional("expandtabs", 0, 1);
            int tab = a.Get(0, "tabsize") is { } ta ? Ops.AsCInt(ts, ta) : 8;
            var s = S(self);
            // The length first (CPython's first pass), so that a huge tab size fails before allocating.
            long col = 0, length = 0;
            foreach (var c in s)
            {
                if (c == '\t') { if (tab > 0) { long n = tab - col % tab; col += n; length += n; } }
                else { length++; col = c is '\n' or '\r' ? 0 : col + 1; }
            }
            var sb = new StringBuilder(SizeLimits.StringLength(length));
            col = 0;
            foreach (var c in s)
            {
                if (c == '\t') { if (tab > 0) { int n = (int)(tab - col % tab); sb.Append(' ', n); col += n; } }
                else if (c is '\n' or '\r') { sb.Append(c); col = 0; }
                else { sb.Append(c); col++; }
            }
            return Str(sb.ToString());
        });
        Reg.Method(t, "removeprefix", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var s = S(self);
            var p = ArgStr(ts, a[0], "removeprefix");
            return Str(s.StartsWith(p, StringComparison.Ordinal) ? s.Substring(p.Length) : s);
        });
        Reg.Method(t, "removesuffix", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var s = S(self);
            var p = ArgStr(ts, a[0], "removesuffix");
            return Str(p.Length > 0 && s.EndsWith(p, StringComparison.Ordinal) ? s.Substring(0, s.Length - p.Length) : s);
        });
        Reg.Method(t, "translate", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var table = a[0];
            var sb = new StringBuilder();
            foreach (var c in S(self))
            {
                var key = ts.NewInt(c);
                PyObject? r = null;
                try { r = Ops.GetItem(ts, table, key); }
                catch (PyException e) when (e.Value.Type.IsSubtypeOf(Types.LookupError)) { Rc.Decref(ts, e.Value); }
                finally { Rc.Decref(ts, key); }
                if (r is null) { sb.Append(c); continue; }
                if (r is PyStr rs) sb.Append(rs.Value);
                else if (r is PyInt ri) sb.Append(StrOps.FromCodePoint((int)ri.Value));
                else if (r is not PyNone) { Rc.Decref(ts, r); throw Err.TypeError("character mapping must return integer, None or str"); }
                Rc.Decref(ts, r);
            }
            return Str(sb.ToString());
        });
        Reg.ClassMethod(t, "maketrans", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var d = new PyDict();
            if (a.Count == 1)
            {
                var src = (PyDict)a[0];
                int pos = 0;
                while (src.Next(ref pos, out var k, out var v))
                {
                    var key = k is PyStr ks ? ts.NewInt(char.ConvertToUtf32(ks.Value, 0)) : Rc.New(ts, k);
                    d.SetItem(ts, key, v);
                    Rc.Decref(ts, key);
                }
                return d;
            }
            var from = ArgStr(ts, a[0], "maketrans");
            var to = ArgStr(ts, a[1], "maketrans");
            if (from.Length != to.Length) throw Err.ValueError("the first two maketrans arguments must have equal length");
            for (int i = 0; i < from.Length; i++)
            {
                var k = ts.NewInt(from[i]);
                var v = ts.NewInt(to[i]);
                d.SetItem(ts, k, v);
                Rc.Decref(ts, k);
                Rc.Decref(ts, v);
            }
            if (a.Count > 2)
                foreach (var c in ArgStr(ts, a[2], "maketrans"))
                {
                    var k = ts.NewInt(c);
                    d.SetItem(ts, k, Types.None);
                    Rc.Decref(ts, k);
                }
            return d;
        });
    }

    private static string InsertEverywhere(string s, string insert, long count)
    {
        var sb = new StringBuilder();
        long n = 0;
        if (count != 0) { sb.Append(insert); n++; }
        foreach (var c in s)
        {
            sb.Append(c);
            if (count < 0 || n < count) { sb.Append(insert); n++; }
        }
        return sb.ToString();
    }

    private static PyObject Tuple3(ThreadState ts, string a, string b, string c) =>
        ts.NewTuple(new PyObject[] { new PyStr(a), new PyStr(b), new PyStr(c) });
}
