using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Interpreters;

/// <summary>
/// An exception raised in one interpreter, described in plain text for another (CPython's excinfo):
/// the type's names, str(exc), the "Type: message" line and the whole formatted traceback.
/// </summary>
internal sealed record ExceptionSnapshot(string TypeName, string QualName, string Module, string Message, string Formatted, string ErrDisplay)
{
    public static ExceptionSnapshot Of(ThreadState ts, PyBaseException exc)
    {
        var type = exc.Type;
        string message;
        try { message = Ops.StrString(ts, exc); }
        catch (PyException e)
        {
            Rc.Decref(ts, e.Value);
            message = $"<exception str() failed>";
        }
        return new ExceptionSnapshot(type.Name, type.Name, type.Module, message,
            TracebackPrinter.ExceptionLine(ts, exc).TrimEnd('\n'), TracebackPrinter.Format(ts, exc).TrimEnd('\n'));
    }

    /// <summary>The snapshot of a caught exception, which it releases.</summary>
    public static ExceptionSnapshot Capture(ThreadState ts, PyException e)
    {
        try { return Of(ts, e.Value); }
        finally { Rc.Decref(ts, e.Value); }
    }

    /// <summary>The snapshot as shared data (a tuple of str), for the interpreters module to wrap.</summary>
    public object?[] ToShared() => new object?[] { TypeName, QualName, Module, Message, Formatted, ErrDisplay };
}
