using System;
using System.IO;
using System.Threading;
using MiniPy.Hosting;
using MiniPy.Memory;

namespace MiniPy.Tests;

/// <summary>The outcome of running a program in-process.</summary>
public sealed record RunResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs MiniPy programs in-process with captured output, on a thread with a large stack.</summary>
public static class TestHost
{
    /// <summary>Programs run by the tests cache their compiled code in a temporary folder of this test run,
    /// not in the user's cache (every test writes scripts with fresh names).</summary>
    static TestHost()
    {
        Environment.SetEnvironmentVariable("MINIPY_CACHE_DIR", Path.Combine(Path.GetTempPath(), $"minipy-test-cache-{Environment.ProcessId}"));
    }

    public static RunResult RunSource(string source, RefCountScheme scheme = RefCountScheme.Plain, bool checkRefs = false)
    {
        var path = Path.Combine(Path.GetTempPath(), $"minipy-test-{Guid.NewGuid():N}.py");
        File.WriteAllText(path, source);
        try { return RunFile(path, scheme, checkRefs); }
        finally { File.Delete(path); }
    }

    public static RunResult RunFile(string path, RefCountScheme scheme = RefCountScheme.Plain, bool checkRefs = false, TimeSpan? timeout = null) =>
        RunFile(path, o => { o.RefCount = scheme; o.CheckRefs = checkRefs; }, timeout);

    /// <summary>Runs source text with options set by <paramref name="configure"/>; fails after <paramref name="timeout"/> (60 s by default).</summary>
    public static RunResult RunSource(string source, Action<RuntimeOptions> configure, TimeSpan? timeout = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"minipy-test-{Guid.NewGuid():N}.py");
        File.WriteAllText(path, source);
        try { return RunFile(path, configure, timeout); }
        finally { File.Delete(path); }
    }

    public static RunResult RunFile(string path, Action<RuntimeOptions> configure, TimeSpan? timeout = null)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var options = new RuntimeOptions { Stdout = stdout, Stderr = stderr, Stdin = new StringReader("") };
        configure(options);
        options.Argv.Add(path);
        int exit = -1;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { exit = new MiniPyRuntime(options).RunFile(path); }
            catch (Exception e) { failure = e; }
        }, 512 * 1024 * 1024);
        thread.Start();
        if (!thread.Join(timeout ?? TimeSpan.FromSeconds(60))) throw new TimeoutException($"{path} did not finish");
        if (failure is not null) throw new InvalidOperationException("a .NET exception escaped the runtime", failure);
        return new RunResult(exit, stdout.ToString(), stderr.ToString());
    }
}
