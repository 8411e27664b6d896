using System;
using System.IO;
using MiniPy.Compiler;
using MiniPy.Objects;
using MiniPy.Syntax;

namespace MiniPy.Runtime;

/// <summary>Compiles and runs source text: the main script, imported modules, exec() and eval().</summary>
internal static class ScriptRunner
{
    /// <summary>Parses and compiles a module; a SyntaxError becomes a Python exception.</summary>
    public static CodeObject Compile(ThreadState ts, string source, string filename, bool isEval = false)
    {
        ts.Interp.RememberSource(filename, source);
        try
        {
            if (isEval) return CodeGenerator.CompileExpression(PythonParser.ParseExpressionInput(source), filename, ts.Interp);
            return CodeGenerator.CompileModule(PythonParser.ParseModule(source), filename, ts.Interp);
        }
        catch (SyntaxErrorException e)
        {
            throw new PyException(MakeSyntaxError(ts, e, filename, source));
        }
    }

    public static PyBaseException MakeSyntaxError(ThreadState ts, SyntaxErrorException e, string filename, string source)
    {
        // Source too deeply nested is refused as CPython refuses it: a plain MemoryError or RecursionError.
        if (e.Kind == "MemoryError") return new PyBaseException(Types.MemoryError, new PyStr(e.Message));
        if (e.Kind == "RecursionError") return new PyBaseException(Types.RecursionError, new PyStr(e.Message));
        var type = e.Kind switch { "IndentationError" => Types.IndentationError, "TabError" => Types.TabError, _ => Types.SyntaxError };
        var exc = new PyBaseException(type, new PyStr(e.Message));
        var d = exc.InstanceDict!;
        d.SetStrOwned(ts, ts.Interp.Intern("filename"), new PyStr(filename));
        d.SetStrOwned(ts, ts.Interp.Intern("lineno"), ts.NewInt(e.Line));
        d.SetStrOwned(ts, ts.Interp.Intern("offset"), ts.NewInt(e.Column));
        d.SetStrOwned(ts, ts.Interp.Intern("msg"), new PyStr(e.Message));
        var lines = source.Split('\n');
        var text = e.Line >= 1 && e.Line <= lines.Length ? lines[e.Line - 1].TrimEnd('\r') : "";
        d.SetStrOwned(ts, ts.Interp.Intern("text"), new PyStr(text));
        return exc;
    }

    /// <summary>Runs a module's code with <paramref name="globals"/> as its namespace.</summary>
    public static void Execute(ThreadState ts, string source, string filename, PyDict globals)
    {
        var code = Compile(ts, source, filename);
        var r = RunCode(ts, code, globals, globals);
        Rc.Decref(ts, r);
    }

    public static PyObject RunCode(ThreadState ts, CodeObject code, PyDict globals, PyDict locals)
    {
        var builtins = globals.GetItemOrNull(Types.Strs.Builtins) is PyModule bm ? bm.Dict : ts.Interp.Builtins;
        var frame = ts.PushFrame(code, null, globals, builtins);
        frame.Locals = locals;
        Rc.Incref(ts, locals);
        var r = Eval.Run(ts, frame);
        if (r is null) throw ts.TakeException();
        return r;
    }

    /// <summary>exec() and eval() of a string.</summary>
    public static PyObject RunString(ThreadState ts, string source, string filename, PyDict globals, PyDict locals, bool isEval)
    {
        var code = Compile(ts, source, filename, isEval);
        var r = RunCode(ts, code, globals, locals);
        if (isEval) return r;
        Rc.Decref(ts, r);
        return Types.None;
    }

    /// <summary>The SyntaxError report: file, line, the source line and a caret, then the error.</summary>
    public static string FormatSyntaxError(ThreadState ts, PyBaseException exc)
    {
        var d = exc.Dict!;
        string file = (d.GetItemOrNull(ts.Interp.Intern("filename")) as PyStr)?.Value ?? "<string>";
        long line = (d.GetItemOrNull(ts.Interp.Intern("lineno")) as PyInt)?.Value ?? 1;
        long offset = (d.GetItemOrNull(ts.Interp.Intern("offset")) as PyInt)?.Value ?? 1;
        string text = (d.GetItemOrNull(ts.Interp.Intern("text")) as PyStr)?.Value ?? "";
        var sb = new System.Text.StringBuilder();
        sb.Append("  File \"").Append(file).Append("\", line ").Append(line).Append('\n');
        var stripped = text.TrimStart();
        int removed = text.Length - stripped.Length;
        if (stripped.TrimEnd().Length > 0)
        {
            sb.Append("    ").Append(stripped.TrimEnd()).Append('\n');
            if (exc.Type != Types.IndentationError || exc.MessageText().StartsWith("expected", StringComparison.Ordinal))
                sb.Append("    ").Append(' ', (int)Math.Max(0, offset - 1 - removed)).Append("^\n");
        }
        sb.Append(exc.Type.Name).Append(": ").Append(exc.MessageText()).Append('\n');
        return sb.ToString();
    }
}
