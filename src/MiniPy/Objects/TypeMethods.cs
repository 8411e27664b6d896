using System.Collections.Generic;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>type: the class of classes.</summary>
internal static class TypeMethods
{
    public static PyObject New(ThreadState ts, PyType cls, in Args args) => TypeCall.Call(ts, Types.Type, args);

    public static void Register()
    {
        var t = Types.Type;
        Reg.GetSet(t, "__name__", (ts, self) => new PyStr(((PyType)self).Name), (ts, self, v) =>
        {
            var type = (PyType)self;
            if (!type.IsHeap) throw Err.TypeError($"cannot set '__name__' attribute of immutable type '{type.Name}'");
            type.Name = (v as PyStr ?? throw Err.TypeError("can only assign string to __name__")).Value;
        });
        Reg.GetSet(t, "__qualname__", (ts, self) =>
        {
            var type = (PyType)self;
            var q = type.IsHeap ? type.Dict.GetItemOrNull(Types.Strs.QualName) : null;
            return q is not null ? Rc.New(ts, q) : new PyStr(type.Name);
        });
        Reg.GetSet(t, "__module__", (ts, self) =>
        {
            var type = (PyType)self;
            var m = type.IsHeap ? type.Dict.GetItemOrNull(Types.Strs.Module) : null;
            return m is not null ? Rc.New(ts, m) : new PyStr(type.Module);
        });
        Reg.GetSet(t, "__doc__", (ts, self) =>
        {
            var d = ((PyType)self).Dict.GetItemOrNull(Types.Strs.Doc);
            return d is null ? Types.None : Rc.New(ts, d);
        });
        Reg.GetSet(t, "__mro__", (ts, self) => PyTuple.FromBorrowed(ts, ((PyType)self).Mro));
        Reg.GetSet(t, "__bases__", (ts, self) => PyTuple.FromBorrowed(ts, ((PyType)self).Bases));
        Reg.GetSet(t, "__base__", (ts, self) =>
        {
            var b = ((PyType)self).Bases;
            return b.Length == 0 ? Types.None : Rc.New(ts, (PyObject)b[0]);
        });
        Reg.GetSet(t, "__dict__", (ts, self) => ((PyType)self).Dict.Copy(ts));
        Reg.Method(t, "mro", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var l = new PyList();
            foreach (var x in ((PyType)self!).Mro) l.Append(ts, x);
            return l;
        });
        Reg.Method(t, "__subclasses__", (ThreadState ts, PyObject? self, in Args a) => new PyList());
        Reg.Method(t, "__instancecheck__", (ThreadState ts, PyObject? self, in Args a) =>
            PyBool.Of(a[0].Type.IsSubtypeOf((PyType)self!)));
        Reg.Method(t, "__subclasscheck__", (ThreadState ts, PyObject? self, in Args a) =>
            PyBool.Of(a[0] is PyType sub && sub.IsSubtypeOf((PyType)self!)));
        Reg.Slots(t, "__repr__", "__call__");
        Reg.Method(t, "__or__", (ThreadState ts, PyObject? self, in Args a) =>
            throw Err.NotImplemented("union types (X | Y) are not supported by MiniPy"));
    }
}
