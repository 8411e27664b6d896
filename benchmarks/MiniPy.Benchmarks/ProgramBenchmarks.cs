using System.IO;
using BenchmarkDotNet.Attributes;
using MiniPy.Compiler;
using MiniPy.Hosting;
using MiniPy.Memory;
using MiniPy.Objects;
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
        var path = Path.Combine(System.AppContext.BaseDirectory, "Programs", Program + ".py");
        _code = ScriptRunner.Compile(_interp.MainThread, File.ReadAllText(path), path);
    }

    [Benchmark]
    public void Run()
    {
        var ts = _interp.MainThread;
        var globals = new PyDict();
        globals.SetStr(ts, Types.Strs.Builtins, _interp.BuiltinsModule);
        globals.SetStrOwned(ts, Types.Strs.Name, new PyStr("__main__"));
        Rc.Decref(ts, ScriptRunner.RunCode(ts, _code, globals, globals));
        globals.ClearAll(ts);
        Rc.Decref(ts, globals);
    }
}
