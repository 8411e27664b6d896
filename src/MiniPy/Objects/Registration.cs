using System;
using System.Collections.Generic;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>Helpers that fill a built-in type's dict at start-up (with immortal entries).</summary>
internal static class Reg
{
    public static void Method(PyType t, string name, NativeFn fn) =>
        Value(t, name, new PyMethodDescriptor(t, name, fn));

    /// <summary>A container method that locks what it touches itself, one object at a time (see
    /// <see cref="PyMethodDescriptor"/>): bulk updates from another container.</summary>
    public static void MethodLockingItself(PyType t, string name, NativeFn fn) =>
        Value(t, name, new PyMethodDescriptor(t, name, fn, locksItself: true));

    public static void ClassMethod(PyType t, string name, NativeFn fn) =>
        Value(t, name, new PyMethodDescriptor(t, name, fn, isClassMethod: true));

    public static void GetSet(PyType t, string name, PyGetSet.Getter get, PyGetSet.Setter? set = null) =>
        Value(t, name, new PyGetSet(t, name, get, set));

    public static void Value(PyType t, string name, PyObject value)
    {
        t.Dict.SetImmortal(Types.Strs.Intern(name), value);
        t.Modified();
    }

    /// <summary>Adds wrappers that expose the type's virtual protocol methods under their dunder names,
    /// so that subclasses and explicit calls (list.__getitem__(x, 0), super().__init__()) reach them.</summary>
    public static void Slots(PyType t, params string[] dunders)
    {
        foreach (var d in dunders) Method(t, d, SlotWrapper(d));
    }

    private static PyObject NotImpl(PyObject? r) => r ?? Types.NotImplemented;

    private static NativeFn SlotWrapper(string dunder)
    {
        switch (dunder)
        {
            case "__repr__": return (ThreadState ts, PyObject? self, in Args a) => self!.Repr(ts);
            case "__str__": return (ThreadState ts, PyObject? self, in Args a) => self!.Str(ts);
            case "__hash__": return (ThreadState ts, PyObject? self, in Args a) => ts.NewInt(self!.Hash(ts));
            case "__bool__": return (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(self!.IsTrue(ts));
            case "__len__": return (ThreadState ts, PyObject? self, in Args a) => ts.NewInt(self!.Length(ts));
            case "__iter__": return (ThreadState ts, PyObject? self, in Args a) => self!.Iter(ts);
            case "__next__":
                return (ThreadState ts, PyObject? self, in Args a) => self!.Next(ts) ?? throw Err.StopIteration(null);
            case "__getitem__":
                return (ThreadState ts, PyObject? self, in Args a) => { a.Check(dunder, 1, 1); return self!.GetItem(ts, a[0]); };
            case "__setitem__":
                return (ThreadState ts, PyObject? self, in Args a) => { a.Check(dunder, 2, 2); self!.SetItem(ts, a[0], a[1]); return Types.None; };
            case "__delitem__":
                return (ThreadState ts, PyObject? self, in Args a) => { a.Check(dunder, 1, 1); self!.DelItem(ts, a[0]); return Types.None; };
            case "__contains__":
                return (ThreadState ts, PyObject? self, in Args a) => { a.Check(dunder, 1, 1); return PyBool.Of(self!.Contains(ts, a[0])); };
            case "__call__": return (ThreadState ts, PyObject? self, in Args a) => self!.Call(ts, a);
            case "__neg__": return (ThreadState ts, PyObject? self, in Args a) => NotImpl(self!.UnaryOp(ts, UnaryOp.Neg));
            case "__pos__": return (ThreadState ts, PyObject? self, in Args a) => NotImpl(self!.UnaryOp(ts, UnaryOp.Pos));
            case "__invert__": return (ThreadState ts, PyObject? self, in Args a) => NotImpl(self!.UnaryOp(ts, UnaryOp.Invert));
        }
        for (int i = 0; i < Types.Strs.CompareNames.Length; i++)
        {
            if (Types.Strs.CompareNames[i].Value != dunder) continue;
            var op = (CompareOp)i;
            return (ThreadState ts, PyObject? self, in Args a) => { a.Check(dunder, 1, 1); return NotImpl(self!.RichCompare(ts, a[0], op)); };
        }
        for (int i = 0; i < Types.Strs.BinaryNames.Length; i++)
        {
            var (fwd, refl, inpl) = Types.Strs.BinaryNames[i];
            var op = (BinaryOp)i;
            if (fwd.Value == dunder) return (ThreadState ts, PyObject? self, in Args a) => NotImpl(self!.BinaryOp(ts, op, a[0], false));
            if (refl.Value == dunder) return (ThreadState ts, PyObject? self, in Args a) => NotImpl(self!.BinaryOp(ts, op, a[0], true));
            if (inpl.Value == dunder) return (ThreadState ts, PyObject? self, in Args a) => NotImpl(self!.InPlaceOp(ts, op, a[0]));
        }
        throw new ArgumentException("no slot wrapper for " + dunder);
    }

    public static readonly string[] Comparisons = { "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__" };
    public static readonly string[] SequenceSlots = { "__len__", "__getitem__", "__contains__", "__iter__" };
}
