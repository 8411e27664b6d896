using System.IO;
using BenchmarkDotNet.Attributes;
using MiniPy.Compiler;
using MiniPy.Hosting;
using MiniPy.Memory;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Benchmarks;

/// <summary>
/// The same total work done by 1 or 2 threads under the GIL: sha256 over 16 MiB buffers (hashlib releases
/// the GIL, so two threads should take about half the time) and pure-Python Fibonacci (they cannot).
/// Each thread hashes its own buffer: two cores reading one shared 16 MiB buffer scale worse on some
/// machines whatever the runtime (measured with plain .NET threads too).
/// Compare the two Threads rows of each workload: their ratio is the speed-up.
/// </summary>
public class GilScalingBenchmarks
{
    [Params("sha256_16MiB", "fibonacci")]
    public string Workload { get; set; } = "sha256_16MiB";

    [Params(1, 2)]
    public int Threads { get; set; }

    private const string Program = """
        import hashlib, threading
        def sha256_16MiB(jobs):
            buffer = bytes([len(threading.enumerate())]) * (16 * 1024 * 1024)  # each thread its own buffer
            for _ in range(jobs):
                hashlib.sha256(buffer).digest()
        def fibonacci(jobs):
            for _ in range(jobs):
                a, b = 0, 1
                for _ in range(100000):
                    a, b = b, (a + b) % 1000000007
        work = sha256_16MiB if WORKLOAD == "sha256_16MiB" else fibonacci
        threads = [threading.Thread(target=work, args=(8 // THREADS,)) for _ in range(THREADS)]
        for t in threads: t.start()
        for t in threads: t.join()
        """;

    private Interpreter _interp = null!;
    private CodeObject _code = null!;

    [GlobalSetup]
    public void Setup()
    {
        _interp = new Interpreter(new RuntimeOptions { Stdout = TextWriter.Null, Stderr = TextWriter.Null });
        _code = ScriptRunner.Compile(_interp.MainThread, Program, "<gil-scaling>");
    }

    [Benchmark]
    public void Run() => BenchmarkHost.Run(_interp, _code, globals =>
    {
        var ts = _interp.MainThread;
        globals.SetStrOwned(ts, _interp.Intern("WORKLOAD"), new PyStr(Workload));
        globals.SetStrOwned(ts, _interp.Intern("THREADS"), ts.NewInt(Threads));
    });
}
