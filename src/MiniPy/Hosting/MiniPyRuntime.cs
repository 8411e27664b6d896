using System;
using System.IO;
using MiniPy.Compiler;
using MiniPy.Runtime;

namespace MiniPy.Hosting;

/// <summary>
/// A MiniPy runtime: one main interpreter configured by <see cref="RuntimeOptions"/>. The command-line
/// tool is built on this class.
/// Thread-safety: an instance may be used by one host thread at a time.
/// </summary>
public sealed class MiniPyRuntime
{
    private readonly Interpreter _interp;

    /// <summary>Creates a runtime; its options are fixed from here on.</summary>
    public MiniPyRuntime(RuntimeOptions options)
    {
        if (!options.Gil && options.Scheme is Memory.RefCountScheme.Plain or Memory.RefCountScheme.None && !options.Unsafe)
            throw new NotSupportedException(
                $"--gil off with --refcount {options.Scheme.ToString().ToLowerInvariant()} would lose reference-count updates between threads; " +
                "use --refcount biased (the default without the GIL) or atomic, or add --unsafe to see the damage");        Options = options;
        _interp = new Interpreter(options);
    }

    /// <summary>The options this runtime was created with.</summary>
    public RuntimeOptions Options { get; }

    /// <summary>Runs a script file as __main__; returns the process exit code CPython would give.</summary>
    public int RunFile(string path)
    {
        string source;
        try { source = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _interp.Stderr.Write($"minipy: can't open file '{path}': [Errno 2] No such file or directory\n");
            _interp.Flush();
            return 2;
        }
        var full = Path.GetFullPath(path);
        _interp.PrependSearchPath(_interp.MainThread, Path.GetDirectoryName(full) ?? ".");
        return RunMain(source, full);
    }

    /// <summary>Runs source text as __main__ (the <c>-c</c> option, or a script piped to stdin); returns the exit code.</summary>
    public int RunCommand(string source, string filename = "<string>")
    {
        _interp.PrependSearchPath(_interp.MainThread, Directory.GetCurrentDirectory());
        return RunMain(source, filename);
    }

    /// <summary>The calling thread becomes the interpreter's main thread and holds the GIL while Python runs.</summary>
    private int RunMain(string source, string filename)
    {
        var ts = _interp.MainThread;
        ts.Ident = Environment.CurrentManagedThreadId;
        _interp.Gil.Acquire(ts);
        try { return MainRunner.RunSource(_interp, source, filename); }
        finally { _interp.Gil.Release(ts, forced: false); }
    }

    /// <summary>The disassembly of a source file's code objects, or the syntax error report.</summary>
    public string Disassemble(string path)
    {
        var source = File.ReadAllText(path);
        var ts = _interp.MainThread;
        try
        {
            var code = ScriptRunner.Compile(ts, source, Path.GetFullPath(path));
            return Disassembler.Disassemble(code);
        }
        catch (PyException e)
        {
            return ScriptRunner.FormatSyntaxError(ts, e.Value);
        }
    }

    /// <summary>An interactive session: reads statements (multi-line blocks too) and echoes expression values.</summary>
    public int RunRepl(TextReader input, TextWriter prompt)
    {
        var ts = _interp.MainThread;
        ts.Ident = Environment.CurrentManagedThreadId;
        _interp.Gil.Acquire(ts);
        try { return Repl.Run(_interp, input, prompt); }
        finally { _interp.Gil.Release(ts, forced: false); }
    }
}
