using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using MiniPy.Concurrency;
using MiniPy.Hosting;
using MiniPy.Interpreters;
using MiniPy.Memory;
using MiniPy.Modules;
using MiniPy.Objects;

namespace MiniPy.Runtime;

/// <summary>
/// One interpreter: its modules, builtins, sys, interned strings and threads. Nothing is shared with
/// other interpreters except immortal immutable objects (built-in types, None, small ints...).
/// </summary>
internal sealed partial class Interpreter
{
    public readonly RuntimeOptions Options;
    /// <summary>Every interpreter of this runtime (the process, for the command-line tool).</summary>
    public readonly InterpreterRegistry Registry;
    /// <summary>interpreters.get_current().id: 0 for the main interpreter.</summary>
    public readonly long Id;
    public bool IsMain => Id == 0;
    public readonly ThreadState MainThread;
    /// <summary>This interpreter's global interpreter lock.</summary>
    public readonly Gil Gil;
    private readonly List<ThreadState> _threads = new();
    private readonly List<GilThreadSummary> _finishedThreads = new();
    public readonly PyDict Builtins;
    public readonly PyDict Modules;
    public PyModule BuiltinsModule = null!;
    public PyModule Sys = null!;
    /// <summary>The __main__ module (owned), once a program runs.</summary>
    public PyModule? MainModule;
    public PyTextIO Stdout = null!, Stderr = null!;
    private readonly Interpreter? _parent;
    private TextReader? _stdin;

    /// <summary>input()'s source: the host's reader, or the console's. Made on first use: the console's
    /// reader costs milliseconds of every start (terminal set-up), and most programs never read.</summary>
    public TextReader Stdin => _stdin ??= _parent?.Stdin ?? Options.Stdin ?? Console.In;
    private int _recursionLimit;

    /// <summary>sys.getrecursionlimit(); every thread state keeps a copy for its call path.</summary>
    public int RecursionLimit
    {
        get => _recursionLimit;
        set
        {
            _recursionLimit = value;
            if (MainThread is null) return;
            lock (_threads)
                foreach (var t in _threads) t.RecursionLimit = value;
        }
    }
    /// <summary>The folders imports search, in order: sys.path's str entries ("" is the current folder).
    /// Read afresh at every import, since programs change sys.path or replace it.</summary>
    public List<string> SearchPaths(ThreadState ts)
    {
        var paths = new List<string>();
        if (Sys.Dict.GetItemOrNull(Intern("path")) is PyList list && Ops.Snapshot(ts, list) is { } entries)
        {
            foreach (var entry in entries)
            {
                if (entry is PyStr s) paths.Add(s.Value.Length == 0 ? "." : s.Value);
                Rc.Decref(ts, entry);
            }
        }
        return paths;
    }

    /// <summary>What sys.path starts as: the options' folders, or for an isolated interpreter its creator's sys.path.</summary>
    public readonly IReadOnlyList<string> InitialSearchPaths;

    /// <summary>Puts a folder first on sys.path (the script's folder, or the current one for -c and the REPL).</summary>
    public void PrependSearchPath(ThreadState ts, string folder)
    {
        if (Sys.Dict.GetItemOrNull(Intern("path")) is not PyList list) return;
        var entry = new PyStr(folder);
        list.Insert(ts, 0, entry);
        Rc.Decref(ts, entry);
    }
    public readonly RefChecker? RefChecker;
    public readonly RcStats TotalStats = new();
    public readonly Random SystemRandom = new();
    public int ExitCode;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PyStr> _interned = new();
    private readonly PyStr?[] _charStrings = new PyStr?[256];
    private readonly Dictionary<string, Func<ThreadState, PyModule>> _builtinModules = new();
    /// <summary>Modules whose code is running right now, per importing thread.</summary>
    public readonly ImportLocks ImportLocks = new();

    /// <summary>The main interpreter of a new runtime.</summary>
    public Interpreter(RuntimeOptions options) : this(options, null) { }

    /// <summary>An interpreter; <paramref name="parent"/> is null for the main one, or the interpreter that
    /// creates this isolated one (its console streams and registry are shared, nothing else).</summary>
    public Interpreter(RuntimeOptions options, Interpreter? parent, IReadOnlyList<string>? searchPaths = null)
    {
        InitialSearchPaths = searchPaths ?? options.SearchPaths;
        Types.EnsureInitialized();
        Options = options;
        _parent = parent;
        Registry = parent?.Registry ?? new InterpreterRegistry();
        Id = Registry.NewInterpreterId();
        RecursionLimit = options.RecursionLimit;
        if (options.CheckRefs) RefChecker = new RefChecker(this);
        Gil = new Gil(options.Gil, options.TracePath is null || parent is not null ? null : new TraceRecorder()) { SwitchInterval = options.SwitchInterval };
        MainThread = new ThreadState(this, parent is null ? ThreadState.MainStackSlots : ThreadState.ThreadStackSlots)
        {
            Ident = Environment.CurrentManagedThreadId,
        };
        _threads.Add(MainThread);
        var ts = MainThread;
        Builtins = new PyDict();
        Modules = new PyDict();
        if (parent is null)
        {
            Stdout = CreateStream(options.Stdout, Console.OpenStandardOutput, "<stdout>", autoFlush: false);
            Stderr = CreateStream(options.Stderr, Console.OpenStandardError, "<stderr>", autoFlush: true);
        }
        else
        {
            // One console: every interpreter writes through the same writer and lock, so output keeps its order.
            Stdout = new PyTextIO(parent.Stdout);
            Stderr = new PyTextIO(parent.Stderr);
        }
        BuiltinsModule = BuiltinsModuleFactory.Create(ts);
        RegisterBuiltinModules();
        Sys = SysModule.Create(ts);
        Modules.SetStr(ts, Intern("builtins"), BuiltinsModule);
        Modules.SetStr(ts, Intern("sys"), Sys);
        Registry.Add(this);
    }

    /// <summary>A new isolated interpreter (interpreters.create()), made on the calling thread. Its first
    /// thread state only builds it: each entry from another interpreter brings a thread state of its own.</summary>
    public static Interpreter CreateIsolated(ThreadState creator)
    {
        var parent = creator.Interp;
        var interp = new Interpreter(parent.Options, parent, parent.SearchPaths(creator));
        interp.RemoveThreadState(interp.MainThread, keepSummary: false);
        return interp;
    }

    /// <summary>sys.stdout or sys.stderr: the host's writer, or the console behind a stream that releases the GIL.</summary>
    private static PyTextIO CreateStream(TextWriter? hostWriter, Func<Stream> openConsole, string name, bool autoFlush)
    {
        if (hostWriter is not null) return new PyTextIO(hostWriter, name, autoFlush);
        var console = new GilReleasingStream(openConsole());
        var writer = new StreamWriter(console, new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false, NewLine = "\n" };
        return new PyTextIO(writer, name, autoFlush, console: console);
    }

    private void RegisterBuiltinModules()
    {
        _builtinModules["math"] = MathModule.Create;
        _builtinModules["time"] = TimeModule.Create;
        _builtinModules["random"] = RandomModule.Create;
        _builtinModules["_thread"] = ThreadModule.Create;
        _builtinModules["_collections"] = MiniPy.Modules.Collections.CollectionsModule.Create;
        _builtinModules["os"] = OsModule.Create;
        _builtinModules["hashlib"] = HashlibModule.Create;
        _builtinModules["_interpreters"] = InterpretersModule.Create;
    }

    public bool TryCreateBuiltinModule(ThreadState ts, string name, out PyModule? module)
    {
        if (_builtinModules.TryGetValue(name, out var factory))
        {
            module = factory(ts);
            return true;
        }
        if (Registry.TryGetHostModule(name, out var host))
        {
            if (!host.FreeThreadingSafe && !Gil.Enabled && !Options.ForceGilOff) EnableGilFor(ts, name);
            module = host.Create(ts);
            return true;
        }
        module = null;
        return false;
    }

    /// <summary>GIL auto mode: a module that has not declared it runs safely without the GIL turns it on.</summary>
    private void EnableGilFor(ThreadState ts, string module)
    {
        Stderr.Write(ts, $"<frozen importlib._bootstrap>:488: RuntimeWarning: The global interpreter lock (GIL) has been enabled to load module '{module}', " +
                         "which has not declared that it can run safely without the GIL. To override this behavior and keep the GIL disabled " +
                         "(at your own risk), the host sets RuntimeOptions.ForceGilOff.\n");
        Gil.Enable(ts, Threads());
    }

    /// <summary>A new thread state for a thread about to start; it counts as alive from here on.</summary>
    public ThreadState CreateThreadState()
    {
        var ts = new ThreadState(this) { RecursionLimit = _recursionLimit };
        lock (_threads) _threads.Add(ts);
        return ts;
    }

    /// <summary>Called by a thread that has finished, while it still holds the GIL.</summary>
    public void RemoveThreadState(ThreadState ts, bool keepSummary = true)
    {
        // Merge what other threads queued to this one while it is still registered (merging touches local
        // counts, which only the owner may do), and leave only once the queue is empty: queueing looks owners
        // up under the same lock, so nothing can arrive after that, and objects this thread owned are merged
        // by whichever thread drops them next.
        while (true)
        {
            ts.MergeQueuedObjects();
            lock (_threads)
            {
                if (!ts.HasQueuedForMerge)
                {
                    _threads.Remove(ts);
                    break;
                }
            }
        }
        lock (_threads)
        {
            // Entries from other interpreters (exec, call) would pile up: only their counts are kept.
            if (keepSummary) _finishedThreads.Add(GilThreadSummary.Of(ts));
            if (ts.Stats is not null) TotalStats.Add(ts.Stats);
        }
    }

    /// <summary>Biased counting: hands an object to its owner thread's merge queue, or merges it here when
    /// the owner has ended.</summary>
    public void QueueForMerge(ThreadState ts, PyObject o)
    {
        int owner = Volatile.Read(ref o.OwnerTid);
        lock (_threads)
        {
            foreach (var t in _threads)
            {
                if (t.Ident != owner) continue;
                if (ts.Stats is not null) ts.Stats.Queued++;
                t.EnqueueMerge(o);
                return;
            }
        }
        BiasedCounting.MergeQueued(ts, o);
    }

    /// <summary>The live thread states (a copy).</summary>
    public ThreadState[] Threads()
    {
        lock (_threads) return _threads.ToArray();
    }

    /// <summary>GIL figures of every thread this interpreter has had, finished ones first, for <c>--stats</c>.</summary>
    public List<GilThreadSummary> GilSummaries()
    {
        lock (_threads)
        {
            var all = new List<GilThreadSummary>(_finishedThreads);
            foreach (var t in _threads) all.Add(GilThreadSummary.Of(t));
            return all;
        }
    }

    public IEnumerable<string> BuiltinModuleNames => _builtinModules.Keys;

    /// <summary>The hosting layer's view of this interpreter (a MiniPyInterpreter), made on first need.</summary>
    public object? HostView;

    /// <summary>The interned (immortal) str for a name: names compare by reference on the fast path.</summary>
    public PyStr Intern(string s)
    {
        // The runtime's own names are shared by every interpreter. Threads intern names concurrently
        // without the GIL: reads take no lock, and a race to add a name keeps one winner.
        if (Types.Strs.TryGet(s, out var p) || _interned.TryGetValue(s, out p)) return p;
        return _interned.GetOrAdd(s, static name => new PyStr(name).MakeImmortal<PyStr>());
    }

    /// <summary>A cached one-character string (immortal for Latin-1 characters).</summary>
    public PyObject CharString(char c)
    {
        if (c < 256)
        {
            var s = _charStrings[c];
            if (s is null) _charStrings[c] = s = new PyStr(c.ToString()).MakeImmortal<PyStr>();
            return s;
        }
        return new PyStr(c.ToString());
    }

    private readonly Dictionary<string, string[]> _sources = new();

    /// <summary>Keeps a file's text so that tracebacks can show its lines.</summary>
    public void RememberSource(string filename, string source) => _sources[filename] = source.Split('\n');

    public string[]? SourceLines(string filename)
    {
        if (_sources.TryGetValue(filename, out var lines)) return lines;
        if ((Options.Capabilities & ScriptCapabilities.FileSystem) == 0) return null;
        try
        {
            if (File.Exists(filename)) return _sources[filename] = File.ReadAllText(filename).Split('\n');
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }

    public void Flush()
    {
        try { Stdout.Flush(); } catch (IOException) { }
        try { Stderr.Flush(); } catch (IOException) { }
    }
}
