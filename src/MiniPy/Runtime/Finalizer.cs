using MiniPy.Objects;

namespace MiniPy.Runtime;

/// <summary>Runs __del__ and generator close() during deallocation; their exceptions are reported, never raised.</summary>
internal static class Finalizer
{
    public static void RunDel(ThreadState ts, PyObject o)
    {
        var del = o.Type.Lookup(Types.Strs.Del);
        if (del is null) return;
        var saved = ts.CurrentException;
        ts.CurrentException = null;
        try
        {
            Rc.Decref(ts, Ops.CallDunder(ts, del, o));
        }
        catch (PyException e)
        {
            ReportIgnored(ts, del, e.Value);
        }
        finally { ts.CurrentException = saved; }
    }

    public static void CloseGenerator(ThreadState ts, PyGenerator gen)
    {
        var saved = ts.CurrentException;
        ts.CurrentException = null;
        try { gen.Close(ts); }
        catch (PyException e) { ReportIgnored(ts, gen, e.Value); }
        finally { ts.CurrentException = saved; }
    }

    /// <summary>"Exception ignored in: ..." followed by the traceback, as CPython's PyErr_WriteUnraisable.</summary>
    private static void ReportIgnored(ThreadState ts, PyObject where, PyBaseException exc)
    {
        ts.Interp.Stdout.Flush(ts);
        string what;
        try { what = Ops.ReprString(ts, where); }
        catch (PyException e) { Rc.Decref(ts, e.Value); what = "<object>"; }
        var stderr = ts.Interp.Stderr;
        stderr.Write($"Exception ignored in: {what}\n");
        stderr.Write(TracebackPrinter.Format(ts, exc));
        Rc.Decref(ts, exc);
    }
}
