using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>bytes, bytearray and memoryview: constructors, methods and shared helpers.</summary>
internal static class BytesMethods
{
    public static byte[]? TryBytes(PyObject o) => o switch
    {
        PyBytes b => b.Value,
        PyByteArray ba => ba.ToArray(),
        PyMemoryView mv => mv.ToArray(),
        _ => null,
    };

    public static byte[] AsBytes(ThreadState ts, PyObject o) =>
        TryBytes(o) ?? throw Err.TypeError($"a bytes-like object is required, not '{o.Type.Name}'");

    public static byte ByteValue(ThreadState ts, PyObject o)
    {
        long v = Ops.AsIndexOrThrow(ts, o, "'{0}' object cannot be interpreted as an integer");
        if (v < 0 || v > 255) throw Err.ValueError("byte must be in range(0, 256)");
        return (byte)v;
    }

    public static int Compare(byte[] a, int na, byte[] b, int nb)
    {
        int n = Math.Min(na, nb);
        for (int i = 0; i < n; i++) if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
        return na.CompareTo(nb);
    }

    public static string Repr(byte[] v, int count)
    {
        bool hasSingle = false, hasDouble = false;
        for (int i = 0; i < count; i++) { if (v[i] == '\'') hasSingle = true; if (v[i] == '"') hasDouble = true; }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        var sb = new StringBuilder("b").Append(quote);
        for (int i = 0; i < count; i++)
        {
            byte c = v[i];
            if (c == quote || c == '\\') sb.Append('\\').Append((char)c);
            else if (c == '\t') sb.Append("\\t");
            else if (c == '\n') sb.Append("\\n");
            else if (c == '\r') sb.Append("\\r");
            else if (c < 32 || c >= 127) sb.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append((char)c);
        }
        return sb.Append(quote).ToString();
    }

    public static bool Contains(ThreadState ts, byte[] data, int count, PyObject item)
    {
        if (IntOps.IsInt(item))
        {
            byte b = ByteValue(ts, item);
            return Array.IndexOf(data, b, 0, count) >= 0;
        }
        var sub = AsBytes(ts, item);
        return IndexOf(data.AsSpan(0, count), sub, 0) >= 0;
    }

    public static int IndexOf(ReadOnlySpan<byte> data, ReadOnlySpan<byte> sub, int start)
    {
        if (start > data.Length) return -1;
        int i = data.Slice(start).IndexOf(sub);
        return i < 0 ? -1 : i + start;
    }

    public static byte[] Slice(ThreadState ts, byte[] data, int count, PySlice s)
    {
        var (start, _, step, n) = s.Indices(ts, count);
        var r = new byte[Math.Max(0, n)];
        for (long k = 0, j = start; k < n; k++, j += step) r[k] = data[j];
        return r;
    }

    public static byte[] Encode(string s, string encoding)
    {
        switch (encoding.ToLowerInvariant().Replace('_', '-'))
        {
            case "utf-8": case "utf8": return new UTF8Encoding(false).GetBytes(s);
            case "ascii":
                foreach (var c in s)
                    if (c > 127) throw Err.Make(Types.UnicodeEncodeError, $"'ascii' codec can't encode character '\\x{(int)c:x2}' in position {s.IndexOf(c)}: ordinal not in range(128)");
                return Encoding.ASCII.GetBytes(s);
            case "latin-1": case "latin1": case "iso-8859-1": return Encoding.Latin1.GetBytes(s);
            case "utf-16": return new UnicodeEncoding(false, true).GetBytes(s);
            default: throw Err.Make(Types.LookupError, $"unknown encoding: {encoding}");
        }
    }

    public static string Decode(byte[] data, string encoding)
    {
        switch (encoding.ToLowerInvariant().Replace('_', '-'))
        {
            case "utf-8": case "utf8":
                try { return new UTF8Encoding(false, true).GetString(data); }
                catch (DecoderFallbackException e)
                {
                    int pos = e.Index < 0 ? 0 : e.Index;
                    throw Err.Make(Types.UnicodeDecodeError, $"'utf-8' codec can't decode byte 0x{data[Math.Min(pos, data.Length - 1)]:x2} in position {pos}: invalid start byte");
                }
            case "ascii":
                for (int i = 0; i < data.Length; i++)
                    if (data[i] > 127) throw Err.Make(Types.UnicodeDecodeError, $"'ascii' codec can't decode byte 0x{data[i]:x2} in position {i}: ordinal not in range(128)");
                return Encoding.ASCII.GetString(data);
            case "latin-1": case "latin1": case "iso-8859-1": return Encoding.Latin1.GetString(data);
            default: throw Err.Make(Types.LookupError, $"unknown encoding: {encoding}");
        }
    }

    /// <summary>bytes(x) / bytearray(x): from an int (zeros), a str with an encoding, or an iterable of ints.</summary>
    private static byte[] FromArgs(ThreadState ts, in Args a, string fn)
    {
        a.CheckKeywords(fn, "source", "encoding", "errors");
        var src = a.Get(0, "source");
        if (src is null) return Array.Empty<byte>();
        var enc = a.Get(1, "encoding");
        if (src is PyStr s)
        {
            if (enc is null) throw Err.TypeError("string argument without an encoding");
            return Encode(s.Value, Ops.StrString(ts, enc));
        }
        if (enc is not null) throw Err.TypeError("encoding without a string argument");
        if (IntOps.IsInt(src))
        {
            long n = Ops.AsSize(ts, src);
            if (n < 0) throw Err.ValueError("negative count");
            // CPython: bytes(n) beyond Py_ssize_t less its header is an OverflowError, anything else that
            // cannot be allocated a MemoryError.
            if (fn == "bytes" && n > long.MaxValue - 33) throw Err.Overflow("byte string is too large");
            return new byte[SizeLimits.ByteLength(n)];
        }
        if (TryBytes(src) is { } b) return (byte[])b.Clone();
        var items = Ops.ToArray(ts, src);
        try
        {
            var r = new byte[items.Length];
            for (int i = 0; i < items.Length; i++) r[i] = ByteValue(ts, items[i]);
            return r;
        }
        finally { foreach (var x in items) Rc.Decref(ts, x); }
    }

    private static byte[] Data(PyObject self) => self is PyBytes b ? b.Value : ((PyByteArray)self).ToArray();

    private static PyObject Make(PyObject self, byte[] data) => self is PyByteArray ? new PyByteArray(data) : new PyBytes(data);

    public static void Register()
    {
        Types.Bytes.New = (ThreadState ts, PyType cls, in Args a) => new PyBytes(FromArgs(ts, a, "bytes"));
        Types.ByteArray.New = (ThreadState ts, PyType cls, in Args a) => new PyByteArray(FromArgs(ts, a, "bytearray"));
        Types.MemoryView.New = (ThreadState ts, PyType cls, in Args a) =>
        {
            a.Check("memoryview", 1, 1);
            var src = a[0];
            if (src is PyBytes b) return new PyMemoryView(ts, b, 0, b.Value.Length);
            if (src is PyByteArray ba) return new PyMemoryView(ts, ba, 0, ba.Count);
            if (src is PyMemoryView mv) return mv.View(ts, mv.Start, mv.Length_);
            throw Err.TypeError($"memoryview: a bytes-like object is required, not '{src.Type.Name}'");
        };
        foreach (var t in new[] { Types.Bytes, Types.ByteArray })
        {
            Reg.Slots(t, "__repr__", "__len__", "__getitem__", "__contains__", "__iter__", "__add__", "__hash__");
            foreach (var c in Reg.Comparisons) Reg.Slots(t, c);
            Reg.Method(t, "decode", (ThreadState ts, PyObject? self, in Args a) =>
            {
                a.CheckKeywords("decode", "encoding", "errors");
                var enc = a.Get(0, "encoding") is { } e ? Ops.StrString(ts, e) : "utf-8";
                return new PyStr(Decode(Data(self!), enc));
            });
            Reg.Method(t, "hex", (ThreadState ts, PyObject? self, in Args a) => new PyStr(Convert.ToHexString(Data(self!)).ToLowerInvariant()));
            Reg.Method(t, "upper", (ThreadState ts, PyObject? self, in Args a) => Make(self!, Map(Data(self!), c => c >= 'a' && c <= 'z' ? (byte)(c - 32) : c)));
            Reg.Method(t, "lower", (ThreadState ts, PyObject? self, in Args a) => Make(self!, Map(Data(self!), c => c >= 'A' && c <= 'Z' ? (byte)(c + 32) : c)));
            Reg.Method(t, "find", (ThreadState ts, PyObject? self, in Args a) => ts.NewInt(FindIn(ts, Data(self!), a)));
            Reg.Method(t, "index", (ThreadState ts, PyObject? self, in Args a) =>
            {
                int i = FindIn(ts, Data(self!), a);
                return i < 0 ? throw Err.ValueError("subsection not found") : ts.NewInt(i);
            });
            Reg.Method(t, "count", (ThreadState ts, PyObject? self, in Args a) =>
            {
                var d = Data(self!);
                var sub = IntOps.IsInt(a[0]) ? new[] { ByteValue(ts, a[0]) } : AsBytes(ts, a[0]);
                int n = 0, pos = 0;
                if (sub.Length == 0) return ts.NewInt(d.Length + 1);
                while ((pos = IndexOf(d, sub, pos)) >= 0) { n++; pos += sub.Length; }
                return ts.NewInt(n);
            });
            Reg.Method(t, "startswith", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(Data(self!).AsSpan().StartsWith(AsBytes(ts, a[0]))));
            Reg.Method(t, "endswith", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(Data(self!).AsSpan().EndsWith(AsBytes(ts, a[0]))));
            Reg.Method(t, "replace", (ThreadState ts, PyObject? self, in Args a) =>
            {
                var d = Data(self!);
                var old = AsBytes(ts, a[0]);
                var nw = AsBytes(ts, a[1]);
                var r = new List<byte>();
                int pos = 0;
                while (old.Length > 0)
                {
                    int i = IndexOf(d, old, pos);
                    if (i < 0) break;
                    r.AddRange(d.AsSpan(pos, i - pos).ToArray());
                    r.AddRange(nw);
                    pos = i + old.Length;
                }
                r.AddRange(d.AsSpan(pos).ToArray());
                return Make(self!, r.ToArray());
            });
            Reg.Method(t, "split", (ThreadState ts, PyObject? self, in Args a) =>
            {
                var text = Encoding.Latin1.GetString(Data(self!));
                var sep = a.Get(0, "sep") is { } s and not PyNone ? Encoding.Latin1.GetString(AsBytes(ts, s)) : null;
                long max = a.Get(1, "maxsplit") is { } m ? Ops.AsIndex(ts, m) : -1;
                var l = new PyList();
                foreach (var part in StrMethods.Split(text, sep, max)) l.AppendOwned(Make(self!, Encoding.Latin1.GetBytes(part)));
                return l;
            });
            Reg.Method(t, "strip", (ThreadState ts, PyObject? self, in Args a) =>
            {
                var d = Data(self!);
                var chars = a.Count > 0 && a[0] is not PyNone ? AsBytes(ts, a[0]) : new byte[] { 32, 9, 10, 13, 11, 12 };
                int x = 0, y = d.Length;
                while (x < y && Array.IndexOf(chars, d[x]) >= 0) x++;
                while (y > x && Array.IndexOf(chars, d[y - 1]) >= 0) y--;
                return Make(self!, d.AsSpan(x, y - x).ToArray());
            });
            Reg.Method(t, "join", (ThreadState ts, PyObject? self, in Args a) =>
            {
                var sep = Data(self!);
                var items = Ops.ToArray(ts, a[0]);
                try
                {
                    var r = new List<byte>();
                    for (int i = 0; i < items.Length; i++)
                    {
                        if (i > 0) r.AddRange(sep);
                        r.AddRange(TryBytes(items[i]) ?? throw Err.TypeError($"sequence item {i}: expected a bytes-like object, {items[i].Type.Name} found"));
                    }
                    return Make(self!, r.ToArray());
                }
                finally { foreach (var x in items) Rc.Decref(ts, x); }
            });
            Reg.Method(t, "isdigit", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(Data(self!).Length > 0 && Array.TrueForAll(Data(self!), c => c >= '0' && c <= '9')));
            Reg.Method(t, "isalpha", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(Data(self!).Length > 0 && Array.TrueForAll(Data(self!), c => c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')));
            Reg.Method(t, "isspace", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(Data(self!).Length > 0 && Array.TrueForAll(Data(self!), c => c is 32 or 9 or 10 or 13 or 11 or 12)));
            Reg.ClassMethod(t, "fromhex", (ThreadState ts, PyObject? self, in Args a) =>
            {
                var text = Ops.StrString(ts, a[0]).Replace(" ", "");
                try { var d = Convert.FromHexString(text); return ReferenceEquals(self, Types.ByteArray) ? new PyByteArray(d) : new PyBytes(d); }
                catch (FormatException) { throw Err.ValueError("non-hexadecimal number found in fromhex() arg"); }
            });
        }
        Reg.Slots(Types.Bytes, "__mul__", "__rmul__", "__mod__");
        var ba = Types.ByteArray;
        Reg.Slots(ba, "__setitem__", "__delitem__", "__iadd__");
        Reg.Method(ba, "append", (ThreadState ts, PyObject? self, in Args a) => { a.Check("append", 1, 1); ((PyByteArray)self!).Append(ByteValue(ts, a[0])); return Types.None; });
        Reg.Method(ba, "extend", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var target = (PyByteArray)self!;
            if (TryBytes(a[0]) is { } b) { target.AppendRange(b); return Types.None; }
            foreach (var x in Ops.ToArray(ts, a[0])) { try { target.Append(ByteValue(ts, x)); } finally { Rc.Decref(ts, x); } }
            return Types.None;
        });
        Reg.Method(ba, "pop", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var target = (PyByteArray)self!;
            if (target.Count == 0) throw Err.IndexError("pop from empty bytearray");
            long i = a.Count > 0 ? Ops.AsIndex(ts, a[0]) : target.Count - 1;
            if (i < 0) i += target.Count;
            if (i < 0 || i >= target.Count) throw Err.IndexError("pop index out of range");
            target.CheckResizable();
            byte v = target.Buffer[i];
            Array.Copy(target.Buffer, i + 1, target.Buffer, i, target.Count - i - 1);
            target.Count--;
            return ts.NewInt(v);
        });
        Reg.Method(ba, "clear", (ThreadState ts, PyObject? self, in Args a) => 
        {
            var target = (PyByteArray)self!;
            if (target.Count > 0) target.CheckResizable();
            target.Count = 0;
            return Types.None;
        });
        Reg.Method(ba, "reverse", (ThreadState ts, PyObject? self, in Args a) => { var t2 = (PyByteArray)self!; Array.Reverse(t2.Buffer, 0, t2.Count); return Types.None; });
        Reg.Method(ba, "copy", (ThreadState ts, PyObject? self, in Args a) => new PyByteArray(((PyByteArray)self!).ToArray()));
        var mvt = Types.MemoryView;
        Reg.Slots(mvt, "__len__", "__getitem__", "__setitem__", "__iter__", "__repr__", "__eq__", "__ne__");
        Reg.Method(mvt, "tobytes", (ThreadState ts, PyObject? self, in Args a) => new PyBytes(((PyMemoryView)self!).ToArray()));
        Reg.Method(mvt, "tolist", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var l = new PyList();
            foreach (var b in ((PyMemoryView)self!).ToArray()) l.AppendOwned(ts.NewInt(b));
            return l;
        });
        Reg.Method(mvt, "release", (ThreadState ts, PyObject? self, in Args a) =>
        {
            ((PyMemoryView)self!).Release();
            return Types.None;
        });
        Reg.Method(mvt, "__enter__", (ThreadState ts, PyObject? self, in Args a) =>
        {
            if (((PyMemoryView)self!).Released) throw Err.ValueError("operation forbidden on released memoryview object");
            return Rc.New(ts, self!);
        });
        Reg.Method(mvt, "__exit__", (ThreadState ts, PyObject? self, in Args a) =>
        {
            ((PyMemoryView)self!).Release();
            return Types.None;
        });
        Reg.Method(mvt, "hex", (ThreadState ts, PyObject? self, in Args a) =>
            new PyStr(Convert.ToHexStringLower(((PyMemoryView)self!).ToArray())));
        Reg.GetSet(mvt, "ndim", (ts, self) => ts.NewInt(1));
        Reg.GetSet(mvt, "shape", (ts, self) => ts.NewTuple(new[] { ts.NewInt(((PyMemoryView)self).Length(ts)) }));
        Reg.GetSet(mvt, "released", (ts, self) => PyBool.Of(((PyMemoryView)self).Released));
        Reg.GetSet(mvt, "nbytes", (ts, self) => ts.NewInt(((PyMemoryView)self).Length_));
        Reg.GetSet(mvt, "readonly", (ts, self) => PyBool.Of(((PyMemoryView)self).ReadOnly));
        Reg.GetSet(mvt, "format", (ts, self) => new PyStr("B"));
        Reg.GetSet(mvt, "itemsize", (ts, self) => ts.NewInt(1));
        Reg.GetSet(mvt, "obj", (ts, self) => Rc.New(ts, ((PyMemoryView)self).Source ?? Types.None));
    }

    private static byte[] Map(byte[] data, Func<byte, byte> f)
    {
        var r = new byte[data.Length];
        for (int i = 0; i < data.Length; i++) r[i] = f(data[i]);
        return r;
    }

    private static int FindIn(ThreadState ts, byte[] d, in Args a)
    {
        var sub = IntOps.IsInt(a[0]) ? new[] { ByteValue(ts, a[0]) } : AsBytes(ts, a[0]);
        int start = a.Count > 1 ? (int)Math.Max(0, Ops.AsIndex(ts, a[1])) : 0;
        return IndexOf(d, sub, start);
    }
}
