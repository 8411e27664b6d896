using System.IO;
using BenchmarkDotNet.Attributes;
using MiniPy.Compiler;
using MiniPy.Hosting;
using MiniPy.Memory;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Benchmarks;

/// <summary>
/// What each reference-counting scheme costs a single thread: the same programs under none, plain, atomic
/// and biased, with immortal objects on and off (the GIL is on, so only counting differs).
/// </summary>
[MemoryDiagnoser]
public class SchemeBenchmarks
{
    [Params("calls", "objects")]
    public string Program { get; set; } = "calls";

    [Params(RefCountScheme.None, RefCountScheme.Plain, RefCountScheme.Atomic, RefCountScheme.Biased)]
    public RefCountScheme Scheme { get; set; }

    [Params(true, false)]
    public bool Immortal { get; set; }

    private Interpreter _interp = null!;
    private CodeObject _code = null!;

    [GlobalSetup]
    public void Setup()
    {
        _interp = new Interpreter(new RuntimeOptions { RefCount = Scheme, Immortal = Immortal, Stdout = TextWriter.Null, Stderr = TextWriter.Null });
        _code = BenchmarkHost.CompileProgram(_interp, Program);
    }

    [Benchmark]
    public void Run() => BenchmarkHost.Run(_interp, _code, globals => { });
}

/// <summary>
/// Two threads without the GIL, each adding and dropping references 200,000 times to one object that both
/// share, to an object of its own, or to an immortal object. Shared references make the threads fight over
/// one count (every change is an interlocked instruction on the same cache line); own objects stay on the
/// owner's cheap local count under biased counting; immortal objects are never counted.
/// </summary>
public class SharedObjectBenchmarks
{
    public enum Target { Shared, Own, Immortal }

    [Params(RefCountScheme.Biased, RefCountScheme.Atomic)]
    public RefCountScheme Scheme { get; set; }

    [Params(Target.Shared, Target.Own, Target.Immortal)]
    public Target Reads { get; set; }

    private const string Program = """
        import threading
        shared = [1, 2, 3]
        def reader(kind):
            mine = [1, 2, 3]
            target = shared if kind == "Shared" else (mine if kind == "Own" else None)
            holder = [target]
            for _ in range(200000):
                x = holder[0]
                y = x
                del x, y
        threads = [threading.Thread(target=reader, args=(READS,)) for _ in range(2)]
        for t in threads: t.start()
        for t in threads: t.join()
        """;

    private Interpreter _interp = null!;
    private CodeObject _code = null!;

    [GlobalSetup]
    public void Setup()
    {
        _interp = new Interpreter(new RuntimeOptions { Gil = false, RefCount = Scheme, Stdout = TextWriter.Null, Stderr = TextWriter.Null });
        _code = ScriptRunner.Compile(_interp.MainThread, Program, "<shared-objects>");
    }

    [Benchmark]
    public void Run() => BenchmarkHost.Run(_interp, _code, globals =>
        globals.SetStrOwned(_interp.MainThread, _interp.Intern("READS"), new PyStr(Reads.ToString())));
}
