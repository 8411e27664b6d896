using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using BenchmarkDotNet.Attributes;
using MiniPy.Hosting;
using MiniPy.Interpreters;
using MiniPy.Runtime;

namespace MiniPy.Benchmarks;

/// <summary>
/// What an isolated interpreter costs (interpreters module): create+close, create+exec+close, the memory
/// an idle one keeps (MemoryDiagnoser's Allocated column of Create, whose interpreters stay alive until
/// the iteration ends), queue throughput between two interpreters, and beside them a whole process start
/// of <c>minipy -c pass</c>, the alternative a user weighs interpreters against.
/// </summary>
[MemoryDiagnoser]
public class InterpreterBenchmarks
{
    private const int Items = 100_000;
    private Interpreter _main = null!;
    private Interpreter _producer = null!, _consumer = null!;
    private readonly System.Collections.Generic.List<Interpreter> _live = new();

    [Params(false, true)]
    public bool Gil { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _main = new Interpreter(new RuntimeOptions { Gil = Gil });
        _main.MainThread.Ident = Environment.CurrentManagedThreadId;
        _main.Gil.Acquire(_main.MainThread);
        _producer = Interpreter.CreateIsolated(_main.MainThread);
        _consumer = Interpreter.CreateIsolated(_main.MainThread);
        var queue = new InterpreterQueue(_main.Registry.NewQueueId(), 0, null);
        SetGlobal(_producer, "q", queue);
        SetGlobal(_consumer, "q", queue);
        Exec(_producer, "def put_ints(n):\n    for i in range(n):\n        q.put(i % 200)\n" +
                        "def put_bytes(n):\n    b = bytes(100)\n    for i in range(n):\n        q.put(b)\n");
        Exec(_consumer, "def get_all(n):\n    for i in range(n):\n        q.get()\n");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        InterpreterEntry.Close(_main.MainThread, _producer);
        InterpreterEntry.Close(_main.MainThread, _consumer);
        _main.Gil.Release(_main.MainThread, forced: false);
    }

    private void Exec(Interpreter target, string source)
    {
        if (InterpreterEntry.Exec(_main.MainThread, target, source) is { } failure)
            throw new InvalidOperationException(failure.ErrDisplay);
    }

    private void SetGlobal(Interpreter target, string name, InterpreterQueue queue) =>
        InterpreterEntry.Run(_main.MainThread, target, queue, (ts, q) =>
        {
            ts.Interp.EnsureMainModule(ts).Dict.SetStrOwned(ts, ts.Interp.Intern(name), new PyInterpreterQueue(q));
            return 0;
        });

    [Benchmark(Description = "create+close")]
    public void CreateClose() => InterpreterEntry.Close(_main.MainThread, Interpreter.CreateIsolated(_main.MainThread));

    [Benchmark(Description = "create+exec+close")]
    public void CreateExecClose()
    {
        var interp = Interpreter.CreateIsolated(_main.MainThread);
        Exec(interp, "x = 6 * 7");
        InterpreterEntry.Close(_main.MainThread, interp);
    }

    /// <summary>Allocated per operation = what one idle interpreter keeps (closed only after the iteration).</summary>
    [Benchmark(Description = "create (idle, kept)")]
    public void Create() => _live.Add(Interpreter.CreateIsolated(_main.MainThread));

    [IterationCleanup(Target = nameof(Create))]
    public void CloseLive()
    {
        foreach (var interp in _live) InterpreterEntry.Close(_main.MainThread, interp);
        _live.Clear();
    }

    /// <summary>100,000 items from one interpreter to another, each side driven by its own thread.</summary>
    [Benchmark(Description = "queue: 100,000 small ints", OperationsPerInvoke = Items)]
    public void QueueInts() => Transfer("put_ints");

    [Benchmark(Description = "queue: 100,000 x 100-byte bytes", OperationsPerInvoke = Items)]
    public void QueueBytes() => Transfer("put_bytes");

    private void Transfer(string producer)
    {
        var thread = new Thread(() =>
        {
            var caller = _main.CreateThreadState();
            caller.Ident = Environment.CurrentManagedThreadId;
            _main.Gil.Acquire(caller);
            try { InterpreterEntry.Exec(caller, _producer, $"{producer}({Items})"); }
            finally
            {
                _main.RemoveThreadState(caller, keepSummary: false);
                _main.Gil.Release(caller, forced: false);
            }
        });
        thread.Start();
        Exec(_consumer, $"get_all({Items})");
        // The producer takes this interpreter's GIL again on its way out: wait for it without holding it.
        _main.MainThread.BeginBlocking();
        bool finished = thread.Join(TimeSpan.FromMinutes(1));
        _main.MainThread.EndBlocking();
        if (!finished) throw new TimeoutException("producer did not finish");
    }

    /// <summary>A new process instead: <c>dotnet minipy.dll -c pass</c> (the Release build of the CLI).</summary>
    [Benchmark(Description = "process: minipy -c pass")]
    public void ProcessStart()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(CliPath());
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("pass");
        using var process = Process.Start(start)!;
        process.WaitForExit();
    }

    private static string CliPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "MiniPy.Cli", "bin", "Release", "net10.0", "minipy.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("build the CLI first: dotnet build src/MiniPy.Cli -c Release");
    }
}
