using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Interpreters;

/// <summary>The built-in types of the interpreters module: immortal, shared by every interpreter.</summary>
internal static class InterpreterTypes
{
    public static readonly PyType Queue;

    static InterpreterTypes()
    {
        Types.EnsureInitialized();
        Queue = new PyType("Queue", Types.Object, null, Types.Type) { IsBaseType = false, Module = "interpreters" };
        Queue.Dict.Type = Types.Dict;
        RegisterQueue(Queue);
        Queue.CacheEnabled = true;
    }

    private static InterpreterQueue Of(PyObject? self) => ((PyInterpreterQueue)self!).Queue;

    /// <summary>block/timeout arguments as one timeout in seconds: 0 for no wait, negative for no limit.</summary>
    private static double Timeout(ThreadState ts, PyObject? block, PyObject? timeout)
    {
        if (block is not null && !Ops.IsTrue(ts, block)) return 0;
        if (timeout is null || timeout is PyNone) return -1;
        double t = Ops.AsDouble(ts, timeout);
        if (t < 0) throw Err.ValueError("'timeout' must be a non-negative number");
        return t;
    }

    private static void RegisterQueue(PyType t)
    {
        Reg.Method(t, "put", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.CheckKeywords("put", "obj", "block", "timeout");
            a.CheckPositional("put", 1, 3);
            var item = CrossInterpreterData.ToShared(ts, a[0]);
            if (!Of(self).Put(ts, item, Timeout(ts, a.Get(1, "block"), a.Get(2, "timeout"))))
                throw InterpreterErrors.Raise(ts, InterpreterErrorKind.QueueFull, "queue is full");
            return Types.None;
        });
        Reg.Method(t, "put_nowait", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("put_nowait", 1, 1);
            if (!Of(self).TryPut(CrossInterpreterData.ToShared(ts, a[0])))
                throw InterpreterErrors.Raise(ts, InterpreterErrorKind.QueueFull, "queue is full");
            return Types.None;
        });
        Reg.Method(t, "get", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.CheckKeywords("get", "block", "timeout");
            a.CheckPositional("get", 0, 2);
            if (!Of(self).Get(ts, Timeout(ts, a.Get(0, "block"), a.Get(1, "timeout")), out var item))
                throw InterpreterErrors.Raise(ts, InterpreterErrorKind.QueueEmpty, "queue is empty");
            return CrossInterpreterData.FromShared(ts, item);
        });
        Reg.Method(t, "get_nowait", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("get_nowait", 0, 0);
            if (!Of(self).TryGet(out var item))
                throw InterpreterErrors.Raise(ts, InterpreterErrorKind.QueueEmpty, "queue is empty");
            return CrossInterpreterData.FromShared(ts, item);
        });
        Reg.Method(t, "empty", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(Of(self).Count == 0));
        Reg.Method(t, "full", (ThreadState ts, PyObject? self, in Args a) => PyBool.Of(Of(self).IsFull));
        Reg.Method(t, "qsize", (ThreadState ts, PyObject? self, in Args a) => ts.NewInt(Of(self).Count));
        Reg.GetSet(t, "maxsize", (ts, self) => ts.NewInt(Of(self).MaxSize));
        Reg.GetSet(t, "id", (ts, self) => ts.NewInt(Of(self).Id));
        Reg.Slots(t, "__repr__", "__hash__", "__eq__", "__ne__");
    }
}
