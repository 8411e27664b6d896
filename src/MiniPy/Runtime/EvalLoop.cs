using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Unsafe = System.Runtime.CompilerServices.Unsafe;
using MiniPy.Compiler;
using MiniPy.Memory;
using MiniPy.Objects;

namespace MiniPy.Runtime;

internal static partial class Eval
{
    [SkipLocalsInit]
    private static PyObject? Loop<TRc>(ThreadState ts, Frame entry) where TRc : struct, IRefCounting
    {
        Frame f = entry;
        bool reraise = false;
        bool pending = ts.CurrentException is not null; // a generator's throw() resumes with an exception
        while (true)
        {
            if (pending)
            {
                pending = false;
                var handlerFrame = Unwind<TRc>(ts, f, reraise);
                if (handlerFrame is null) return null;
                f = handlerFrame;
                reraise = false;
            }
            CodeObject co = f.Code;
            int[] code = co.Instructions;
            PyObject[] consts = co.Consts;
            PyStr[] names = co.Names;
            Slot[] s = f.Slots;
            int lb = f.Base;
            int sp = f.Sp;
            int pc = f.Pc;
            try
            {
                while (true)
                {
                    int instr = code[pc++];
                    // The frame always knows the instruction being run, so the catch below needs no loop locals
                    // (locals read by a handler cannot live in registers).
                    f.Pc = pc;
                    int arg = instr >> 8;
                    switch ((Opcode)(byte)instr)
                    {
                        case Opcode.Nop:
                            continue;
                        case Opcode.PopTop:
                        {
                            var o = s[--sp].V;
                            s[sp].V = null!;
                            if (o is not null) TRc.Decref(ts, o);
                            continue;
                        }
                        case Opcode.PushNull:
                            s[sp++].V = null!;
                            continue;
                        case Opcode.Copy:
                        {
                            var o = s[sp - arg].V;
                            TRc.Incref(ts, o);
                            s[sp++].V = o;
                            continue;
                        }
                        case Opcode.Swap:
                        {
                            var o = s[sp - 1].V;
                            s[sp - 1].V = s[sp - arg].V;
                            s[sp - arg].V = o;
                            continue;
                        }
                        case Opcode.LoadConst:
                        {
                            var o = consts[arg];
                            TRc.Incref(ts, o);
                            s[sp++].V = o;
                            continue;
                        }
                        case Opcode.LoadFast:
                        {
                            var o = s[lb + arg].V;
                            if (o is null) throw Unbound(co, arg);
                            TRc.Incref(ts, o);
                            s[sp++].V = o;
                            continue;
                        }
                        case Opcode.StoreFast:
                        {
                            var old = s[lb + arg].V;
                            s[lb + arg].V = s[--sp].V;
                            s[sp].V = null!;
                            if (old is not null) TRc.Decref(ts, old);
                            continue;
                        }
                        case Opcode.DeleteFast:
                        {
                            var old = s[lb + arg].V;
                            if (old is null) throw Unbound(co, arg);
                            s[lb + arg].V = null!;
                            TRc.Decref(ts, old);
                            continue;
                        }
                        case Opcode.MakeCell:
                        {
                            int ci = co.CellArgs[arg];
                            PyObject? init = null;
                            if (ci >= 0)
                            {
                                init = s[lb + ci].V;
                                if (init is not null) TRc.Incref(ts, init);
                            }
                            s[lb + co.NLocals + arg].V = new PyCell(init);
                            continue;
                        }
                        case Opcode.LoadClosure:
                        {
                            var cell = s[lb + co.NLocals + arg].V;
                            TRc.Incref(ts, cell);
                            s[sp++].V = cell;
                            continue;
                        }
                        case Opcode.LoadDeref:
                        {
                            var o = ((PyCell)s[lb + co.NLocals + arg].V).Load<TRc>(ts);
                            if (o is null) throw UnboundDeref(co, arg);
                            s[sp++].V = o;
                            continue;
                        }
                        case Opcode.LoadClassDeref:
                        {
                            var name = ts.Interp.Intern(DerefName(co, arg));
                            var o = f.Locals!.GetItemNew(ts, name) ?? ((PyCell)s[lb + co.NLocals + arg].V).Load<TRc>(ts);
                            if (o is null) throw UnboundDeref(co, arg);
                            s[sp++].V = o;
                            continue;
                        }
                        case Opcode.StoreDeref:
                        {
                            var value = s[--sp].V;
                            s[sp].V = null!;
                            var old = ((PyCell)s[lb + co.NLocals + arg].V).Exchange(ts, value);
                            if (old is not null) TRc.Decref(ts, old);
                            continue;
                        }
                        case Opcode.DeleteDeref:
                        {
                            var old = ((PyCell)s[lb + co.NLocals + arg].V).Exchange(ts, null);
                            if (old is null) throw UnboundDeref(co, arg);
                            TRc.Decref(ts, old);
                            continue;
                        }
                        case Opcode.LoadName:
                        {
                            var name = names[arg];
                            var o = f.Locals!.GetItemNew(ts, name) ?? f.Globals.GetItemNew(ts, name) ?? f.Builtins.GetItemNew(ts, name);
                            if (o is null) throw Err.NameError($"name '{name.Value}' is not defined");
                            s[sp++].V = o;
                            continue;
                        }
                        case Opcode.StoreName:
                        {
                            var v = s[--sp].V;
                            s[sp].V = null!;
                            try { f.Locals!.SetStr(ts, names[arg], v); }
                            finally { TRc.Decref(ts, v); }
                            continue;
                        }
                        case Opcode.DeleteName:
                        {
                            var old = f.Locals!.Pop(ts, names[arg]);
                            if (old is null) throw Err.NameError($"name '{names[arg].Value}' is not defined");
                            TRc.Decref(ts, old);
                            continue;
                        }
                        case Opcode.LoadGlobal:
                        {
                            PyObject o;
                            if (!ts.FreeThreaded)
                            {
                                o = LoadGlobal(co, pc - 1, f.Globals, f.Builtins, names[arg]);
                                TRc.Incref(ts, o);
                            }
                            else o = LoadGlobalShared(ts, f.Globals, f.Builtins, names[arg]);
                            s[sp++].V = o;
                            continue;
                        }
                        case Opcode.StoreGlobal:
                        {
                            var v = s[--sp].V;
                            s[sp].V = null!;
                            try { f.Globals.SetStr(ts, names[arg], v); }
                            finally { TRc.Decref(ts, v); }
                            continue;
                        }
                        case Opcode.DeleteGlobal:
                        {
                            var old = f.Globals.Pop(ts, names[arg]);
                            if (old is null) throw Err.NameError($"name '{names[arg].Value}' is not defined");
                            TRc.Decref(ts, old);
                            continue;
                        }
                        case Opcode.LoadAttr:
                        {
                            var obj = s[sp - 1].V;
                            PyObject? r = null;
                            if (obj is PyInstance inst && !inst.Type.HasCustomGetAttribute)
                            {
                                var descr = ClassAttribute(co, pc - 1, inst.Type, names[arg]);
                                if (descr is null or PyFunction)
                                {
                                    var iv = Volatile.Read(ref inst.Dict)?.GetStrNew<TRc>(ts, names[arg]);
                                    if (iv is not null) r = iv;
                                    else if (descr is not null) r = new PyMethod(ts, descr, obj);
                                }
                            }
                            r ??= Ops.GetAttr(ts, obj, names[arg]);
                            s[sp - 1].V = r;
                            TRc.Decref(ts, obj);
                            continue;
                        }
                        case Opcode.LoadMethod:
                        {
                            var obj = s[sp - 1].V;
                            PyObject m;
                            bool unbound;
                            if (obj is PyInstance inst && !inst.Type.HasCustomGetAttribute
                                && ClassAttribute(co, pc - 1, inst.Type, names[arg]) is PyFunction method
                                && (inst.Dict is null || inst.Dict.GetItemOrNull(names[arg]) is null))
                            {
                                m = method;
                                TRc.Incref(ts, m);
                                unbound = true;
                            }
                            else m = Ops.GetMethod(ts, obj, names[arg], out unbound);
                            if (unbound)
                            {
                                s[sp - 1].V = m;
                                s[sp++].V = obj; // the reference moves to the self slot
                            }
                            else
                            {
                                s[sp - 1].V = m;
                                s[sp++].V = null!;
                                TRc.Decref(ts, obj);
                            }
                            continue;
                        }
                        case Opcode.StoreAttr:
                        {
                            var obj = s[sp - 1].V;
                            var v = s[sp - 2].V;
                            if (obj is PyInstance inst && !inst.Type.HasCustomSetAttr
                                && ClassAttribute(co, pc - 1, inst.Type, names[arg]) is null or PyFunction)
                                PyDict.Ensure(ref inst.Dict).SetStr(ts, names[arg], v);
                            else Ops.SetAttr(ts, obj, names[arg], v);
                            s[sp - 1].V = s[sp - 2].V = null!;
                            sp -= 2;
                            TRc.Decref(ts, obj);
                            TRc.Decref(ts, v);
                            continue;
                        }
                        case Opcode.DeleteAttr:
                        {
                            var obj = s[sp - 1].V;
                            Ops.SetAttr(ts, obj, names[arg], null);
                            s[--sp].V = null!;
                            TRc.Decref(ts, obj);
                            continue;
                        }
                        case Opcode.BinarySubscr:
                        {
                            var key = s[sp - 1].V;
                            var container = s[sp - 2].V;
                            PyObject r;
                            if (container is PyList list && key.GetType() == typeof(PyInt) && !list.Type.IsHeap)
                            {
                                r = list.GetIndex<TRc>(ts, Unsafe.As<PyInt>(key).Value);
                            }
                            else r = Ops.GetItem(ts, container, key);
                            s[sp - 1].V = null!;
                            sp--;
                            s[sp - 1].V = r;
                            TRc.Decref(ts, key);
                            TRc.Decref(ts, container);
                            continue;
                        }
                        case Opcode.StoreSubscr:
                        {
                            var key = s[sp - 1].V;
                            var container = s[sp - 2].V;
                            var v = s[sp - 3].V;
                            if (container is PyList list && key.GetType() == typeof(PyInt) && !list.Type.IsHeap)
                            {
                                list.SetIndex<TRc>(ts, Unsafe.As<PyInt>(key).Value, v);
                            }
                            else Ops.SetItem(ts, container, key, v);
                            s[sp - 1].V = s[sp - 2].V = s[sp - 3].V = null!;
                            sp -= 3;
                            TRc.Decref(ts, key);
                            TRc.Decref(ts, container);
                            TRc.Decref(ts, v);
                            continue;
                        }
                        case Opcode.DeleteSubscr:
                        {
                            var key = s[sp - 1].V;
                            var container = s[sp - 2].V;
                            Ops.DelItem(ts, container, key);
                            s[sp - 1].V = s[sp - 2].V = null!;
                            sp -= 2;
                            TRc.Decref(ts, key);
                            TRc.Decref(ts, container);
                            continue;
                        }
                        case Opcode.BuildSlice:
                        {
                            PyObject step = arg == 3 ? s[--sp].V : Types.None;
                            var stop = s[--sp].V;
                            var start = s[--sp].V;
                            s[sp].V = s[sp + 1].V = s[sp + 2].V = null!;
                            s[sp++].V = new PySlice(start, stop, step);
                            continue;
                        }
                        case Opcode.BinaryOp:
                        {
                            var b = s[sp - 1].V;
                            var a = s[sp - 2].V;
                            PyObject r;
                            if (a.GetType() == typeof(PyInt) && b.GetType() == typeof(PyInt))
                            {
                                long x = Unsafe.As<PyInt>(a).Value, y = Unsafe.As<PyInt>(b).Value;
                                switch ((BinaryOp)arg)
                                {
                                    case BinaryOp.Add:
                                    {
                                        long z = x + y;
                                        r = ((x ^ z) & (y ^ z)) < 0 ? IntOps.Long(ts, BinaryOp.Add, x, y) : ts.NewInt(z);
                                        break;
                                    }
                                    case BinaryOp.Sub:
                                    {
                                        long z = x - y;
                                        r = ((x ^ y) & (x ^ z)) < 0 ? IntOps.Long(ts, BinaryOp.Sub, x, y) : ts.NewInt(z);
                                        break;
                                    }
                                    case BinaryOp.Mod when y > 0 && x >= 0:
                                        r = ts.NewInt(x % y);
                                        break;
                                    default:
                                        r = IntOps.Long(ts, (BinaryOp)arg, x, y);
                                        break;
                                }
                            }
                            else if (a.GetType() == typeof(PyFloat) && b.GetType() == typeof(PyFloat))
                            {
                                var fa = Unsafe.As<PyFloat>(a);
                                var fb = Unsafe.As<PyFloat>(b);
                                switch ((BinaryOp)arg)
                                {
                                    case BinaryOp.Add: r = ts.NewFloat(fa.Value + fb.Value); break;
                                    case BinaryOp.Sub: r = ts.NewFloat(fa.Value - fb.Value); break;
                                    case BinaryOp.Mul: r = ts.NewFloat(fa.Value * fb.Value); break;
                                    default: r = FloatOps.Binary(ts, (BinaryOp)arg, fa.Value, fb.Value) ?? Ops.BinaryOp(ts, a, b, (BinaryOp)arg); break;
                                }
                            }
                            else r = Ops.BinaryOp(ts, a, b, (BinaryOp)arg);
                            s[sp - 1].V = null!;
                            sp--;
                            s[sp - 1].V = r;
                            TRc.Decref(ts, a);
                            TRc.Decref(ts, b);
                            continue;
                        }
                        case Opcode.InplaceOp:
                        {
                            var b = s[sp - 1].V;
                            var a = s[sp - 2].V;
                            PyObject r;
                            if (a.GetType() == typeof(PyInt) && b.GetType() == typeof(PyInt))
                                r = IntOps.Long(ts, (BinaryOp)arg, Unsafe.As<PyInt>(a).Value, Unsafe.As<PyInt>(b).Value);
                            else if (a is PyFloat fa && b is PyFloat fb && (BinaryOp)arg is BinaryOp.Add or BinaryOp.Sub or BinaryOp.Mul)
                                r = FloatOps.Binary(ts, (BinaryOp)arg, fa.Value, fb.Value);
                            else r = Ops.InPlaceOp(ts, a, b, (BinaryOp)arg);
                            s[sp - 1].V = null!;
                            sp--;
                            s[sp - 1].V = r;
                            TRc.Decref(ts, a);
                            TRc.Decref(ts, b);
                            continue;
                        }
                        case Opcode.UnaryOp:
                        {
                            var o = s[sp - 1].V;
                            var r = Ops.UnaryOp(ts, o, (UnaryOp)arg);
                            s[sp - 1].V = r;
                            TRc.Decref(ts, o);
                            continue;
                        }
                        case Opcode.UnaryNot:
                        {
                            var o = s[sp - 1].V;
                            s[sp - 1].V = Ops.IsTrue(ts, o) ? Types.False : Types.True;
                            TRc.Decref(ts, o);
                            continue;
                        }
                        case Opcode.CompareOp:
                        {
                            var b = s[sp - 1].V;
                            var a = s[sp - 2].V;
                            PyObject r;
                            if (a.GetType() == typeof(PyInt) && b.GetType() == typeof(PyInt))
                            {
                                long x = Unsafe.As<PyInt>(a).Value, y = Unsafe.As<PyInt>(b).Value;
                                bool t = (CompareOp)arg switch
                                {
                                    CompareOp.Lt => x < y,
                                    CompareOp.Le => x <= y,
                                    CompareOp.Eq => x == y,
                                    CompareOp.Ne => x != y,
                                    CompareOp.Gt => x > y,
                                    _ => x >= y,
                                };
                                r = t ? Types.True : Types.False;
                            }
                            else if (a.GetType() == typeof(PyFloat) && b.GetType() == typeof(PyFloat))
                                r = FloatOps.Compare(Unsafe.As<PyFloat>(a).Value, Unsafe.As<PyFloat>(b).Value, (CompareOp)arg) ? Types.True : Types.False;
                            else r = Ops.RichCompare(ts, a, b, (CompareOp)arg);
                            s[sp - 1].V = null!;
                            sp--;
                            s[sp - 1].V = r;
                            TRc.Decref(ts, a);
                            TRc.Decref(ts, b);
                            continue;
                        }
                        case Opcode.IsOp:
                        {
                            var b = s[sp - 1].V;
                            var a = s[sp - 2].V;
                            bool r = ReferenceEquals(a, b) != (arg != 0);
                            s[sp - 1].V = null!;
                            sp--;
                            s[sp - 1].V = r ? Types.True : Types.False;
                            TRc.Decref(ts, a);
                            TRc.Decref(ts, b);
                            continue;
                        }
                        case Opcode.ContainsOp:
                        {
                            var container = s[sp - 1].V;
                            var item = s[sp - 2].V;
                            bool r = Ops.Contains(ts, container, item) != (arg != 0);
                            s[sp - 1].V = null!;
                            sp--;
                            s[sp - 1].V = r ? Types.True : Types.False;
                            TRc.Decref(ts, container);
                            TRc.Decref(ts, item);
                            continue;
                        }
                        case Opcode.BuildTuple:
                        {
                            if (arg == 0) { s[sp++].V = Types.EmptyTuple; continue; }
                            var items = new PyObject[arg];
                            sp -= arg;
                            for (int i = 0; i < arg; i++) { items[i] = s[sp + i].V; s[sp + i].V = null!; }
                            s[sp++].V = ts.NewTuple(items);
                            continue;
                        }
                        case Opcode.BuildList:
                        {
                            var items = new PyObject[Math.Max(arg, 4)];
                            sp -= arg;
                            for (int i = 0; i < arg; i++) { items[i] = s[sp + i].V; s[sp + i].V = null!; }
                            s[sp++].V = PyList.FromOwned(items, arg);
                            continue;
                        }
                        case Opcode.BuildSet:
                        {
                            var set = new PySet(false);
                            sp -= arg;
                            try
                            {
                                for (int i = 0; i < arg; i++) set.Add(ts, s[sp + i].V);
                            }
                            finally
                            {
                                for (int i = 0; i < arg; i++) { TRc.Decref(ts, s[sp + i].V); s[sp + i].V = null!; }
                            }
                            s[sp++].V = set;
                            continue;
                        }
                        case Opcode.BuildMap:
                        {
                            var dict = new PyDict();
                            sp -= 2 * arg;
                            try
                            {
                                for (int i = 0; i < arg; i++) dict.SetItem(ts, s[sp + 2 * i].V, s[sp + 2 * i + 1].V);
                            }
                            finally
                            {
                                for (int i = 0; i < 2 * arg; i++) { TRc.Decref(ts, s[sp + i].V); s[sp + i].V = null!; }
                            }
                            s[sp++].V = dict;
                            continue;
                        }
                        case Opcode.BuildString:
                        {
                            sp -= arg;
                            var sb = new System.Text.StringBuilder();
                            for (int i = 0; i < arg; i++)
                            {
                                sb.Append(((PyStr)s[sp + i].V).Value);
                                TRc.Decref(ts, s[sp + i].V);
                                s[sp + i].V = null!;
                            }
                            s[sp++].V = new PyStr(sb.ToString());
                            continue;
                        }
                        case Opcode.ListAppend:
                        {
                            var v = s[--sp].V;
                            s[sp].V = null!;
                            ((PyList)s[sp - arg].V).AppendOwned(v);
                            continue;
                        }
                        case Opcode.SetAdd:
                        {
                            var v = s[--sp].V;
                            s[sp].V = null!;
                            try { ((PySet)s[sp - arg].V).Add(ts, v); }
                            finally { TRc.Decref(ts, v); }
                            continue;
                        }
                        case Opcode.MapAdd:
                        {
                            var v = s[--sp].V;
                            var k = s[--sp].V;
                            s[sp].V = s[sp + 1].V = null!;
                            try { ((PyDict)s[sp - arg].V).SetItem(ts, k, v); }
                            finally { TRc.Decref(ts, k); TRc.Decref(ts, v); }
                            continue;
                        }
                        case Opcode.ListExtend:
                        {
                            var v = s[--sp].V;
                            s[sp].V = null!;
                            try { ((PyList)s[sp - arg].V).Extend(ts, v); }
                            catch (PyException e) when (e.Value.Type == Types.TypeError && !Ops.IsIterable(v))
                            {
                                Rc.Decref(ts, e.Value);
                                throw Err.TypeError($"Value after * must be an iterable, not {v.Type.Name}");
                            }
                            finally { TRc.Decref(ts, v); }
                            continue;
                        }
                        case Opcode.SetUpdate:
                        {
                            var v = s[--sp].V;
                            s[sp].V = null!;
                            try { ((PySet)s[sp - arg].V).UpdateFrom(ts, v); }
                            finally { TRc.Decref(ts, v); }
                            continue;
                        }
                        case Opcode.DictUpdate:
                        case Opcode.DictMerge:
                        {
                            var v = s[--sp].V;
                            s[sp].V = null!;
                            try { EvalHelpers.DictMerge(ts, (PyDict)s[sp - arg].V, v, (Opcode)(byte)instr == Opcode.DictMerge, s[sp - arg - 3].V); }
                            finally { TRc.Decref(ts, v); }
                            continue;
                        }
                        case Opcode.ListToTuple:
                        {
                            var l = (PyList)s[sp - 1].V;
                            var items = new PyObject[l.Count];
                            Array.Copy(l.Items, items, l.Count);
                            foreach (var x in items) TRc.Incref(ts, x);
                            s[sp - 1].V = ts.NewTuple(items);
                            TRc.Decref(ts, l);
                            continue;
                        }
                        case Opcode.UnpackSequence:
                        {
                            var seq = s[sp - 1].V;
                            s[sp - 1].V = null!;
                            if (seq is PyTuple t && t.Items.Length == arg)
                            {
                                sp--;
                                for (int i = arg - 1; i >= 0; i--) { var x = t.Items[i]; TRc.Incref(ts, x); s[sp++].V = x; }
                            }
                            else if (seq is PyList l && !ts.FreeThreaded && l.Count == arg)
                            {
                                sp--;
                                for (int i = arg - 1; i >= 0; i--) { var x = l.Items[i]; TRc.Incref(ts, x); s[sp++].V = x; }
                            }
                            else if (seq is PyList shared && ts.FreeThreaded && shared.CopyIfCount(ts, arg) is { } copied)
                            {
                                sp--;
                                TRc.Decref(ts, seq);
                                for (int i = arg - 1; i >= 0; i--) s[sp++].V = copied[i];
                                continue;
                            }
                            else
                            {
                                PyObject[] items;
                                try { items = EvalHelpers.Unpack(ts, seq, arg, -1); }
                                catch
                                {
                                    sp--;
                                    TRc.Decref(ts, seq);
                                    throw;
                                }
                                sp--;
                                for (int i = items.Length - 1; i >= 0; i--) s[sp++].V = items[i];
                            }
                            TRc.Decref(ts, seq);
                            continue;
                        }
                        case Opcode.UnpackEx:
                        {
                            var seq = s[sp - 1].V;
                            PyObject[] items;
                            try { items = EvalHelpers.Unpack(ts, seq, arg & 0xFF, arg >> 8); }
                            catch
                            {
                                s[sp - 1].V = null!;
                                sp--;
                                TRc.Decref(ts, seq);
                                throw;
                            }
                            s[--sp].V = null!;
                            for (int i = items.Length - 1; i >= 0; i--) s[sp++].V = items[i];
                            TRc.Decref(ts, seq);
                            continue;
                        }
                        case Opcode.FormatValue:
                        {
                            PyObject? spec = (arg & 4) != 0 ? s[--sp].V : null;
                            var v = s[sp - 1].V;
                            PyObject r;
                            try { r = EvalHelpers.FormatValue(ts, v, arg & 3, spec); }
                            finally { if (spec is not null) { TRc.Decref(ts, spec); s[sp].V = null!; } }
                            s[sp - 1].V = r;
                            TRc.Decref(ts, v);
                            continue;
                        }
                        case Opcode.GetIter:
                        {
                            var o = s[sp - 1].V;
                            s[sp - 1].V = Ops.GetIter(ts, o);
                            TRc.Decref(ts, o);
                            continue;
                        }
                        case Opcode.ForIter:
                        {
                            var it = s[sp - 1].V;
                            PyObject? next;
                            if (it is PyRangeIterator ri)
                            {
                                if (ri.Remaining <= 0) next = null;
                                else
                                {
                                    ri.Remaining--;
                                    long v = ri.Next_;
                                    ri.Next_ += ri.Step;
                                    next = ts.NewInt(v);
                                }
                            }
                            else if (it is PyGenerator gen && gen.CanRunInline)
                            {
                                // Run the generator's frame in this loop: it yields back here (or returns) without .NET recursion.
                                if (ts.Depth >= ts.RecursionLimit)
                                    throw Err.RecursionError("maximum recursion depth exceeded");
                                f.Pc = pc;
                                f.Sp = sp;
                                var gf = gen.EnterInline(ts, f);
                                ts.CurrentFrame = gf;
                                ts.Depth++;
                                f = gf;
                                co = f.Code; code = co.Instructions; consts = co.Consts; names = co.Names;
                                s = f.Slots; lb = f.Base; sp = f.Sp; pc = f.Pc;
                                continue;
                            }
                            else
                            {
                                f.Pc = pc;
                                f.Sp = sp;
                                next = Ops.Next(ts, it);
                            }
                            if (next is null)
                            {
                                s[--sp].V = null!;
                                TRc.Decref(ts, it);
                                pc = arg;
                            }
                            else s[sp++].V = next;
                            continue;
                        }
                        case Opcode.Jump:
                            // Backward jumps close loops: the eval breaker is polled here (and at calls).
                            if (arg < pc && Volatile.Read(ref ts.EvalBreaker) != 0)
                            {
                                f.Sp = sp;
                                ts.HandleEvalBreaker();
                            }
                            pc = arg;
                            continue;
                        case Opcode.PopJumpIfFalse:
                        {
                            var o = s[--sp].V;
                            s[sp].V = null!;
                            if (ReferenceEquals(o, Types.False)) pc = arg;
                            else if (!ReferenceEquals(o, Types.True))
                            {
                                bool t;
                                try { t = Ops.IsTrue(ts, o); }
                                finally { TRc.Decref(ts, o); }
                                if (!t) pc = arg;
                            }
                            continue;
                        }
                        case Opcode.PopJumpIfTrue:
                        {
                            var o = s[--sp].V;
                            s[sp].V = null!;
                            if (ReferenceEquals(o, Types.True)) pc = arg;
                            else if (!ReferenceEquals(o, Types.False))
                            {
                                bool t;
                                try { t = Ops.IsTrue(ts, o); }
                                finally { TRc.Decref(ts, o); }
                                if (t) pc = arg;
                            }
                            continue;
                        }
                        case Opcode.JumpIfFalseOrPop:
                        {
                            var o = s[sp - 1].V;
                            if (!Ops.IsTrue(ts, o)) pc = arg;
                            else { s[--sp].V = null!; TRc.Decref(ts, o); }
                            continue;
                        }
                        case Opcode.JumpIfTrueOrPop:
                        {
                            var o = s[sp - 1].V;
                            if (Ops.IsTrue(ts, o)) pc = arg;
                            else { s[--sp].V = null!; TRc.Decref(ts, o); }
                            continue;
                        }
                        case Opcode.ReturnValue:
                        {
                            var r = s[--sp].V;
                            s[sp].V = null!;
                            f.Sp = sp;
                            f.Pc = pc;
                            if (f.IsEntry)
                            {
                                LeaveFrame(ts, f);
                                return r;
                            }
                            var caller = f.Back!;
                            bool wasGenerator = f.Generator is not null;
                            if (!wasGenerator)
                            {
                                ts.CurrentFrame = caller;
                                ts.Depth--;
                                ts.PopFunctionFrame<TRc>(f);
                                f = caller;
                                co = f.Code; code = co.Instructions; consts = co.Consts; names = co.Names;
                                s = f.Slots; lb = f.Base; sp = f.Sp; pc = f.Pc;
                                s[sp++].V = r;
                                continue;
                            }
                            LeaveFrame(ts, f);
                            f = caller;
                            co = f.Code; code = co.Instructions; consts = co.Consts; names = co.Names;
                            s = f.Slots; lb = f.Base; sp = f.Sp; pc = f.Pc;
                            if (wasGenerator)
                            {
                                // The generator driven by FOR_ITER finished: pop it and leave the loop.
                                TRc.Decref(ts, r);
                                var exhausted = s[--sp].V;
                                s[sp].V = null!;
                                TRc.Decref(ts, exhausted);
                                pc = code[pc - 1] >> 8;
                                continue;
                            }
                            s[sp++].V = r;
                            continue;
                        }
                        case Opcode.Call:
                        {
                            if (Volatile.Read(ref ts.EvalBreaker) != 0)
                            {
                                f.Sp = sp;
                                ts.HandleEvalBreaker();
                            }
                            int funcIndex = sp - arg - 2;
                            var callable = s[funcIndex].V;
                            var self = s[funcIndex + 1].V;
                            if (self is null && callable is PyMethod bound && bound.Function is PyFunction)
                            {
                                // A bound Python method: call its function with self in the spare slot.
                                self = bound.Self;
                                callable = bound.Function;
                                TRc.Incref(ts, self);
                                TRc.Incref(ts, callable);
                                s[funcIndex + 1].V = self;
                                s[funcIndex].V = callable;
                                TRc.Decref(ts, bound);
                            }
                            int argStart = self is null ? funcIndex + 2 : funcIndex + 1;
                            int nargs = self is null ? arg : arg + 1;
                            if (callable is PyFunction fn && EvalHelpers.CanInlineCall(fn, nargs))
                            {
                                if (ts.Depth >= ts.RecursionLimit)
                                    throw Err.RecursionError("maximum recursion depth exceeded");
                                f.Pc = pc;
                                f.Sp = funcIndex;
                                var fco = fn.Code;
                                var nf = ts.PushFrame(fco, fn, fn.Globals, fn.Builtins);
                                var ns = nf.Slots;
                                int nb = nf.Base;
                                // Move the arguments (and their references) into the new frame's locals.
                                for (int i = 0; i < nargs; i++) ns[nb + i].V = s[argStart + i].V;
                                for (int i = funcIndex; i < funcIndex + arg + 2; i++) s[i].V = null!;
                                if (nargs < fco.ArgCount)
                                {
                                    var defaults = fn.Defaults!.Items;
                                    int first = fco.ArgCount - defaults.Length;
                                    for (int i = nargs; i < fco.ArgCount; i++)
                                    {
                                        var d = defaults[i - first];
                                        TRc.Incref(ts, d);
                                        ns[nb + i].V = d;
                                    }
                                }
                                if (fn.Closure is not null) ts.InstallClosure(nf, fn);
                                nf.Back = f;
                                ts.CurrentFrame = nf;
                                ts.Depth++;
                                f = nf;
                                co = fco; code = co.Instructions; consts = co.Consts; names = co.Names;
                                s = ns; lb = nb; sp = nf.Sp; pc = 0;
                                continue;
                            }
                            f.Pc = pc;
                            f.Sp = sp;
                            var r = Ops.Call(ts, callable, new Args(Slot.AsObjects(s, argStart, nargs)));
                            for (int i = funcIndex; i < sp; i++)
                            {
                                var o = s[i].V;
                                s[i].V = null!;
                                if (o is not null) TRc.Decref(ts, o);
                            }
                            sp = funcIndex;
                            s[sp++].V = r;
                            continue;
                        }
                        case Opcode.CallKw:
                        {
                            var kwNames = (PyTuple)s[sp - 1].V;
                            int funcIndex = sp - arg - 3;
                            var callable = s[funcIndex].V;
                            var self = s[funcIndex + 1].V;
                            int argStart = self is null ? funcIndex + 2 : funcIndex + 1;
                            int nargs = self is null ? arg : arg + 1;
                            f.Pc = pc;
                            f.Sp = sp;
                            var r = Ops.Call(ts, callable, new Args(Slot.AsObjects(s, argStart, nargs), kwNames));
                            for (int i = funcIndex; i < sp; i++)
                            {
                                var o = s[i].V;
                                s[i].V = null!;
                                if (o is not null) TRc.Decref(ts, o);
                            }
                            sp = funcIndex;
                            s[sp++].V = r;
                            continue;
                        }
                        case Opcode.CallEx:
                        {
                            int funcIndex = sp - ((arg & 1) != 0 ? 4 : 3);
                            f.Pc = pc;
                            f.Sp = sp;
                            var r = EvalHelpers.CallEx(ts, s[funcIndex].V, s[funcIndex + 2].V, (arg & 1) != 0 ? s[funcIndex + 3].V : null);
                            for (int i = funcIndex; i < sp; i++)
                            {
                                var o = s[i].V;
                                s[i].V = null!;
                                if (o is not null) TRc.Decref(ts, o);
                            }
                            sp = funcIndex;
                            s[sp++].V = r;
                            continue;
                        }
                        case Opcode.MakeFunction:
                        {
                            var fcode = (CodeObject)s[--sp].V;
                            s[sp].V = null!;
                            PyTuple? closure = null, defaults = null;
                            PyDict? kwDefaults = null;
                            if ((arg & 8) != 0) { closure = (PyTuple)s[--sp].V; s[sp].V = null!; }
                            if ((arg & 2) != 0) { kwDefaults = (PyDict)s[--sp].V; s[sp].V = null!; }
                            if ((arg & 1) != 0) { defaults = (PyTuple)s[--sp].V; s[sp].V = null!; }
                            s[sp++].V = new PyFunction(ts, fcode, f.Globals, f.Builtins, defaults, kwDefaults, closure);
                            continue;
                        }
                        case Opcode.LoadBuildClass:
                            s[sp++].V = Rc.New(ts, f.Builtins.GetItemOrNull(ts.Interp.Intern("__build_class__"))
                                ?? throw Err.NameError("__build_class__ not found"));
                            continue;
                        case Opcode.LoadLocals:
                            TRc.Incref(ts, f.Locals!);
                            s[sp++].V = f.Locals!;
                            continue;
                        case Opcode.SetupAnnotations:
                            if (f.Locals!.GetItemOrNull(ts.Interp.Intern("__annotations__")) is null)
                                f.Locals.SetStrOwned(ts, ts.Interp.Intern("__annotations__"), new PyDict());
                            continue;
                        case Opcode.LoadAssertionError:
                            s[sp++].V = Types.AssertionError;
                            continue;
                        case Opcode.RaiseVarargs:
                        {
                            f.Pc = pc;
                            PyObject? cause = arg == 2 ? s[--sp].V : null;
                            PyObject? exc = arg >= 1 ? s[--sp].V : null;
                            s[sp].V = null!;
                            if (arg == 2) s[sp + 1].V = null!;
                            f.Sp = sp;
                            try
                            {
                                if (exc is null)
                                {
                                    var handled = ts.HandledException ?? throw Err.RuntimeError("No active exception to reraise");
                                    Rc.Incref(ts, handled);
                                    ts.CurrentException = handled;
                                    reraise = true;
                                }
                                else SetRaised(ts, EvalHelpers.MakeException(ts, exc, cause));
                            }
                            finally
                            {
                                if (exc is not null) TRc.Decref(ts, exc);
                                if (cause is not null) TRc.Decref(ts, cause);
                            }
                            pending = true;
                            goto Pending;
                        }
                        case Opcode.Reraise:
                        {
                            var exc = (PyBaseException)s[--sp].V;
                            s[sp].V = null!;
                            f.Pc = pc;
                            f.Sp = sp;
                            ts.CurrentException = exc;
                            reraise = true;
                            pending = true;
                            goto Pending;
                        }
                        case Opcode.PushExcInfo:
                        {
                            var exc = (PyBaseException)s[sp - 1].V;
                            var prev = ts.HandledException;
                            s[sp - 1].V = prev ?? (PyObject)Types.None;
                            s[sp++].V = exc;
                            TRc.Incref(ts, exc);
                            ts.HandledException = exc;
                            continue;
                        }
                        case Opcode.PopExcept:
                        {
                            var prev = s[--sp].V;
                            s[sp].V = null!;
                            var cur = ts.HandledException;
                            ts.HandledException = prev as PyBaseException;
                            if (cur is not null) TRc.Decref(ts, cur);
                            continue;
                        }
                        case Opcode.PopExceptAndReraise:
                        {
                            var exc = (PyBaseException)s[--sp].V;
                            var prev = s[--sp].V;
                            s[sp].V = s[sp + 1].V = null!;
                            var cur = ts.HandledException;
                            ts.HandledException = prev as PyBaseException;
                            if (cur is not null) TRc.Decref(ts, cur);
                            f.Pc = pc;
                            f.Sp = sp;
                            ts.CurrentException = exc;
                            reraise = true;
                            pending = true;
                            goto Pending;
                        }
                        case Opcode.CheckExcMatch:
                        {
                            var type = s[sp - 1].V;
                            var exc = s[sp - 2].V;
                            bool match = EvalHelpers.ExceptionMatches(exc, type);
                            s[sp - 1].V = match ? Types.True : Types.False;
                            TRc.Decref(ts, type);
                            continue;
                        }
                        case Opcode.BeforeWith:
                        case Opcode.BeforeAsyncWith:
                        {
                            var mgr = s[sp - 1].V;
                            f.Pc = pc;
                            f.Sp = sp;
                            var (exit, entered) = EvalHelpers.EnterWith(ts, mgr, (Opcode)(byte)instr == Opcode.BeforeAsyncWith);
                            s[sp - 1].V = exit;
                            s[sp++].V = entered;
                            TRc.Decref(ts, mgr);
                            continue;
                        }
                        case Opcode.WithExceptStart:
                        {
                            var exc = (PyBaseException)s[sp - 1].V;
                            var exit = s[sp - 3].V;
                            f.Pc = pc;
                            f.Sp = sp;
                            s[sp++].V = EvalHelpers.CallExit(ts, exit, exc);
                            continue;
                        }
                        case Opcode.GetAwaitable:
                        {
                            var o = s[sp - 1].V;
                            f.Pc = pc;
                            f.Sp = sp;
                            s[sp - 1].V = EvalHelpers.GetAwaitable(ts, o);
                            TRc.Decref(ts, o);
                            continue;
                        }
                        case Opcode.GetAIter:
                        {
                            var o = s[sp - 1].V;
                            f.Pc = pc;
                            f.Sp = sp;
                            s[sp - 1].V = EvalHelpers.GetAIter(ts, o);
                            TRc.Decref(ts, o);
                            continue;
                        }
                        case Opcode.GetANext:
                        {
                            f.Pc = pc;
                            f.Sp = sp;
                            s[sp].V = EvalHelpers.GetANext(ts, s[sp - 1].V);
                            sp++;
                            continue;
                        }
                        case Opcode.EndAsyncFor:
                        {
                            var exc = (PyBaseException)s[sp - 1].V;
                            if (!exc.Type.IsSubtypeOf(Types.StopAsyncIteration)) continue;
                            s[--sp].V = null!;
                            TRc.Decref(ts, exc);
                            var aiter = s[--sp].V;
                            s[sp].V = null!;
                            TRc.Decref(ts, aiter);
                            pc = arg;
                            continue;
                        }
                        case Opcode.CallExitResult:
                        {
                            var exit = s[sp - 1].V;
                            f.Pc = pc;
                            f.Sp = sp;
                            s[sp - 1].V = EvalHelpers.CallExit(ts, exit, null);
                            TRc.Decref(ts, exit);
                            continue;
                        }
                        case Opcode.AsyncGenWrap:
                            s[sp - 1].V = new PyAsyncGenWrapped(s[sp - 1].V);
                            continue;
                        case Opcode.CallExitWithNones:
                        {
                            var exit = s[--sp].V;
                            s[sp].V = null!;
                            f.Pc = pc;
                            f.Sp = sp;
                            try { TRc.Decref(ts, EvalHelpers.CallExit(ts, exit, null)); }
                            finally { TRc.Decref(ts, exit); }
                            continue;
                        }
                        case Opcode.YieldValue:
                        {
                            var v = s[--sp].V;
                            s[sp].V = null!;
                            f.Sp = sp;
                            f.Pc = pc;
                            f.Yielded = true;
                            if (!f.IsEntry)
                            {
                                // An inline generator frame: the value goes to the FOR_ITER that resumed it.
                                var caller = f.Back!;
                                f.Generator!.LeaveInline();
                                f.Back = null;
                                ts.CurrentFrame = caller;
                                ts.Depth--;
                                f = caller;
                                co = f.Code; code = co.Instructions; consts = co.Consts; names = co.Names;
                                s = f.Slots; lb = f.Base; sp = f.Sp; pc = f.Pc;
                                s[sp++].V = v;
                                continue;
                            }
                            ts.CurrentFrame = f.Back;
                            ts.Depth--;
                            f.Back = null;
                            return v;
                        }
                        case Opcode.GetYieldFromIter:
                        {
                            var o = s[sp - 1].V;
                            if (o is not PyGenerator)
                            {
                                s[sp - 1].V = Ops.GetIter(ts, o);
                                TRc.Decref(ts, o);
                            }
                            continue;
                        }
                        case Opcode.YieldFrom:
                        {
                            var sent = s[sp - 1].V;
                            var it = s[sp - 2].V;
                            f.Pc = pc;
                            f.Sp = sp;
                            var y = EvalHelpers.SendToSubiterator(ts, it, sent, out bool done);
                            s[--sp].V = null!;
                            TRc.Decref(ts, sent);
                            if (done)
                            {
                                // The subiterator returned: its value replaces it on the stack.
                                s[sp - 1].V = y;
                                TRc.Decref(ts, it);
                                continue;
                            }
                            // Yield the subiterator's value outward; resume at this instruction with the sent value.
                            f.Sp = sp;
                            f.Pc = pc - 1;
                            f.Yielded = true;
                            if (!f.IsEntry)
                            {
                                var caller = f.Back!;
                                f.Generator!.LeaveInline();
                                f.Back = null;
                                ts.CurrentFrame = caller;
                                ts.Depth--;
                                f = caller;
                                co = f.Code; code = co.Instructions; consts = co.Consts; names = co.Names;
                                s = f.Slots; lb = f.Base; sp = f.Sp; pc = f.Pc;
                                s[sp++].V = y;
                                continue;
                            }
                            ts.CurrentFrame = f.Back;
                            ts.Depth--;
                            f.Back = null;
                            return y;
                        }
                        case Opcode.ImportName:
                        {
                            var fromList = s[--sp].V;
                            var level = s[--sp].V;
                            s[sp].V = s[sp + 1].V = null!;
                            f.Pc = pc;
                            f.Sp = sp;
                            try { s[sp++].V = Import.ImportName(ts, names[arg].Value, fromList, (int)((PyInt)level).Value, f.Globals); }
                            finally { TRc.Decref(ts, fromList); TRc.Decref(ts, level); }
                            continue;
                        }
                        case Opcode.ImportFrom:
                            s[sp].V = Import.ImportFrom(ts, s[sp - 1].V, names[arg]);
                            sp++;
                            continue;
                        case Opcode.ImportStar:
                        {
                            var module = s[--sp].V;
                            s[sp].V = null!;
                            try { Import.ImportStar(ts, module, f.Locals ?? f.Globals); }
                            finally { TRc.Decref(ts, module); }
                            continue;
                        }
                        default:
                            throw Err.SystemError($"unknown opcode {(byte)instr}");
                    }
                }
            Pending:;
            }
            catch (PyException e)
            {
                // Every slot above the live stack is null, so unwinding from the frame's highest slot is exact.
                f.Sp = f.StackBase + f.Code.StackSize;
                SetRaised(ts, e.Value);
                pending = true;
                reraise = false;
            }
            catch (Exception e)
            {
                f.Sp = f.StackBase + f.Code.StackSize;
                SetRaised(ts, Err.FromClr(ts, e));
                pending = true;
                reraise = false;
            }
        }
    }
}
