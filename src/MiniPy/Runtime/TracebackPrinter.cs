using System.Collections.Generic;
using System.IO;
using System.Text;
using MiniPy.Objects;

namespace MiniPy.Runtime;

/// <summary>Formats exceptions as CPython's traceback module does, with cause and context chains.</summary>
internal static class TracebackPrinter
{
    public static string Format(ThreadState ts, PyBaseException exc)
    {
        var sb = new StringBuilder();
        var seen = new HashSet<PyBaseException>(ReferenceEqualityComparer.Instance);
        FormatChain(ts, exc, sb, seen);
        return sb.ToString();
    }

    private static void FormatChain(ThreadState ts, PyBaseException exc, StringBuilder sb, HashSet<PyBaseException> seen)
    {
        seen.Add(exc);
        if (exc.Cause is PyBaseException cause && !seen.Contains(cause))
        {
            FormatChain(ts, cause, sb, seen);
            sb.Append("\nThe above exception was the direct cause of the following exception:\n\n");
        }
        else if (exc.Context is PyBaseException context && !exc.SuppressContext && !seen.Contains(context))
        {
            FormatChain(ts, context, sb, seen);
            sb.Append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        FormatOne(ts, exc, sb);
    }

    private static void FormatOne(ThreadState ts, PyBaseException exc, StringBuilder sb)
    {
        if (exc.Traceback is not null)
        {
            sb.Append("Traceback (most recent call last):\n");
            for (var tb = exc.Traceback; tb is not null; tb = tb.NextEntry)
            {
                sb.Append("  File \"").Append(tb.Code.Filename).Append("\", line ").Append(tb.Line)
                  .Append(", in ").Append(tb.Code.Name).Append('\n');
                var line = SourceLine(ts, tb.Code.Filename, tb.Line);
                if (line is not null) sb.Append("    ").Append(line).Append('\n');
            }
        }
        sb.Append(ExceptionLine(ts, exc)).Append('\n');
    }

    public static string ExceptionLine(ThreadState ts, PyBaseException exc)
    {
        var type = exc.Type;
        string name = type.Module is "builtins" or "__main__" ? type.Name : type.Module + "." + type.Name;
        if (type.IsSubtypeOf(Types.SyntaxError) && exc.Dict?.GetItemOrNull(ts.Interp.Intern("filename")) is not null)
            return name + ": " + exc.MessageText();
        string message;
        try { message = Ops.StrString(ts, exc); }
        catch (PyException e)
        {
            Rc.Decref(ts, e.Value);
            message = "<exception str() failed>";
        }
        return message.Length == 0 ? name : name + ": " + message;
    }

    public static string? SourceLine(ThreadState ts, string filename, int line)
    {
        var lines = ts.Interp.SourceLines(filename);
        if (lines is null || line < 1 || line > lines.Length) return null;
        var text = lines[line - 1].Trim();
        return text.Length == 0 ? null : text;
    }
}
