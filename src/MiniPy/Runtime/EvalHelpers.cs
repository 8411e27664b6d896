using MiniPy.Modules;
using System;
using MiniPy.Compiler;
using MiniPy.Objects;

namespace MiniPy.Runtime;

internal static partial class Eval
{
    private static PyException Unbound(CodeObject co, int index) =>
        Err.Make(Types.UnboundLocalError, $"cannot access local variable '{co.LocalNames[index]}' where it is not associated with a value");

    private static string DerefName(CodeObject co, int index) =>
        index < co.CellNames.Length ? co.CellNames[index] : co.FreeNames[index - co.CellNames.Length];

    private static PyException UnboundDeref(CodeObject co, int index)
    {
        var name = DerefName(co, index);
        if (index < co.CellNames.Length)
            return Err.Make(Types.UnboundLocalError, $"cannot access local variable '{name}' where it is not associated with a value");
        return Err.NameError($"cannot access free variable '{name}' where it is not associated with a value in enclosing scope");
    }

    /// <summary>The inline cache of an attribute instruction: what the class lookup gave for one type version.
    /// Immutable, so that a thread reading it while another replaces it sees one whole entry.</summary>
    private sealed class AttrCache(PyType type, int version, PyObject? descriptor)
    {
        public readonly PyType Type = type;
        public readonly int Version = version;
        public readonly PyObject? Descriptor = descriptor;
    }

    /// <summary>The class attribute for <paramref name="name"/> (borrowed), cached per instruction by type version.</summary>
    private static PyObject? ClassAttribute(CodeObject co, int pc, PyType type, PyStr name)
    {
        if (co.Caches[pc] is AttrCache c && ReferenceEquals(c.Type, type) && c.Version == type.Version) return c.Descriptor;
        int version = type.Version;
        var descriptor = type.Lookup(name);
        co.Caches[pc] = new AttrCache(type, version, descriptor);
        return descriptor;
    }

    /// <summary>The inline cache of a global load (immutable, as <see cref="AttrCache"/>).</summary>
    private sealed class GlobalCache(PyDict globals, PyDict builtins, int globalsVersion, int builtinsVersion, PyObject value)
    {
        public readonly PyDict Globals = globals, Builtins = builtins;
        public readonly int GlobalsVersion = globalsVersion, BuiltinsVersion = builtinsVersion;
        public readonly PyObject Value = value;
    }

    /// <summary>A global or builtin, cached per instruction until either dict changes (a borrowed reference).
    /// With the GIL only: the reference is borrowed from the dict.</summary>
    private static PyObject LoadGlobal(CodeObject co, int pc, PyDict globals, PyDict builtins, PyStr name)
    {
        if (co.Caches[pc] is GlobalCache c && ReferenceEquals(c.Globals, globals) && c.GlobalsVersion == globals.Version
            && ReferenceEquals(c.Builtins, builtins) && c.BuiltinsVersion == builtins.Version)
            return c.Value;
        int globalsVersion = globals.Version, builtinsVersion = builtins.Version;
        var v = globals.GetItemOrNull(name) ?? builtins.GetItemOrNull(name)
            ?? throw Err.NameError($"name '{name.Value}' is not defined");
        co.Caches[pc] = new GlobalCache(globals, builtins, globalsVersion, builtinsVersion, v);
        return v;
    }

    /// <summary>A global or builtin as a new reference, without the GIL: taken under the dict's lock, so that a
    /// thread rebinding the name cannot free the value between the lookup and the increment.</summary>
    private static PyObject LoadGlobalShared(ThreadState ts, PyDict globals, PyDict builtins, PyStr name) =>
        globals.GetItemNew(ts, name) ?? builtins.GetItemNew(ts, name)
        ?? throw Err.NameError($"name '{name.Value}' is not defined");
}

/// <summary>The eval loop's rarer instructions, kept out of the loop body.</summary>
internal static class EvalHelpers
{
    /// <summary>Whether a call with <paramref name="nargs"/> positional arguments binds by copying (defaults fill the rest).</summary>
    public static bool CanInlineCall(PyFunction fn, int nargs)
    {
        var co = fn.Code;
        if (!co.SimpleArgs || nargs > co.ArgCount) return false;
        return nargs == co.ArgCount || fn.Defaults is not null && nargs >= co.ArgCount - fn.Defaults.Count;
    }

    public static void DictMerge(ThreadState ts, PyDict target, PyObject source, bool forCall, PyObject callable)
    {
        if (source is PyDict d)
        {
            int pos = 0;
            while (d.Next(ref pos, out var k, out var v))
            {
                if (forCall)
                {
                    if (k is not PyStr) throw Err.TypeError($"{CallableName(callable)} keywords must be strings");
                    if (target.GetItemOrNull(ts, k) is not null)
                        throw Err.TypeError($"{CallableName(callable)} got multiple values for keyword argument '{((PyStr)k).Value}'");
                }
                target.SetItem(ts, k, v);
            }
            return;
        }
        var keysMethod = Ops.TryGetAttr(ts, source, ts.Interp.Intern("keys"));
        if (keysMethod is null)
            throw Err.TypeError(forCall ? $"{CallableName(callable)} argument after ** must be a mapping, not {source.Type.Name}"
                : $"'{source.Type.Name}' object is not a mapping");
        try
        {
            var keys = Ops.Call0(ts, keysMethod);
            try
            {
                foreach (var k in Ops.ToArray(ts, keys))
                {
                    try
                    {
                        var v = Ops.GetItem(ts, source, k);
                        target.SetItem(ts, k, v);
                        Rc.Decref(ts, v);
                    }
                    finally { Rc.Decref(ts, k); }
                }
            }
            finally { Rc.Decref(ts, keys); }
        }
        finally { Rc.Decref(ts, keysMethod); }
    }

    private static string CallableName(PyObject? callable) => callable switch
    {
        PyFunction f => ((PyStr)f.QualName).Value + "()",
        PyBuiltinFunction b => b.Name + "()",
        PyType t => t.Name + "()",
        _ => "function",
    };

    /// <summary>Unpacks exactly <paramref name="before"/> items, or with a star target before+after and a list between.
    /// Returns owned references in order.</summary>
    public static PyObject[] Unpack(ThreadState ts, PyObject seq, int before, int after)
    {
        PyObject[] items;
        try { items = Ops.ToArray(ts, seq); }
        catch (PyException e) when (e.Value.Type == Types.TypeError && !Ops.IsIterable(seq))
        {
            Rc.Decref(ts, e.Value);
            throw Err.TypeError($"cannot unpack non-iterable {seq.Type.Name} object");
        }
        if (after < 0)
        {
            if (items.Length == before) return items;
            foreach (var x in items) Rc.Decref(ts, x);
            if (items.Length > before) throw Err.ValueError($"too many values to unpack (expected {before})");
            throw Err.ValueError($"not enough values to unpack (expected {before}, got {items.Length})");
        }
        if (items.Length < before + after)
        {
            foreach (var x in items) Rc.Decref(ts, x);
            throw Err.ValueError($"not enough values to unpack (expected at least {before + after}, got {items.Length})");
        }
        var result = new PyObject[before + after + 1];
        Array.Copy(items, result, before);
        int middle = items.Length - before - after;
        var mid = new PyObject[Math.Max(middle, 1)];
        Array.Copy(items, before, mid, 0, middle);
        result[before] = PyList.FromOwned(mid, middle);
        Array.Copy(items, before + middle, result, before + 1, after);
        return result;
    }

    public static PyObject FormatValue(ThreadState ts, PyObject value, int conversion, PyObject? spec)
    {
        PyObject converted = conversion switch
        {
            1 => Ops.Str(ts, value),
            2 => Ops.Repr(ts, value),
            3 => new PyStr(BuiltinFunctions.Ascii(Ops.ReprString(ts, value))),
            _ => Rc.New(ts, value),
        };
        try
        {
            string specText = spec is null ? "" : ((PyStr)spec).Value;
            if (specText.Length == 0 && converted is PyStr) return Rc.New(ts, converted);
            return Ops.Format(ts, converted, specText);
        }
        finally { Rc.Decref(ts, converted); }
    }

    public static PyObject CallEx(ThreadState ts, PyObject callable, PyObject args, PyObject? kwargs)
    {
        PyObject[] positional;
        if (args is PyTuple t) { positional = t.Items; }
        else
        {
            try { positional = Ops.ToArray(ts, args); }
            catch (PyException e) when (e.Value.Type == Types.TypeError && !Ops.IsIterable(args))
            {
                Rc.Decref(ts, e.Value);
                throw Err.TypeError($"{CallableName(callable)} argument after * must be an iterable, not {args.Type.Name}");
            }
        }
        try
        {
            if (kwargs is null || kwargs is PyDict { Count: 0 }) return Ops.Call(ts, callable, positional);
            var dict = (PyDict)kwargs;
            var all = new PyObject[positional.Length + dict.Count];
            Array.Copy(positional, all, positional.Length);
            var kwNames = new PyObject[dict.Count];
            int pos = 0, i = 0;
            while (dict.Next(ref pos, out var k, out var v))
            {
                if (k is not PyStr) throw Err.TypeError($"{CallableName(callable)} keywords must be strings");
                all[positional.Length + i] = v;
                kwNames[i++] = k;
                Rc.Incref(ts, k);
            }
            var names = new PyTuple(kwNames);
            try { return Ops.Call(ts, callable, new Args(all, names)); }
            finally { Rc.Decref(ts, names); }
        }
        finally
        {
            if (args is not PyTuple) foreach (var x in positional) Rc.Decref(ts, x);
        }
    }

    /// <summary>The exception a raise statement raises: an instance, or a class called with no arguments.</summary>
    public static PyBaseException MakeException(ThreadState ts, PyObject exc, PyObject? cause)
    {
        PyBaseException result;
        if (exc is PyType t)
        {
            if (!t.IsSubtypeOf(Types.BaseException)) throw Err.TypeError("exceptions must derive from BaseException");
            var made = Ops.Call0(ts, t);
            if (made is not PyBaseException e)
            {
                Rc.Decref(ts, made);
                throw Err.TypeError($"calling {t.Name} should have returned an instance of BaseException, not {made.Type.Name}");
            }
            result = e;
        }
        else if (exc is PyBaseException e)
        {
            Rc.Incref(ts, e);
            result = e;
        }
        else throw Err.TypeError("exceptions must derive from BaseException");
        if (cause is not null)
        {
            if (cause is PyType ct)
            {
                if (!ct.IsSubtypeOf(Types.BaseException)) throw Err.TypeError("exception causes must derive from BaseException");
                var c = Ops.Call0(ts, ct);
                result.SetCause(ts, c);
                Rc.Decref(ts, c);
            }
            else if (cause is PyBaseException || cause is PyNone) result.SetCause(ts, cause);
            else throw Err.TypeError("exception causes must derive from BaseException");
        }
        return result;
    }

    public static bool ExceptionMatches(PyObject exc, PyObject type)
    {
        if (type is PyTuple tuple)
        {
            foreach (var t in tuple.Items) if (ExceptionMatches(exc, t)) return true;
            return false;
        }
        if (type is PyType pt && pt.IsSubtypeOf(Types.BaseException)) return exc.Type.IsSubtypeOf(pt);
        throw Err.TypeError("catching classes that do not inherit from BaseException is not allowed");
    }

    /// <summary>GET_AWAITABLE: the iterator an await drives (a new reference; <paramref name="o"/> is borrowed).</summary>
    public static PyObject GetAwaitable(ThreadState ts, PyObject o)
    {
        if (o.Type == Types.Coroutine || o is PyAsyncGenAwaitable) return Rc.New(ts, o);
        var await = o.Type == Types.Generator ? null : o.Type.Lookup(Types.Strs.Await);
        if (await is null) throw Err.TypeError($"'{o.Type.Name}' object can't be awaited");
        var it = Ops.CallDunder(ts, await, o);
        if (it.Type == Types.Coroutine || it.Type.Lookup(Types.Strs.Next) is null && it is not PyGenerator)
        {
            var name = it.Type.Name;
            Rc.Decref(ts, it);
            throw Err.TypeError($"__await__() returned {(name == "coroutine" ? "a coroutine" : $"non-iterator of type '{name}'")}");
        }
        return it;
    }

    /// <summary>GET_AITER: aiterable.__aiter__().</summary>
    public static PyObject GetAIter(ThreadState ts, PyObject o)
    {
        var aiter = o.Type.Lookup(Types.Strs.AIter)
                    ?? throw Err.TypeError($"'async for' requires an object with __aiter__ method, got {o.Type.Name}");
        return Ops.CallDunder(ts, aiter, o);
    }

    /// <summary>GET_ANEXT: the awaitable of aiterator.__anext__().</summary>
    public static PyObject GetANext(ThreadState ts, PyObject aiter)
    {
        var anext = aiter.Type.Lookup(Types.Strs.ANext)
                    ?? throw Err.TypeError($"'async for' requires an iterator with __anext__ method, got {aiter.Type.Name}");
        var r = Ops.CallDunder(ts, anext, aiter);
        try { return GetAwaitable(ts, r); }
        finally { Rc.Decref(ts, r); }
    }

    /// <summary>BEFORE_WITH / BEFORE_ASYNC_WITH: the bound exit method and the result of calling enter
    /// (for async with, the awaitable of __aenter__()).</summary>
    public static (PyObject Exit, PyObject Entered) EnterWith(ThreadState ts, PyObject mgr, bool isAsync)
    {
        var enter = mgr.Type.Lookup(isAsync ? Types.Strs.AEnter : Types.Strs.Enter);
        var exit = mgr.Type.Lookup(isAsync ? Types.Strs.AExit : Types.Strs.Exit);
        if (enter is null || exit is null)
            throw Err.TypeError($"'{mgr.Type.Name}' object does not support the {(isAsync ? "asynchronous " : "")}context manager protocol");
        var boundExit = exit is PyFunction ? new PyMethod(ts, exit, mgr) : exit.DescriptorGet(ts, mgr, mgr.Type) ?? Rc.New(ts, exit);
        try { return (boundExit, Ops.CallDunder(ts, enter, mgr)); }
        catch
        {
            Rc.Decref(ts, boundExit);
            throw;
        }
    }

    /// <summary>exit(type, value, traceback), or exit(None, None, None) when <paramref name="exc"/> is null.</summary>
    public static PyObject CallExit(ThreadState ts, PyObject exit, PyBaseException? exc)
    {
        var buf = new PyObject[3];
        if (exc is null) buf[0] = buf[1] = buf[2] = Types.None;
        else
        {
            buf[0] = exc.Type;
            buf[1] = exc;
            buf[2] = (PyObject?)exc.Traceback ?? Types.None;
        }
        return Ops.Call(ts, exit, buf);
    }

    /// <summary>The value a StopIteration carries (a new reference), releasing the exception.</summary>
    public static PyObject TakeStopIterationValue(ThreadState ts, PyBaseException stop)
    {
        var v = stop.Args.Count > 0 ? Rc.New(ts, stop.Args.Items[0]) : Types.None;
        Rc.Decref(ts, stop);
        return v;
    }

    /// <summary>One step of yield from: sends <paramref name="sent"/> into the subiterator. When it finishes,
    /// <paramref name="done"/> is set and its return value is returned; otherwise the value it yielded.</summary>
    public static PyObject SendToSubiterator(ThreadState ts, PyObject it, PyObject sent, out bool done)
    {
        if (it is PyAsyncGenAwaitable awaitable)
        {
            var r = awaitable.Step(ts, sent, null, out done);
            if (r is null) throw ts.TakeException();
            return r;
        }
        if (it is PyGenerator g)
        {
            var r = g.Resume(ts, sent, out bool returned);
            if (r is null) throw ts.TakeException();
            done = returned;
            return r;
        }
        PyObject? y;
        if (sent is PyNone) y = Ops.Next(ts, it);
        else
        {
            var send = Ops.TryGetAttr(ts, it, ts.Interp.Intern("send"))
                ?? throw Err.AttributeError($"'{it.Type.Name}' object has no attribute 'send'");
            try { y = Ops.Call1(ts, send, sent); }
            catch (PyException e) when (e.Value.Type.IsSubtypeOf(Types.StopIteration))
            {
                done = true;
                return TakeStopIterationValue(ts, e.Value);
            }
            finally { Rc.Decref(ts, send); }
        }
        if (y is null)
        {
            done = true;
            return Types.None;
        }
        done = false;
        return y;
    }
}
