using System;
using System.Collections.Generic;
using System.Numerics;
using System.Text;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>The functions of the builtins module.</summary>
internal static class BuiltinFunctions
{
    public static string Ascii(string repr)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < repr.Length; i++)
        {
            char c = repr[i];
            if (c < 128) sb.Append(c);
            else if (char.IsHighSurrogate(c) && i + 1 < repr.Length) { sb.Append("\\U").Append(char.ConvertToUtf32(c, repr[++i]).ToString("x8")); }
            else if (c <= 0xff) sb.Append("\\x").Append(((int)c).ToString("x2"));
            else sb.Append("\\u").Append(((int)c).ToString("x4"));
        }
        return sb.ToString();
    }

    public static PyObject Dir(ThreadState ts, PyObject o)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        if (o.InstanceDict is { } d && o is not PyType)
        {
            int pos = 0;
            while (d.Next(ref pos, out var k, out _)) if (k is PyStr s) names.Add(s.Value);
        }
        var types = o is PyType t ? t.Mro : o.Type.Mro;
        if (o is not PyModule)
            foreach (var type in types)
            {
                int pos = 0;
                while (type.Dict.Next(ref pos, out var k, out _)) if (k is PyStr s) names.Add(s.Value);
            }
        var l = new PyList();
        foreach (var n in names) l.AppendOwned(new PyStr(n));
        return l;
    }

    private static NativeFn Fn(Func<ThreadState, Args, PyObject> f) => (ThreadState ts, PyObject? self, in Args a) => f(ts, a);

    public static void Register(ThreadState ts, PyModule m)
    {
        void Def(string name, NativeFn fn) => m.Dict.SetStrOwned(ts, ts.Interp.Intern(name), new PyBuiltinFunction(name, fn));
        Def("print", Print);
        Def("len", (ThreadState ts, PyObject? s, in Args a) => { a.Check("len", 1, 1); return ts.NewInt(Ops.Length(ts, a[0])); });
        Def("repr", (ThreadState ts, PyObject? s, in Args a) => { a.Check("repr", 1, 1); return Ops.Repr(ts, a[0]); });
        Def("ascii", (ThreadState ts, PyObject? s, in Args a) => { a.Check("ascii", 1, 1); return new PyStr(Ascii(Ops.ReprString(ts, a[0]))); });
        Def("abs", Abs);
        Def("hash", (ThreadState ts, PyObject? s, in Args a) => { a.Check("hash", 1, 1); return ts.NewInt(Ops.Hash(ts, a[0])); });
        Def("id", (ThreadState ts, PyObject? s, in Args a) => { a.Check("id", 1, 1); return ts.NewInt(PyObject.IdentityOf(a[0])); });
        Def("callable", (ThreadState ts, PyObject? s, in Args a) => { a.Check("callable", 1, 1); return PyBool.Of(Ops.IsCallable(a[0])); });
        Def("isinstance", (ThreadState ts, PyObject? s, in Args a) => { a.Check("isinstance", 2, 2); return PyBool.Of(IsInstance(ts, a[0], a[1])); });
        Def("issubclass", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("issubclass", 2, 2);
            if (a[0] is not PyType sub) throw Err.TypeError("issubclass() arg 1 must be a class");
            return PyBool.Of(IsSubclass(ts, sub, a[1]));
        });
        Def("iter", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("iter", 1, 2);
            if (a.Count == 2) return new PyCallableIterator(ts, a[0], a[1]);
            return Ops.GetIter(ts, a[0]);
        });
        Def("next", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("next", 1, 2);
            var it = a[0];
            if (!it.Type.IsHeap && it is not PyGenerator && it.Type.Lookup(Types.Strs.Next) is null)
                throw Err.TypeError($"'{it.Type.Name}' object is not an iterator");
            var r = Ops.Next(ts, it);
            if (r is not null) return r;
            if (a.Count == 2) return Rc.New(ts, a[1]);
            throw Err.StopIteration(null);
        });
        Def("getattr", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("getattr", 2, 3);
            var name = a[1] as PyStr ?? throw Err.TypeError("attribute name must be string, not '" + a[1].Type.Name + "'");
            if (a.Count == 3) return Ops.TryGetAttr(ts, a[0], ts.Interp.Intern(name.Value)) ?? Rc.New(ts, a[2]);
            return Ops.GetAttr(ts, a[0], ts.Interp.Intern(name.Value));
        });
        Def("setattr", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("setattr", 3, 3);
            var name = a[1] as PyStr ?? throw Err.TypeError("attribute name must be string, not '" + a[1].Type.Name + "'");
            Ops.SetAttr(ts, a[0], ts.Interp.Intern(name.Value), a[2]);
            return Types.None;
        });
        Def("delattr", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("delattr", 2, 2);
            var name = a[1] as PyStr ?? throw Err.TypeError("attribute name must be string, not '" + a[1].Type.Name + "'");
            Ops.SetAttr(ts, a[0], ts.Interp.Intern(name.Value), null);
            return Types.None;
        });
        Def("hasattr", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("hasattr", 2, 2);
            var name = a[1] as PyStr ?? throw Err.TypeError("attribute name must be string, not '" + a[1].Type.Name + "'");
            var r = Ops.TryGetAttr(ts, a[0], ts.Interp.Intern(name.Value));
            if (r is null) return Types.False;
            Rc.Decref(ts, r);
            return Types.True;
        });
        Def("min", (ThreadState ts, PyObject? s, in Args a) => MinMax(ts, a, "min", false));
        Def("max", (ThreadState ts, PyObject? s, in Args a) => MinMax(ts, a, "max", true));
        Def("sum", Sum);
        Def("sorted", (ThreadState ts, PyObject? s, in Args a) =>
        {
            if (a.Count != 1) throw Err.TypeError($"sorted expected 1 argument, got {a.Count}");
            a.CheckKeywords("sorted", "key", "reverse");
            var l = Ops.ToList(ts, a[0]);
            try { ListMethods.Sort(ts, l, a.Kw("key"), a.Kw("reverse") is { } r && Ops.IsTrue(ts, r)); }
            catch { Rc.Decref(ts, l); throw; }
            return l;
        });
        Def("any", (ThreadState ts, PyObject? s, in Args a) => AnyAll(ts, a, true));
        Def("all", (ThreadState ts, PyObject? s, in Args a) => AnyAll(ts, a, false));
        Def("divmod", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("divmod", 2, 2);
            if (a[0] is PyFloat || a[1] is PyFloat)
            {
                double x = Ops.AsDouble(ts, a[0]), y = Ops.AsDouble(ts, a[1]);
                if (y == 0) throw Err.ZeroDivision("division by zero");
                var (d, mo) = FloatOps.DivMod(x, y);
                return ts.NewTuple(new PyObject[] { new PyFloat(d), new PyFloat(mo) });
            }
            var q = Ops.BinaryOp(ts, a[0], a[1], BinaryOp.FloorDiv);
            var r = Ops.BinaryOp(ts, a[0], a[1], BinaryOp.Mod);
            return ts.NewTuple(new[] { q, r });
        });
        Def("pow", Pow);
        Def("round", Round);
        Def("chr", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("chr", 1, 1);
            long cp = Ops.AsLong(ts, a[0]);
            if (cp < 0 || cp > 0x10FFFF) throw Err.ValueError("chr() arg not in range(0x110000)");
            return cp < 256 ? ts.Interp.CharString((char)cp) : new PyStr(StrOps.FromCodePoint((int)cp));
        });
        Def("ord", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("ord", 1, 1);
            if (a[0] is PyStr str)
            {
                if (str.CodePointLength != 1) throw Err.TypeError($"ord() expected a character, but string of length {str.CodePointLength} found");
                return ts.NewInt(char.ConvertToUtf32(str.Value, 0));
            }
            var b = BytesMethods.TryBytes(a[0]);
            if (b is { Length: 1 }) return ts.NewInt(b[0]);
            throw Err.TypeError($"ord() expected string of length 1, but {a[0].Type.Name} found");
        });
        Def("bin", (ThreadState ts, PyObject? s, in Args a) => new PyStr(IntOps.ToRadix(a[0] is PyBigInt bi ? bi.Value : Ops.AsIndex(ts, a[0]), 2, "0b")));
        Def("oct", (ThreadState ts, PyObject? s, in Args a) => new PyStr(IntOps.ToRadix(a[0] is PyBigInt bi ? bi.Value : Ops.AsIndex(ts, a[0]), 8, "0o")));
        Def("hex", (ThreadState ts, PyObject? s, in Args a) => new PyStr(IntOps.ToRadix(a[0] is PyBigInt bi ? bi.Value : Ops.AsIndex(ts, a[0]), 16, "0x")));
        Def("format", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("format", 1, 2);
            return Ops.Format(ts, a[0], a.Count > 1 ? Ops.StrString(ts, a[1]) : "");
        });
        Def("vars", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("vars", 0, 1);
            if (a.Count == 0)
            {
                var f = ts.CurrentFrame!;
                return Rc.New(ts, (PyObject?)f.Locals ?? f.Globals);
            }
            if (a[0] is PyType cls) return cls.Dict.Copy(ts); // a class's namespace is read-only from outside
            var d = a[0].InstanceDict ?? throw Err.TypeError("vars() argument must have __dict__ attribute");
            return Rc.New(ts, (PyObject)d);
        });
        Def("globals", (ThreadState ts, PyObject? s, in Args a) => Rc.New(ts, (PyObject)ts.CurrentFrame!.Globals));
        Def("locals", (ThreadState ts, PyObject? s, in Args a) => Locals(ts));
        Def("dir", (ThreadState ts, PyObject? s, in Args a) =>
        {
            if (a.Count == 0)
            {
                var loc = Locals(ts);
                try { return Ops.ToList(ts, loc) is var l ? SortList(ts, l) : null!; }
                finally { Rc.Decref(ts, loc); }
            }
            return Dir(ts, a[0]);
        });
        Def("input", Input);
        Def("open", (ThreadState ts, PyObject? s, in Args a) => FileModule.Open(ts, a));
        Def("exec", (ThreadState ts, PyObject? s, in Args a) => Exec(ts, a, "exec"));
        Def("eval", (ThreadState ts, PyObject? s, in Args a) => Exec(ts, a, "eval"));
        Def("compile", (ThreadState ts, PyObject? s, in Args a) => throw Err.NotImplemented("compile() is not supported by MiniPy"));
        Def("__import__", (ThreadState ts, PyObject? s, in Args a) => Import.ImportName(ts, Ops.StrString(ts, a[0]), Types.None, 0, ts.CurrentFrame!.Globals));
        Def("__build_class__", TypeCall.BuildClass);
        Def("aiter", (ThreadState ts, PyObject? s, in Args a) => throw Err.NotImplemented("asynchronous iteration is not supported by MiniPy"));
        Def("anext", (ThreadState ts, PyObject? s, in Args a) => throw Err.NotImplemented("asynchronous iteration is not supported by MiniPy"));
        NativeFn exit = (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("exit", 0, 1);
            throw new PyException(a.Count == 0 ? new PyBaseException(Types.SystemExit) : new PyBaseException(Types.SystemExit, Rc.New(ts, a[0])));
        };
        Def("exit", exit);
        Def("quit", exit);
        Def("breakpoint", (ThreadState ts, PyObject? s, in Args a) => throw Err.NotImplemented("breakpoint() is not supported by MiniPy"));
    }

    private static PyObject SortList(ThreadState ts, PyList l)
    {
        ListMethods.Sort(ts, l, null, false);
        return l;
    }

    private static PyObject Locals(ThreadState ts)
    {
        var f = ts.CurrentFrame!;
        if (f.Locals is not null) return Rc.New(ts, (PyObject)f.Locals);
        if (f.Function is null) return Rc.New(ts, (PyObject)f.Globals);
        var d = new PyDict();
        var co = f.Code;
        for (int i = 0; i < co.NLocals; i++)
        {
            var v = f.Slots[f.Base + i].V;
            if (v is not null && Array.IndexOf(co.CellNames, co.LocalNames[i]) < 0) d.SetStr(ts, ts.Interp.Intern(co.LocalNames[i]), v);
        }
        for (int i = 0; i < co.CellNames.Length + co.FreeNames.Length; i++)
        {
            if (f.Slots[f.Base + co.NLocals + i].V is PyCell { Contents: { } c })
                d.SetStr(ts, ts.Interp.Intern(i < co.CellNames.Length ? co.CellNames[i] : co.FreeNames[i - co.CellNames.Length]), c);
        }
        return d;
    }

    public static bool IsInstance(ThreadState ts, PyObject o, PyObject cls)
    {
        if (cls is PyType t) return o.Type.IsSubtypeOf(t);
        if (cls is PyTuple tuple)
        {
            foreach (var c in tuple.Items) if (IsInstance(ts, o, c)) return true;
            return false;
        }
        throw Err.TypeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
    }

    public static bool IsSubclass(ThreadState ts, PyType sub, PyObject cls)
    {
        if (cls is PyType t) return sub.IsSubtypeOf(t);
        if (cls is PyTuple tuple)
        {
            foreach (var c in tuple.Items) if (IsSubclass(ts, sub, c)) return true;
            return false;
        }
        throw Err.TypeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
    }

    private static PyObject Print(ThreadState ts, PyObject? self, in Args a)
    {
        a.CheckKeywords("print", "sep", "end", "file", "flush");
        var sepObj = a.Kw("sep");
        var endObj = a.Kw("end");
        string sep = sepObj is null or PyNone ? " " : sepObj as PyStr is { } ss ? ss.Value : throw Err.TypeError($"sep must be None or a string, not {sepObj.Type.Name}");
        string end = endObj is null or PyNone ? "\n" : endObj as PyStr is { } es ? es.Value : throw Err.TypeError($"end must be None or a string, not {endObj.Type.Name}");
        var file = a.Kw("file");
        var sb = new StringBuilder();
        for (int i = 0; i < a.Count; i++)
        {
            if (i > 0) sb.Append(sep);
            sb.Append(Ops.StrString(ts, a[i]));
        }
        sb.Append(end);
        if (file is null or PyNone)
        {
            var stdout = ts.Interp.Sys.Dict.GetItemOrNull(ts.Interp.Intern("stdout"));
            file = stdout ?? ts.Interp.Stdout;
        }
        if (file is PyTextIO io)
        {
            io.Write(ts, sb.ToString());
            if (a.Kw("flush") is { } fl && Ops.IsTrue(ts, fl)) io.Flush(ts);
        }
        else
        {
            var text = new PyStr(sb.ToString());
            try { Rc.Decref(ts, Ops.CallMethod(ts, file, "write", new PyObject[] { text })); }
            finally { Rc.Decref(ts, text); }
        }
        return Types.None;
    }

    private static PyObject Input(ThreadState ts, PyObject? self, in Args a)
    {
        a.Check("input", 0, 1);
        if (a.Count == 1)
        {
            ts.Interp.Stdout.Write(ts, Ops.StrString(ts, a[0]));
        }
        ts.Interp.Stdout.Flush(ts);
        string? line;
        ts.BeginBlocking();
        try { line = ts.Interp.Stdin.ReadLine(); }
        finally { ts.EndBlocking(); }
        if (line is null) throw Err.Make(Types.EOFError, "EOF when reading a line");
        return new PyStr(line);
    }

    private static PyObject Abs(ThreadState ts, PyObject? self, in Args a)
    {
        a.Check("abs", 1, 1);
        var x = a[0];
        if (x is PyInt i && x is not PyBool) return i.Value == long.MinValue ? IntOps.Make(ts, -(BigInteger)i.Value) : ts.NewInt(Math.Abs(i.Value));
        if (x is PyBool b) return ts.NewInt(b.Value);
        if (x is PyBigInt bi) return IntOps.Make(ts, BigInteger.Abs(bi.Value));
        if (x is PyFloat f) return new PyFloat(Math.Abs(f.Value));
        var m = x.Type.Lookup(Types.Strs.Abs) ?? throw Err.TypeError($"bad operand type for abs(): '{x.Type.Name}'");
        return Ops.CallDunder(ts, m, x);
    }

    private static PyObject MinMax(ThreadState ts, in Args a, string name, bool max)
    {
        a.CheckKeywords(name, "key", "default");
        var key = a.Kw("key");
        if (key is PyNone) key = null;
        var dflt = a.Kw("default");
        PyObject[] items;
        if (a.Count == 0) throw Err.TypeError($"{name} expected at least 1 argument, got 0");
        if (a.Count == 1) items = Ops.ToArray(ts, a[0]);
        else
        {
            if (dflt is not null) throw Err.TypeError($"Cannot specify a default for {name}() with multiple positional arguments");
            items = a.Positional.ToArray();
            foreach (var x in items) Rc.Incref(ts, x);
        }
        try
        {
            if (items.Length == 0)
            {
                if (dflt is not null) return Rc.New(ts, dflt);
                throw Err.ValueError($"{name}() iterable argument is empty");
            }
            PyObject best = items[0];
            PyObject? bestKey = key is null ? null : Ops.Call1(ts, key, best);
            try
            {
                for (int i = 1; i < items.Length; i++)
                {
                    var k = key is null ? items[i] : Ops.Call1(ts, key, items[i]);
                    bool better = max ? Ops.LessThan(ts, bestKey ?? best, k) : Ops.LessThan(ts, k, bestKey ?? best);
                    if (better)
                    {
                        best = items[i];
                        if (key is not null) { Rc.Decref(ts, bestKey!); bestKey = k; }
                    }
                    else if (key is not null) Rc.Decref(ts, k);
                }
            }
            finally { if (bestKey is not null) Rc.Decref(ts, bestKey); }
            return Rc.New(ts, best);
        }
        finally { foreach (var x in items) Rc.Decref(ts, x); }
    }

    private static PyObject Sum(ThreadState ts, PyObject? self, in Args a)
    {
        a.CheckKeywords("sum", "start");
        a.CheckPositional("sum", 1, 2);
        var start = a.Get(1, "start");
        if (start is PyStr) throw Err.TypeError("sum() can't sum strings [use ''.join(seq) instead]");
        PyObject acc = start is null ? ts.NewInt(0) : Rc.New(ts, start);
        var it = Ops.GetIter(ts, a[0]);
        try
        {
            // Fast paths: exact int accumulation, and float accumulation with Neumaier's compensation (CPython 3.12+).
            double fsum = 0, compensation = 0;
            bool inFloat = false;
            while (true)
            {
                var x = Ops.Next(ts, it);
                if (x is null) break;
                try
                {
                    if (!inFloat && acc is PyInt ai && x is PyInt xi && x is not PyBool && acc is not PyBool)
                    {
                        long r = ai.Value + xi.Value;
                        if (((ai.Value ^ r) & (xi.Value ^ r)) >= 0)
                        {
                            var nacc = ts.NewInt(r);
                            Rc.Decref(ts, acc);
                            acc = nacc;
                            continue;
                        }
                    }
                    if (acc is PyFloat af && !inFloat) { inFloat = true; fsum = af.Value; compensation = 0; }
                    if (inFloat)
                    {
                        double v;
                        if (x is PyFloat xf) v = xf.Value;
                        else if (x is PyInt xi2) v = xi2.Value;
                        else v = double.NaN;
                        if (!double.IsNaN(v) || x is PyFloat)
                        {
                            double t = fsum + v;
                            if (Math.Abs(fsum) >= Math.Abs(v)) compensation += (fsum - t) + v;
                            else compensation += (v - t) + fsum;
                            fsum = t;
                            continue;
                        }
                        var fl = new PyFloat(fsum + compensation);
                        Rc.Decref(ts, acc);
                        acc = fl;
                        inFloat = false;
                    }
                    var next = Ops.BinaryOp(ts, acc, x, BinaryOp.Add);
                    Rc.Decref(ts, acc);
                    acc = next;
                }
                finally { Rc.Decref(ts, x); }
            }
            if (inFloat)
            {
                Rc.Decref(ts, acc);
                double total = fsum + compensation;
                acc = new PyFloat(compensation != 0 && double.IsFinite(compensation) ? total : fsum);
            }
            return acc;
        }
        catch
        {
            Rc.Decref(ts, acc);
            throw;
        }
        finally { Rc.Decref(ts, it); }
    }

    private static PyObject AnyAll(ThreadState ts, in Args a, bool any)
    {
        a.Check(any ? "any" : "all", 1, 1);
        var it = Ops.GetIter(ts, a[0]);
        try
        {
            while (true)
            {
                var x = Ops.Next(ts, it);
                if (x is null) return PyBool.Of(!any);
                bool t;
                try { t = Ops.IsTrue(ts, x); }
                finally { Rc.Decref(ts, x); }
                if (t == any) return PyBool.Of(any);
            }
        }
        finally { Rc.Decref(ts, it); }
    }

    private static PyObject Pow(ThreadState ts, PyObject? self, in Args a)
    {
        a.CheckKeywords("pow", "base", "exp", "mod");
        var b = a.Get(0, "base")!;
        var e = a.Get(1, "exp")!;
        var m = a.Get(2, "mod");
        if (m is null or PyNone) return Ops.BinaryOp(ts, b, e, BinaryOp.Pow);
        if (!IntOps.IsInt(b) || !IntOps.IsInt(e) || !IntOps.IsInt(m))
            throw Err.TypeError("pow() 3rd argument not allowed unless all arguments are integers");
        var mod = IntOps.Big(m);
        if (mod.IsZero) throw Err.ValueError("pow() 3rd argument cannot be 0");
        var exp = IntOps.Big(e);
        var bas = IntOps.Big(b);
        if (exp.Sign < 0)
        {
            // Modular inverse.
            var inv = ModInverse(bas, mod) ?? throw Err.ValueError("base is not invertible for the given modulus");
            bas = inv;
            exp = -exp;
        }
        var r = BigInteger.ModPow(bas, exp, BigInteger.Abs(mod));
        if (r.Sign != 0 && (r.Sign < 0) != (mod.Sign < 0)) r += mod;
        if (r.Sign < 0 && mod.Sign > 0) r += mod;
        return IntOps.Make(ts, r);
    }

    private static BigInteger? ModInverse(BigInteger a, BigInteger m)
    {
        BigInteger g = BigInteger.Abs(m), x = 0, x1 = 1, aa = ((a % g) + g) % g;
        BigInteger b = g;
        while (aa != 0)
        {
            var q = b / aa;
            (b, aa) = (aa, b - q * aa);
            (x, x1) = (x1, x - q * x1);
        }
        if (b != 1) return null;
        return ((x % g) + g) % g;
    }

    private static PyObject Round(ThreadState ts, PyObject? self, in Args a)
    {
        a.CheckKeywords("round", "number", "ndigits");
        var x = a.Get(0, "number") ?? throw Err.TypeError("round() missing required argument 'number' (pos 1)");
        var nd = a.Get(1, "ndigits");
        if (x is PyFloat f)
        {
            if (nd is null or PyNone)
            {
                var v = f.Value;
                if (double.IsNaN(v)) throw Err.ValueError("cannot convert float NaN to integer");
                if (double.IsInfinity(v)) throw Err.Overflow("cannot convert float infinity to integer");
                return IntMethods.FromDouble(ts, Math.Round(v, MidpointRounding.ToEven));
            }
            return new PyFloat(FloatOps.Round(f.Value, (int)Math.Clamp(Ops.AsLong(ts, nd), -400, 400)));
        }
        if (IntOps.IsInt(x))
        {
            if (nd is null or PyNone) return IntOps.Make(ts, IntOps.Big(x));
            long n = Ops.AsLong(ts, nd);
            if (n >= 0) return IntOps.Make(ts, IntOps.Big(x));
            var pow = BigInteger.Pow(10, (int)Math.Min(-n, 5000));
            var v = IntOps.Big(x);
            var q = BigInteger.DivRem(v, pow, out var rem);
            if (rem.Sign < 0) { q -= 1; rem += pow; }
            var twice = rem * 2;
            if (twice > pow || twice == pow && !q.IsEven) q += 1;
            return IntOps.Make(ts, q * pow);
        }
        var m = x.Type.Lookup(Types.Strs.Round) ?? throw Err.TypeError($"type {x.Type.Name} doesn't define __round__ method");
        return nd is null ? Ops.CallDunder(ts, m, x) : Ops.CallDunder(ts, m, x, nd);
    }

    private static PyObject Exec(ThreadState ts, in Args a, string mode)
    {
        a.Check(mode, 1, 3);
        var source = a[0] as PyStr ?? throw Err.TypeError($"{mode}() arg 1 must be a string, bytes or code object");
        var frame = ts.CurrentFrame!;
        var globals = a.Count > 1 && a[1] is PyDict g ? g : frame.Globals;
        PyDict? locals = a.Count > 2 && a[2] is PyDict l ? l : a.Count > 1 ? globals : frame.Locals ?? (frame.Function is null ? frame.Globals : null);
        if (locals is null) throw Err.NotImplemented($"{mode}() inside a function without explicit globals is not supported by MiniPy");
        if (globals.GetItemOrNull(Types.Strs.Builtins) is null) globals.SetStr(ts, Types.Strs.Builtins, ts.Interp.BuiltinsModule);
        return ScriptRunner.RunString(ts, source.Value, "<string>", globals, locals, mode == "eval");
    }
}
