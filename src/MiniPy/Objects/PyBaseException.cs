using System.Text;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>
/// An exception instance (of BaseException or any subclass, built-in or defined in Python). It owns its
/// args tuple, cause, context, traceback and attribute dict.
/// </summary>
internal sealed class PyBaseException : PyObject
{
    public PyTuple Args;
    public PyObject? Cause, Context;
    public bool SuppressContext;
    public PyTraceback? Traceback;
    public PyDict? Dict;

    /// <summary>Takes ownership of the references in <paramref name="args"/>.</summary>
    public PyBaseException(PyType type, params PyObject[] args) : base(type)
    {
        Args = args.Length == 0 ? Types.EmptyTuple : new PyTuple(args);
    }

    /// <summary>An instance of a class defined in Python: it owns a reference to that class.</summary>
    public static PyBaseException OfHeapType(ThreadState ts, PyType type, PyTuple args)
    {
        var e = new PyBaseException(type);
        e.Args = args;
        Rc.Incref(ts, args);
        if (type.IsHeap) Rc.Incref(ts, type);
        if (type.HasDel) e.Flags |= FinalizerFlag;
        return e;
    }

    public override PyDict? InstanceDict => PyDict.Ensure(ref Dict);

    /// <summary>str(exc) without running Python code (for diagnostics).</summary>
    public string MessageText()
    {
        if (Args.Count == 0) return "";
        if (Args.Count == 1) return Args.Items[0] is PyStr s ? s.Value : Args.Items[0].ToString() ?? "";
        return "(...)";
    }

    public override PyObject Str(ThreadState ts)
    {
        if (Type.IsSubtypeOf(Types.KeyError) && Args.Count == 1) return Ops.Repr(ts, Args.Items[0]);
        if (Type.IsSubtypeOf(Types.SyntaxError) && Args.Count >= 1) return SyntaxErrorStr(ts);
        if (Args.Count == 0) return new PyStr("");
        if (Args.Count == 1) return Ops.Str(ts, Args.Items[0]);
        return Ops.Repr(ts, Args);
    }

    /// <summary>CPython's SyntaxError.__str__: the message, then the file's base name and the line where known.</summary>
    private PyObject SyntaxErrorStr(ThreadState ts)
    {
        var message = Ops.StrString(ts, Args.Items[0]);
        var file = Dict?.GetItemOrNull(ts.Interp.Intern("filename")) as PyStr;
        var line = Dict?.GetItemOrNull(ts.Interp.Intern("lineno")) as PyInt;
        var name = file is null ? null : System.IO.Path.GetFileName(file.Value);
        if (name is not null && line is not null) return new PyStr($"{message} ({name}, line {line.Value})");
        if (name is not null) return new PyStr($"{message} ({name})");
        if (line is not null) return new PyStr($"{message} (line {line.Value})");
        return new PyStr(message);
    }

    public override PyObject Repr(ThreadState ts)
    {
        var sb = new StringBuilder(Type.Name);
        if (Args.Count == 1) sb.Append('(').Append(Ops.ReprString(ts, Args.Items[0])).Append(')');
        else sb.Append(Ops.ReprString(ts, Args));
        return new PyStr(sb.ToString());
    }

    public void SetArgs(ThreadState ts, PyTuple args)
    {
        var old = Args;
        Args = args;
        Rc.Incref(ts, args);
        Rc.Decref(ts, old);
    }

    public void SetCause(ThreadState ts, PyObject? cause)
    {
        var old = Cause;
        Cause = cause is PyNone ? null : cause;
        Rc.XIncref(ts, Cause);
        SuppressContext = true;
        Rc.XDecref(ts, old);
    }

    public void SetContext(ThreadState ts, PyObject? context)
    {
        if (ReferenceEquals(context, this)) return;
        var old = Context;
        Context = context;
        Rc.XIncref(ts, context);
        Rc.XDecref(ts, old);
    }

    /// <summary>Prepends a traceback entry for a frame the exception is passing through.</summary>
    public void AddTraceback(ThreadState ts, Compiler.CodeObject code, int line)
    {
        Traceback = new PyTraceback(code, line, Traceback);
    }

    public override void Traverse(IReferenceVisitor visitor)
    {
        visitor.Visit(Args);
        visitor.Visit(Cause);
        visitor.Visit(Context);
        visitor.Visit(Traceback);
        visitor.Visit(Dict);
        if (Type.IsHeap) visitor.Visit(Type);
    }

    public override void ReleaseReferences(ThreadState ts)
    {
        Rc.Decref(ts, Args);
        Rc.XDecref(ts, Cause);
        Rc.XDecref(ts, Context);
        Rc.XDecref(ts, Traceback);
        Rc.XDecref(ts, Dict);
        Cause = Context = null;
        Traceback = null;
        Dict = null;
        if (Type.IsHeap) Rc.Decref(ts, Type);
    }
}

/// <summary>One traceback entry: a code object and the line being run, linked toward the innermost frame.</summary>
internal sealed class PyTraceback : PyObject
{
    public readonly Compiler.CodeObject Code;
    public readonly int Line;
    public readonly PyTraceback? NextEntry;

    /// <summary>Takes ownership of the reference to <paramref name="next"/>.</summary>
    public PyTraceback(Compiler.CodeObject code, int line, PyTraceback? next) : base(Types.Traceback)
    {
        Code = code;
        Line = line;
        NextEntry = next;
    }

    public override void Traverse(IReferenceVisitor visitor)
    {
        visitor.Visit(Code);
        visitor.Visit(NextEntry);
    }

    public override void ReleaseReferences(ThreadState ts) => Rc.XDecref(ts, NextEntry);
}
