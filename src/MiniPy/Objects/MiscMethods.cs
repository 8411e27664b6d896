using System;
using System.Numerics;
using MiniPy.Compiler;
using MiniPy.Modules;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>The smaller built-in types: range, slice, functions and methods, generators, descriptors, iterators.</summary>
internal static class MiscMethods
{
    public static void Register()
    {
        RegisterRange();
        RegisterFunctions();
        RegisterDescriptors();
        RegisterIterators();
        Types.NoneType.New = (ThreadState ts, PyType cls, in Args a) => { a.Check("NoneType", 0, 0); return Types.None; };
        Reg.Slots(Types.NoneType, "__repr__", "__bool__");
        Reg.Slots(Types.EllipsisType, "__repr__");
        Reg.Slots(Types.NotImplementedType, "__repr__");
        Reg.GetSet(Types.Cell, "cell_contents", (ts, self) =>
            ((PyCell)self).Load(ts) ?? throw Err.ValueError("Cell is empty"));
        Reg.GetSet(Types.Code, "co_name", (ts, self) => new PyStr(((CodeObject)self).Name));
        Reg.GetSet(Types.Code, "co_qualname", (ts, self) => new PyStr(((CodeObject)self).QualName));
        Reg.GetSet(Types.Code, "co_filename", (ts, self) => new PyStr(((CodeObject)self).Filename));
        Reg.GetSet(Types.Code, "co_firstlineno", (ts, self) => ts.NewInt(((CodeObject)self).FirstLine));
        Reg.GetSet(Types.Code, "co_argcount", (ts, self) => ts.NewInt(((CodeObject)self).ArgCount));
        Reg.GetSet(Types.Code, "co_posonlyargcount", (ts, self) => ts.NewInt(((CodeObject)self).PosOnlyCount));
        Reg.GetSet(Types.Code, "co_kwonlyargcount", (ts, self) => ts.NewInt(((CodeObject)self).KwOnlyCount));
        Reg.GetSet(Types.Code, "co_flags", (ts, self) => ts.NewInt(CPythonFlags((CodeObject)self)));
        Reg.GetSet(Types.Code, "co_varnames", (ts, self) =>
        {
            var names = ((CodeObject)self).LocalNames;
            var items = new PyObject[names.Length];
            for (int i = 0; i < names.Length; i++) items[i] = new PyStr(names[i]);
            return ts.NewTuple(items);
        });
        Reg.GetSet(Types.Traceback, "tb_lineno", (ts, self) => ts.NewInt(((PyTraceback)self).Line));
        Reg.GetSet(Types.Traceback, "tb_next", (ts, self) => Rc.New(ts, (PyObject?)((PyTraceback)self).NextEntry ?? Types.None));
        Reg.Method(Types.Module, "__dir__", (ThreadState ts, PyObject? self, in Args a) => BuiltinFunctions.Dir(ts, self!));
        Reg.Slots(Types.Module, "__repr__");
    }

    private static void RegisterRange()
    {
        var t = Types.Range;
        t.New = (ThreadState ts, PyType cls, in Args a) =>
        {
            a.Check("range", 1, 3);
            BigInteger Arg(PyObject o) => IntOps.IsInt(o) ? IntOps.Big(o) : Ops.AsIndex(ts, o);
            BigInteger start = 0, stop, step = 1;
            if (a.Count == 1) stop = Arg(a[0]);
            else
            {
                start = Arg(a[0]);
                stop = Arg(a[1]);
                if (a.Count == 3) step = Arg(a[2]);
            }
            if (step.IsZero) throw Err.ValueError("range() arg 3 must not be zero");
            return PyBigRange.Make(start, stop, step);
        };
        Reg.Slots(t, "__repr__", "__len__", "__getitem__", "__contains__", "__iter__", "__eq__", "__ne__", "__hash__", "__bool__");
        Reg.GetSet(t, "start", (ts, self) => self is PyRange r ? ts.NewInt(r.Start) : IntOps.Make(ts, ((PyBigRange)self).Start));
        Reg.GetSet(t, "stop", (ts, self) => self is PyRange r ? ts.NewInt(r.Stop) : IntOps.Make(ts, ((PyBigRange)self).Stop));
        Reg.GetSet(t, "step", (ts, self) => self is PyRange r ? ts.NewInt(r.Step) : IntOps.Make(ts, ((PyBigRange)self).Step));
        Reg.Method(t, "count", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("range.count", 1, 1);
            if (IntOps.IsInt(a[0]) && !a[0].Type.IsHeap) return ts.NewInt(self!.Contains(ts, a[0]) ? 1 : 0);
            // Anything else equal to an item (1.0, a class with __eq__) is counted by comparing, as in CPython.
            long n = 0;
            var it = self!.Iter(ts);
            try
            {
                while (it.Next(ts) is { } item)
                {
                    try { if (Ops.EqualsBool(ts, item, a[0])) n++; }
                    finally { Rc.Decref(ts, item); }
                }
            }
            finally { Rc.Decref(ts, it); }
            return ts.NewInt(n);
        });
        Reg.Method(t, "index", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("range.index", 1, 1);
            if (IntOps.IsInt(a[0]) && !a[0].Type.IsHeap)
            {
                var v = IntOps.Big(a[0]);
                BigInteger i = self is PyBigRange b ? b.IndexOf(v) : ((PyRange)self!).Contains(ts, a[0]) ? (v - ((PyRange)self).Start) / ((PyRange)self).Step : -1;
                if (i < 0) throw Err.ValueError($"{Ops.ReprString(ts, a[0])} is not in range");
                return IntOps.Make(ts, i);
            }
            long n = 0;
            var it = self!.Iter(ts);
            try
            {
                while (it.Next(ts) is { } item)
                {
                    bool equal;
                    try { equal = Ops.EqualsBool(ts, item, a[0]); }
                    finally { Rc.Decref(ts, item); }
                    if (equal) return ts.NewInt(n);
                    n++;
                }
            }
            finally { Rc.Decref(ts, it); }
            throw Err.ValueError($"{Ops.ReprString(ts, a[0])} is not in range");
        });
        Reg.Method(t, "__reversed__", (ThreadState ts, PyObject? self, in Args a) =>
        {
            if (self is PyBigRange b)
                return b.Count.IsZero ? new PyRangeIterator(0, 1, 0) : new PyBigRangeIterator(b.At(b.Count - 1), -b.Step, b.Count);
            var r = (PyRange)self!;
            return r.Count == 0 ? new PyRangeIterator(0, 1, 0) : new PyRangeIterator(r.At(r.FullCount - 1), -r.Step, r.Count);
        });

        var sl = Types.Slice;
        sl.New = (ThreadState ts, PyType cls, in Args a) =>
        {
            a.Check("slice", 1, 3);
            PyObject start = Types.None, stop, step = Types.None;
            if (a.Count == 1) stop = a[0];
            else
            {
                start = a[0];
                stop = a[1];
                if (a.Count == 3) step = a[2];
            }
            Rc.Incref(ts, start);
            Rc.Incref(ts, stop);
            Rc.Incref(ts, step);
            return new PySlice(start, stop, step);
        };
        Reg.Slots(sl, "__repr__", "__eq__", "__ne__");
        Reg.GetSet(sl, "start", (ts, self) => Rc.New(ts, ((PySlice)self).Start));
        Reg.GetSet(sl, "stop", (ts, self) => Rc.New(ts, ((PySlice)self).Stop));
        Reg.GetSet(sl, "step", (ts, self) => Rc.New(ts, ((PySlice)self).Step));
        Reg.Method(sl, "indices", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var (start, stop, step, _) = ((PySlice)self!).Indices(ts, Ops.AsLong(ts, a[0]));
            return ts.NewTuple(new[] { ts.NewInt(start), ts.NewInt(stop), ts.NewInt(step) });
        });
    }

    private static void RegisterFunctions()
    {
        var f = Types.Function;
        Reg.GetSet(f, "__name__", (ts, self) => Rc.New(ts, ((PyFunction)self).Name), (ts, self, v) =>
        {
            var fn = (PyFunction)self;
            if (v is not PyStr) throw Err.TypeError("__name__ must be set to a string object");
            var old = fn.Name;
            fn.Name = Rc.New(ts, v);
            Rc.Decref(ts, old);
        });
        Reg.GetSet(f, "__qualname__", (ts, self) => Rc.New(ts, ((PyFunction)self).QualName), (ts, self, v) =>
        {
            var fn = (PyFunction)self;
            if (v is not PyStr) throw Err.TypeError("__qualname__ must be set to a string object");
            var old = fn.QualName;
            fn.QualName = Rc.New(ts, v);
            Rc.Decref(ts, old);
        });
        Reg.GetSet(f, "__doc__", (ts, self) => Rc.New(ts, ((PyFunction)self).Doc), (ts, self, v) =>
        {
            var fn = (PyFunction)self;
            var old = fn.Doc;
            fn.Doc = Rc.New(ts, v ?? Types.None);
            Rc.Decref(ts, old);
        });
        Reg.GetSet(f, "__module__", (ts, self) => Rc.New(ts, ((PyFunction)self).Module), (ts, self, v) =>
        {
            var fn = (PyFunction)self;
            var old = fn.Module;
            fn.Module = Rc.New(ts, v ?? Types.None);
            Rc.Decref(ts, old);
        });
        Reg.GetSet(f, "__defaults__", (ts, self) => Rc.New(ts, (PyObject?)((PyFunction)self).Defaults ?? Types.None), (ts, self, v) =>
        {
            var fn = (PyFunction)self;
            var old = fn.Defaults;
            fn.Defaults = v is PyTuple t ? Rc.New(ts, t) : v is null or PyNone ? null : throw Err.TypeError("__defaults__ must be set to a tuple object");
            Rc.XDecref(ts, old);
        });
        Reg.GetSet(f, "__kwdefaults__", (ts, self) => Rc.New(ts, (PyObject?)((PyFunction)self).KwDefaults ?? Types.None));
        Reg.GetSet(f, "__code__", (ts, self) => Rc.New(ts, (PyObject)((PyFunction)self).Code));
        Reg.GetSet(f, "__globals__", (ts, self) => Rc.New(ts, (PyObject)((PyFunction)self).Globals));
        Reg.GetSet(f, "__closure__", (ts, self) => Rc.New(ts, (PyObject?)((PyFunction)self).Closure ?? Types.None));
        Reg.GetSet(f, "__dict__", (ts, self) => Rc.New(ts, (PyObject)((PyFunction)self).InstanceDict!));
        Reg.GetSet(f, "__annotations__", (ts, self) => new PyDict());
        Reg.Slots(f, "__repr__", "__call__");
        Reg.Method(f, "__get__", (ThreadState ts, PyObject? self, in Args a) =>
            a[0] is PyNone ? Rc.New(ts, self!) : new PyMethod(ts, self!, a[0]));

        var m = Types.Method;
        Reg.GetSet(m, "__func__", (ts, self) => Rc.New(ts, ((PyMethod)self).Function));
        Reg.GetSet(m, "__self__", (ts, self) => Rc.New(ts, ((PyMethod)self).Self));
        Reg.GetSet(m, "__name__", (ts, self) => Ops.GetAttr(ts, ((PyMethod)self).Function, Types.Strs.Name));
        Reg.GetSet(m, "__qualname__", (ts, self) => Ops.GetAttr(ts, ((PyMethod)self).Function, Types.Strs.QualName));
        Reg.GetSet(m, "__doc__", (ts, self) => Ops.GetAttr(ts, ((PyMethod)self).Function, Types.Strs.Doc));
        Reg.Slots(m, "__repr__", "__call__", "__eq__", "__ne__", "__hash__");

        var b = Types.BuiltinFunction;
        Reg.GetSet(b, "__name__", (ts, self) => new PyStr(((PyBuiltinFunction)self).Name));
        Reg.GetSet(b, "__qualname__", (ts, self) => new PyStr(((PyBuiltinFunction)self).Name));
        Reg.GetSet(b, "__self__", (ts, self) => Rc.New(ts, ((PyBuiltinFunction)self).Self ?? Types.None));
        Reg.GetSet(b, "__doc__", (ts, self) => Types.None);
        Reg.Slots(b, "__repr__", "__call__");
        var md = Types.MethodDescriptor;
        Reg.GetSet(md, "__name__", (ts, self) => new PyStr(((PyMethodDescriptor)self).Name));
        Reg.GetSet(md, "__qualname__", (ts, self) => new PyStr(((PyMethodDescriptor)self).Owner.Name + "." + ((PyMethodDescriptor)self).Name));
        Reg.Slots(md, "__repr__", "__call__");

        Reg.Slots(Types.Generator, "__iter__", "__next__", "__repr__");
        // Generators and coroutines are one object kind: the same send, throw and close.
        foreach (var g in new[] { Types.Generator, Types.Coroutine })
        {
            Reg.Method(g, "send", (ThreadState ts, PyObject? self, in Args a) => { a.Check("send", 1, 1); return ((PyGenerator)self!).Send(ts, a[0]); });
            Reg.Method(g, "throw", (ThreadState ts, PyObject? self, in Args a) =>
            {
                a.Check("throw", 1, 3);
                var exc = ThrownException(ts, a);
                try { return ((PyGenerator)self!).Throw(ts, exc); }
                finally { Rc.Decref(ts, exc); }
            });
            Reg.Method(g, "close", (ThreadState ts, PyObject? self, in Args a) => { ((PyGenerator)self!).Close(ts); return Types.None; });
        }
        RegisterCoroutines();
    }

    /// <summary>The exception object a throw()/athrow() argument stands for (a new reference).</summary>
    private static PyBaseException ThrownException(ThreadState ts, in Args a)
    {
        if (a[0] is PyType t) return EvalHelpers.MakeException(ts, t, a.Count > 1 && a[1] is not PyNone ? a[1] : null);
        var exc = a[0] as PyBaseException ?? throw Err.TypeError("exceptions must derive from BaseException");
        Rc.Incref(ts, exc);
        return exc;
    }

    /// <summary>co_flags with CPython's bit values (CO_OPTIMIZED, CO_NEWLOCALS, CO_VARARGS, CO_VARKEYWORDS,
    /// CO_NESTED, CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR), which inspect-style checks test.</summary>
    private static int CPythonFlags(CodeObject code)
    {
        int flags = 0;
        if ((code.CoFlags & CodeFlags.NameScope) == 0) flags |= 0x1 | 0x2;
        if ((code.CoFlags & CodeFlags.VarArgs) != 0) flags |= 0x4;
        if ((code.CoFlags & CodeFlags.VarKeywords) != 0) flags |= 0x8;
        if (code.FreeNames.Length > 0) flags |= 0x10;
        if (code.IsAsyncGenerator) flags |= 0x200;
        else if (code.IsCoroutine) flags |= 0x80;
        else if ((code.CoFlags & CodeFlags.Generator) != 0) flags |= 0x20;
        return flags;
    }

    private static void RegisterCoroutines()
    {
        var c = Types.Coroutine;
        Reg.Slots(c, "__repr__");
        // A coroutine is its own awaitable iterator (CPython wraps it; the protocol is the same).
        Reg.Method(c, "__await__", (ThreadState ts, PyObject? self, in Args a) => Rc.New(ts, self!));
        Reg.Method(c, "__next__", (ThreadState ts, PyObject? self, in Args a) => ((PyGenerator)self!).Send(ts, Types.None));
        Reg.GetSet(c, "__name__", (ts, self) => Rc.New(ts, ((PyGenerator)self).Name));
        Reg.GetSet(c, "__qualname__", (ts, self) => Rc.New(ts, ((PyGenerator)self).QualName));
        Reg.GetSet(c, "cr_running", (ts, self) => PyBool.Of(!((PyGenerator)self).IsFinished && !((PyGenerator)self).IsSuspended && !((PyGenerator)self).CanRunInline));

        var ag = Types.AsyncGenerator;
        Reg.Slots(ag, "__repr__");
        Reg.Method(ag, "__aiter__", (ThreadState ts, PyObject? self, in Args a) => Rc.New(ts, self!));
        Reg.Method(ag, "__anext__", (ThreadState ts, PyObject? self, in Args a) =>
            new PyAsyncGenAwaitable(ts, (PyGenerator)self!, PyAsyncGenAwaitable.Mode.Send, Types.None, null));
        Reg.Method(ag, "asend", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("asend", 1, 1);
            return new PyAsyncGenAwaitable(ts, (PyGenerator)self!, PyAsyncGenAwaitable.Mode.Send, Rc.New(ts, a[0]), null);
        });
        Reg.Method(ag, "athrow", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("athrow", 1, 3);
            return new PyAsyncGenAwaitable(ts, (PyGenerator)self!, PyAsyncGenAwaitable.Mode.Throw, null, ThrownException(ts, a));
        });
        Reg.Method(ag, "aclose", (ThreadState ts, PyObject? self, in Args a) =>
            new PyAsyncGenAwaitable(ts, (PyGenerator)self!, PyAsyncGenAwaitable.Mode.Close, null, new PyBaseException(Types.GeneratorExit)));
        Reg.GetSet(ag, "__name__", (ts, self) => Rc.New(ts, ((PyGenerator)self).Name));
        Reg.GetSet(ag, "__qualname__", (ts, self) => Rc.New(ts, ((PyGenerator)self).QualName));

        var aw = Types.AsyncGenAwaitable;
        Reg.Slots(aw, "__iter__", "__next__");
        Reg.Method(aw, "__await__", (ThreadState ts, PyObject? self, in Args a) => Rc.New(ts, self!));
        Reg.Method(aw, "send", (ThreadState ts, PyObject? self, in Args a) => { a.Check("send", 1, 1); return ((PyAsyncGenAwaitable)self!).Send(ts, a[0], null); });
        Reg.Method(aw, "throw", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("throw", 1, 3);
            return ((PyAsyncGenAwaitable)self!).Send(ts, Types.None, ThrownException(ts, a));
        });
        Reg.Method(aw, "close", (ThreadState ts, PyObject? self, in Args a) => Types.None);
    }

    private static void RegisterDescriptors()
    {
        var p = Types.Property;
        p.New = (ThreadState ts, PyType cls, in Args a) =>
        {
            a.CheckKeywords("property", "fget", "fset", "fdel", "doc");
            return new PyProperty(ts, a.Get(0, "fget"), a.Get(1, "fset"), a.Get(2, "fdel"), a.Get(3, "doc"));
        };
        Reg.GetSet(p, "fget", (ts, self) => Rc.New(ts, ((PyProperty)self).Getter ?? Types.None));
        Reg.GetSet(p, "fset", (ts, self) => Rc.New(ts, ((PyProperty)self).Setter ?? Types.None));
        Reg.GetSet(p, "fdel", (ts, self) => Rc.New(ts, ((PyProperty)self).Deleter ?? Types.None));
        Reg.GetSet(p, "__doc__", (ts, self) => Rc.New(ts, ((PyProperty)self).Doc ?? Types.None));
        Reg.Method(p, "getter", (ThreadState ts, PyObject? self, in Args a) => { var s = (PyProperty)self!; return new PyProperty(ts, a[0], s.Setter, s.Deleter, s.Doc); });
        Reg.Method(p, "setter", (ThreadState ts, PyObject? self, in Args a) => { var s = (PyProperty)self!; return new PyProperty(ts, s.Getter, a[0], s.Deleter, s.Doc); });
        Reg.Method(p, "deleter", (ThreadState ts, PyObject? self, in Args a) => { var s = (PyProperty)self!; return new PyProperty(ts, s.Getter, s.Setter, a[0], s.Doc); });
        Reg.Method(p, "__get__", (ThreadState ts, PyObject? self, in Args a) =>
            self!.DescriptorGet(ts, a[0] is PyNone ? null : a[0], a.Count > 1 && a[1] is PyType t ? t : a[0].Type)!);
        Reg.Method(p, "__set__", (ThreadState ts, PyObject? self, in Args a) => { self!.DescriptorSet(ts, a[0], a[1]); return Types.None; });
        Reg.Method(p, "__delete__", (ThreadState ts, PyObject? self, in Args a) => { self!.DescriptorSet(ts, a[0], null); return Types.None; });

        foreach (var (t, isClass) in new[] { (Types.StaticMethod, false), (Types.ClassMethod, true) })
        {
            t.New = (ThreadState ts, PyType cls, in Args a) => { a.Check(cls.Name, 1, 1); return new PyMethodWrapper(ts, a[0], isClass); };
            Reg.GetSet(t, "__func__", (ts, self) => Rc.New(ts, ((PyMethodWrapper)self).Function));
            Reg.GetSet(t, "__wrapped__", (ts, self) => Rc.New(ts, ((PyMethodWrapper)self).Function));
            Reg.Method(t, "__get__", (ThreadState ts, PyObject? self, in Args a) =>
                self!.DescriptorGet(ts, a[0] is PyNone ? null : a[0], a.Count > 1 && a[1] is PyType owner ? owner : a[0].Type)!);
        }

        var sup = Types.Super;
        sup.New = (ThreadState ts, PyType cls, in Args a) =>
        {
            if (a.Count == 2)
                return new PySuper(ts, a[0] as PyType ?? throw Err.TypeError("super() argument 1 must be a type"), a[1]);
            if (a.Count != 0) throw Err.TypeError("super() takes 0 or 2 arguments");
            var f = ts.CurrentFrame ?? throw Err.RuntimeError("super(): no current frame");
            var co = f.Code;
            if (co.ArgCount == 0) throw Err.RuntimeError("super(): no arguments");
            PyObject? first = f.Slots[f.Base].V;
            int cellIndex = Array.IndexOf(co.CellNames, co.LocalNames[0]);
            if (cellIndex >= 0 && f.Slots[f.Base + co.NLocals + cellIndex].V is PyCell c) first = c.Contents;
            if (first is null) throw Err.RuntimeError("super(): arg[0] deleted");
            int classIndex = Array.IndexOf(co.FreeNames, "__class__");
            if (classIndex < 0) throw Err.RuntimeError("super(): __class__ cell not found");
            var cell = (PyCell)f.Slots[f.Base + co.NLocals + co.CellNames.Length + classIndex].V;
            if (cell.Contents is not PyType thisType) throw Err.RuntimeError("super(): empty __class__ cell");
            return new PySuper(ts, thisType, first);
        };
        Reg.Slots(sup, "__repr__");
        Reg.GetSet(sup, "__self__", (ts, self) => Rc.New(ts, ((PySuper)self).Obj));
        Reg.GetSet(sup, "__thisclass__", (ts, self) => Rc.New(ts, (PyObject)((PySuper)self).ThisType));
    }

    private static void RegisterIterators()
    {
        foreach (var t in new[] { Types.StrIterator, Types.SeqIterator, Types.DictIterator, Types.SetIterator, Types.RangeIterator,
                     Types.Enumerate, Types.Zip, Types.Map, Types.Filter, Types.Reversed, Types.BytesIterator, Types.CallableIterator })
            Reg.Slots(t, "__iter__", "__next__");
        Types.Enumerate.New = (ThreadState ts, PyType cls, in Args a) =>
        {
            a.CheckKeywords("enumerate", "iterable", "start");
            var it = a.Get(0, "iterable") ?? throw Err.TypeError("enumerate() missing required argument 'iterable'");
            long start = a.Get(1, "start") is { } s ? Ops.AsLong(ts, s) : 0;
            return new PyEnumerate(ts, Ops.GetIter(ts, it), start);
        };
        Types.Zip.New = (ThreadState ts, PyType cls, in Args a) =>
        {
            a.CheckKeywords("zip", "strict");
            var its = new PyObject[a.Count];
            int made = 0;
            try
            {
                for (; made < a.Count; made++)
                {
                    try { its[made] = Ops.GetIter(ts, a[made]); }
                    catch (PyException e) when (e.Value.Type == Types.TypeError)
                    {
                        Rc.Decref(ts, e.Value);
                        throw Err.TypeError($"'{a[made].Type.Name}' object is not iterable");
                    }
                }
            }
            catch
            {
                for (int i = 0; i < made; i++) Rc.Decref(ts, its[i]);
                throw;
            }
            return new PyZip(its, a.Kw("strict") is { } st && Ops.IsTrue(ts, st));
        };
        Types.Map.New = (ThreadState ts, PyType cls, in Args a) =>
        {
            if (a.Count < 2) throw Err.TypeError("map() must have at least two arguments.");
            var its = new PyObject[a.Count - 1];
            for (int i = 1; i < a.Count; i++) its[i - 1] = Ops.GetIter(ts, a[i]);
            return new PyMap(ts, a[0], its);
        };
        Types.Filter.New = (ThreadState ts, PyType cls, in Args a) =>
        {
            a.Check("filter", 2, 2);
            return new PyFilter(ts, a[0], Ops.GetIter(ts, a[1]));
        };
        Types.Reversed.New = (ThreadState ts, PyType cls, in Args a) =>
        {
            a.Check("reversed", 1, 1);
            var seq = a[0];
            if (seq.Type.IsHeap && seq.Type.Lookup(Types.Strs.Reversed) is { } rm) return Ops.CallDunder(ts, rm, seq);
            if (!seq.Type.IsHeap && seq.Type.Lookup(Types.Strs.Reversed) is PyMethodDescriptor d) return d.Fn(ts, seq, default);
            if (seq is PyDict or PySet || !(seq.HasLength || seq.Type.Lookup(Types.Strs.Len) is not null) || seq.Type.Lookup(Types.Strs.GetItem) is null)
                throw Err.TypeError($"'{seq.Type.Name}' object is not reversible");
            return new PyReversed(ts, seq, Ops.Length(ts, seq));
        };
    }
}
