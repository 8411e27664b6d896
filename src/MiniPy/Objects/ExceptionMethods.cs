using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>BaseException and its built-in subclasses.</summary>
internal static class ExceptionMethods
{
    public static PyObject New(ThreadState ts, PyType cls, in Args args)
    {
        var tuple = PyTuple.FromBorrowed(ts, args.Positional);
        var e = PyBaseException.OfHeapType(ts, cls, tuple);
        Rc.Decref(ts, tuple);
        return e;
    }

    public static void Register()
    {
        var t = Types.BaseException;
        Reg.Method(t, "__init__", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var e = (PyBaseException)self!;
            var tuple = PyTuple.FromBorrowed(ts, a.Positional);
            e.SetArgs(ts, tuple);
            Rc.Decref(ts, tuple);
            return Types.None;
        });
        Reg.Slots(t, "__repr__", "__str__");
        Reg.GetSet(t, "args", (ts, self) => Rc.New(ts, (PyObject)((PyBaseException)self).Args), (ts, self, v) =>
        {
            var tuple = Ops.ToArray(ts, v ?? throw Err.TypeError("args may not be deleted"));
            var tup = new PyTuple(tuple);
            ((PyBaseException)self).SetArgs(ts, tup);
            Rc.Decref(ts, tup);
        });
        Reg.GetSet(t, "__cause__", (ts, self) => Rc.New(ts, ((PyBaseException)self).Cause ?? Types.None),
            (ts, self, v) => ((PyBaseException)self).SetCause(ts, v));
        Reg.GetSet(t, "__context__", (ts, self) => Rc.New(ts, ((PyBaseException)self).Context ?? Types.None),
            (ts, self, v) => ((PyBaseException)self).SetContext(ts, v is PyNone ? null : v));
        Reg.GetSet(t, "__suppress_context__", (ts, self) => PyBool.Of(((PyBaseException)self).SuppressContext),
            (ts, self, v) => ((PyBaseException)self).SuppressContext = v is not null && Ops.IsTrue(ts, v));
        Reg.GetSet(t, "__traceback__", (ts, self) => Rc.New(ts, (PyObject?)((PyBaseException)self).Traceback ?? Types.None));
        Reg.Method(t, "with_traceback", (ThreadState ts, PyObject? self, in Args a) => Rc.New(ts, self!));
        Reg.Method(t, "add_note", (ThreadState ts, PyObject? self, in Args a) =>
            throw Err.NotImplemented("exception notes (add_note) are not supported by MiniPy"));
        // StopIteration.value, SystemExit.code, KeyError str, ImportError.name, OSError.errno
        Reg.GetSet(Types.StopIteration, "value", (ts, self) =>
        {
            var e = (PyBaseException)self;
            return e.Args.Count > 0 ? Rc.New(ts, e.Args.Items[0]) : Types.None;
        });
        Reg.GetSet(Types.SystemExit, "code", (ts, self) =>
        {
            var e = (PyBaseException)self;
            return e.Args.Count == 0 ? Types.None : e.Args.Count == 1 ? Rc.New(ts, e.Args.Items[0]) : Rc.New(ts, (PyObject)e.Args);
        });
        Reg.GetSet(Types.ImportError, "name", (ts, self) =>
            ((PyBaseException)self).Dict?.GetItemOrNull(ts.Interp.Intern("name")) is { } n ? Rc.New(ts, n) : Types.None);
        Reg.GetSet(Types.OSError, "errno", (ts, self) =>
        {
            var e = (PyBaseException)self;
            return e.Args.Count >= 2 ? Rc.New(ts, e.Args.Items[0]) : Types.None;
        });
        Reg.GetSet(Types.OSError, "strerror", (ts, self) =>
        {
            var e = (PyBaseException)self;
            return e.Args.Count >= 2 ? Rc.New(ts, e.Args.Items[1]) : Types.None;
        });
    }
}
