using System;
using System.IO;
using System.Text;
using MiniPy.Objects;
using MiniPy.Syntax;

namespace MiniPy.Runtime;

/// <summary>The interactive loop: multi-line blocks end with a blank line; expression values are echoed.</summary>
internal static class Repl
{
    public static int Run(Interpreter interp, TextReader input, TextWriter prompt)
    {
        var ts = interp.MainThread;
        var main = new PyModule(ts, "__main__");
        main.Dict.SetStr(ts, Types.Strs.Builtins, interp.BuiltinsModule);
        interp.Modules.SetStr(ts, Types.Strs.Main, main);
        interp.MainModule = main;
        interp.PrependSearchPath(ts, Directory.GetCurrentDirectory());
        prompt.WriteLine($"MiniPy {Modules.SysModule.Version} on .NET {Environment.Version}");
        var buffer = new StringBuilder();
        while (true)
        {
            prompt.Write(buffer.Length == 0 ? ">>> " : "... ");
            prompt.Flush();
            var line = input.ReadLine();
            if (line is null) { prompt.WriteLine(); break; }
            buffer.Append(line).Append('\n');
            var source = buffer.ToString();
            if (NeedsMore(source, line)) continue;
            buffer.Clear();
            if (source.Trim().Length == 0) continue;
            try
            {
                bool isExpression = IsExpression(source);
                var r = ScriptRunner.RunString(ts, source, "<stdin>", main.Dict, main.Dict, isExpression);
                if (isExpression && r is not PyNone)
                {
                    interp.Stdout.Write(Ops.ReprString(ts, r) + "\n");
                    main.Dict.SetStr(ts, interp.Intern("_"), r);
                }
                Rc.Decref(ts, r);
            }
            catch (PyException e)
            {
                if (e.Value.Type.IsSubtypeOf(Types.SystemExit))
                {
                    interp.Flush();
                    return e.Value.Args.Count > 0 && e.Value.Args.Items[0] is PyInt code ? (int)code.Value : 0;
                }
                interp.Flush();
                interp.Stderr.Write(e.Value.Traceback is null && e.Value.Type.IsSubtypeOf(Types.SyntaxError)
                    ? ScriptRunner.FormatSyntaxError(ts, e.Value)
                    : TracebackPrinter.Format(ts, e.Value));
                Rc.Decref(ts, e.Value);
            }
            interp.Flush();
        }
        interp.Flush();
        return 0;
    }

    private static bool IsExpression(string source)
    {
        try
        {
            PythonParser.ParseExpressionInput(source);
            return true;
        }
        catch (SyntaxErrorException)
        {
            return false;
        }
    }

    /// <summary>A block (a line ending in ':' or an indented continuation) waits for a blank line.</summary>
    private static bool NeedsMore(string source, string lastLine)
    {
        var first = source.TrimStart();
        bool block = first.Length > 0 && source.Split('\n')[0].TrimEnd().EndsWith(':');
        if (block) return lastLine.Trim().Length > 0;
        try
        {
            PythonParser.ParseModule(source);
            return false;
        }
        catch (SyntaxErrorException e)
        {
            return e.Message.StartsWith("unterminated triple", StringComparison.Ordinal) || e.Message.Contains("unexpected EOF");
        }
    }
}
