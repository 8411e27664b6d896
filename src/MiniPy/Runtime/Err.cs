using MiniPy.Objects;

namespace MiniPy.Runtime;

/// <summary>Builds the Python exceptions that built-ins throw.</summary>
internal static class Err
{
    public static PyException Make(PyType type, string message) => new(new PyBaseException(type, new PyStr(message)));

    public static PyException TypeError(string m) => Make(Types.TypeError, m);
    public static PyException ValueError(string m) => Make(Types.ValueError, m);
    public static PyException IndexError(string m) => Make(Types.IndexError, m);
    public static PyException AttributeError(string m) => Make(Types.AttributeError, m);
    public static PyException NameError(string m) => Make(Types.NameError, m);
    public static PyException ZeroDivision(string m) => Make(Types.ZeroDivisionError, m);
    public static PyException Overflow(string m) => Make(Types.OverflowError, m);
    public static PyException RuntimeError(string m) => Make(Types.RuntimeError, m);
    public static PyException NotImplemented(string m) => Make(Types.NotImplementedError, m);
    public static PyException RecursionError(string m) => Make(Types.RecursionError, m);
    public static PyException SystemError(string m) => Make(Types.SystemError, m);
    public static PyException ImportError(string m) => Make(Types.ImportError, m);
    public static PyException OSError(string m) => Make(Types.OSError, m);

    /// <summary>KeyError carries the key itself as its argument (so str() shows its repr).</summary>
    public static PyException KeyError(ThreadState ts, PyObject key)
    {
        Rc.Incref(ts, key);
        return new PyException(new PyBaseException(Types.KeyError, key));
    }

    public static PyException StopIteration(PyObject? value)
    {
        return value is null
            ? new PyException(new PyBaseException(Types.StopIteration))
            : new PyException(new PyBaseException(Types.StopIteration, value));
    }

    public static string TypeName(PyObject o) => o.Type.Name;

    /// <summary>The Python exception for a .NET exception that reached a boundary (the eval loop, a thread's or
    /// the main program's top): an allocation .NET refused is MemoryError, a .NET stack about to overflow is
    /// RecursionError, and anything else is a MiniPy bug, surfaced as SystemError (with the .NET stack under
    /// <c>--debug</c>), never as a crash.</summary>
    public static PyBaseException FromClr(ThreadState ts, System.Exception e) => e switch
    {
        PyException p => p.Value,
        System.OutOfMemoryException => new PyBaseException(Types.MemoryError),
        System.InsufficientExecutionStackException => new PyBaseException(Types.RecursionError, new PyStr("maximum recursion depth exceeded")),
        _ => new PyBaseException(Types.SystemError, new PyStr(ts.Interp.Options.Debug ? e.ToString() : $"internal error: {e.GetType().Name}: {e.Message}")),
    };
}
