using System;
using System.IO;
using MiniPy.Compiler;
using MiniPy.Runtime;

namespace MiniPy.Hosting;

/// <summary>
/// A MiniPy runtime: a main interpreter configured by <see cref="RuntimeOptions"/>, the isolated
/// interpreters made from it, and the host modules they can import. The command-line tool is built on
/// this class.
/// Thread-safety: <see cref="MainInterpreter"/>, <see cref="CreateInterpreter"/> and
/// <see cref="RegisterModule"/> may be called from any thread; <see cref="RunFile"/>,
/// <see cref="RunCommand"/>, <see cref="RunRepl"/> and <see cref="Disassemble"/> run a whole program and
/// are for one thread at a time; <see cref="Dispose"/> last, when no call is running.
/// </summary>
public sealed class MiniPyRuntime : IDisposable
{
    private readonly Interpreter _interp;
    private MiniPyInterpreter? _main;

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

    /// <summary>The main interpreter, for Execute, Evaluate, globals and calls.</summary>
    public MiniPyInterpreter MainInterpreter
    {
        get
        {
            if (_main is { } main) return main;
            var made = new MiniPyInterpreter(this, _interp);
            return System.Threading.Interlocked.CompareExchange(ref _main, made, null) ?? made;
        }
    }

    /// <summary>A new isolated interpreter (PEP 684): its own modules, globals and, with the GIL on, GIL.
    /// Dispose it to close it.</summary>
    public MiniPyInterpreter CreateInterpreter()
    {
        var main = MainInterpreter;
        var interp = main.Run(null, 0, static (ts, _) => Interpreter.CreateIsolated(ts));
        return ViewOf(interp);
    }

    /// <summary>Makes <paramref name="module"/> importable in every interpreter of this runtime.</summary>
    public void RegisterModule(HostModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        _interp.Registry.AddHostModule(module.Name, new Interpreters.HostModuleFactory(ts => module.Create(ts, ViewOf(ts.Interp)), module.FreeThreadingSafe));
    }

    /// <summary>True while the GIL is on (it can be turned on by importing a host module not declared free-threading-safe).</summary>
    public bool IsGilEnabled => _interp.Gil.Enabled;

    /// <summary>The hosting view of an interpreter (made for interpreters a script created).</summary>
    internal MiniPyInterpreter ViewOf(Interpreter interp)
    {
        if (interp.HostView is MiniPyInterpreter view) return view;
        lock (interp) return interp.HostView as MiniPyInterpreter ?? new MiniPyInterpreter(this, interp);
    }

    /// <summary>Closes an isolated interpreter from the main one.</summary>
    internal void Close(MiniPyInterpreter view)
    {
        if (view.Interp.IsRunning) throw new InvalidOperationException($"interpreter {view.Id} is running");
        MainInterpreter.Run(null, view.Interp, static (ts, target) =>
        {
            Interpreters.InterpreterEntry.Close(ts, target);
            return 0;
        });
    }

    /// <summary>Closes every isolated interpreter and flushes the output streams.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        var reports = MainInterpreter.Run(null, 0, static (ts, _) => Interpreters.InterpreterEntry.CloseAll(ts));
        foreach (var r in reports) _interp.Stderr.Write(r);
        _interp.Flush();
    }

    private bool _disposed;

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
        if (!_interp.TryStartRunning()) throw new InvalidOperationException("the main interpreter is already running a program");
        _interp.Gil.Acquire(ts);
        MainInterpreter.SetActive(ts);
        try { return MainRunner.RunSource(_interp, source, filename); }
        finally
        {
            MainInterpreter.SetActive(null);
            _interp.Gil.Release(ts, forced: false);
            _interp.StopRunning();
        }
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
        MainInterpreter.SetActive(ts);
        try { return Repl.Run(_interp, input, prompt); }
        finally
        {
            MainInterpreter.SetActive(null);
            _interp.Gil.Release(ts, forced: false);
        }
    }
}
