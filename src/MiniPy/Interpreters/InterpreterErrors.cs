using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Interpreters;

/// <summary>
/// Raises the interpreters module's exceptions from native code. The classes are Python classes of the
/// frozen interpreters module (QueueEmpty also derives from queue.Empty, as in CPython), so each
/// interpreter has its own; the module hands them to the runtime when it is imported, and a raise in an
/// interpreter that never imported it imports it first.
/// </summary>
internal static class InterpreterErrors
{
    public static PyException Raise(ThreadState ts, InterpreterErrorKind kind, string message)
    {
        var cls = ts.Interp.InterpreterErrorClass(kind);
        if (cls is null)
        {
            Rc.Decref(ts, Import.ImportModule(ts, "interpreters"));
            cls = ts.Interp.InterpreterErrorClass(kind) ?? throw Err.Make(Types.SystemError, "the interpreters module did not register its exceptions");
        }
        var msg = new PyStr(message);
        try
        {
            var exc = Ops.Call1(ts, cls, msg);
            if (exc is PyBaseException e) return new PyException(e);
            Rc.Decref(ts, exc);
            return Err.Make(Types.SystemError, $"{kind} is not an exception class");
        }
        finally { Rc.Decref(ts, msg); }
    }

    public static PyException NotShareable(ThreadState ts, string typeName) =>
        Raise(ts, InterpreterErrorKind.NotShareableError, $"'{typeName}' object does not support cross-interpreter data");
}
