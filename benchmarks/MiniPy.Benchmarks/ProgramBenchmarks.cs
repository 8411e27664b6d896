using System.IO;
using BenchmarkDotNet.Attributes;
using MiniPy.Compiler;
using MiniPy.Hosting;
using MiniPy.Memory;
using MiniPy.Runtime;

namespace MiniPy.Benchmarks;

/// <summary>The project's benchmark programs, compiled once and run many times in-process, under each scheme.</summary>
[MemoryDiagnoser]
public class ProgramBenchmarks
{
    [Params("calls", "int_loops", "floats", "objects", "strings_dicts", "generators", "bigints", "slices")]
    public string Program { get; set; } = "calls";

    [Params(RefCountScheme.None, RefCountScheme.Plain)]
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
