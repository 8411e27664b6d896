using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace MiniPy.Tests;

/// <summary>
/// The exit sequence of the minipy command, in child processes (it is the console streams and the process's
/// end that are under test): threads that write to stderr, or whose target raises, while the main thread
/// finalises never hang it, with the GIL or without.
/// </summary>
public sealed class ExitTests
{
    private const int RunsPerMode = 25;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static string Cli => typeof(ExitTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "MiniPyCli").Value!;

    private static (int ExitCode, string Stdout, string Stderr) RunCli(string script, string gil)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Cli, "--gil", gil, script }) start.ArgumentList.Add(arg);
        start.Environment["MINIPY_CACHE_DIR"] = "";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Deadline))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"minipy --gil {gil} {Path.GetFileName(script)} hung at exit");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static void RunRepeatedly(string source, string gil, Action<(int ExitCode, string Stdout, string Stderr)> check)
    {
        var path = Path.Combine(Path.GetTempPath(), $"minipy-exit-{Guid.NewGuid():N}.py");
        File.WriteAllText(path, source);
        try
        {
            for (int i = 0; i < RunsPerMode; i++) check(RunCli(path, gil));
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("on")]
    [InlineData("off")]
    public void Threads_writing_to_stderr_at_exit_never_hang_it(string gil)
    {
        const string source = """
            import _thread, sys
            for i in range(4):
                _thread.start_new_thread(lambda: sys.stderr.write('x\n'), ())
            print("main done")
            """;
        RunRepeatedly(source, gil, r =>
        {
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("main done\n", r.Stdout);
            Assert.True(r.Stderr.Replace("x\n", "").Length == 0, r.Stderr);
        });
    }

    [Theory]
    [InlineData("on")]
    [InlineData("off")]
    public void Daemon_threads_whose_target_raises_at_exit_never_hang_it(string gil)
    {
        const string source = """
            import threading
            def boom():
                raise ValueError("boom")
            for i in range(4):
                threading.Thread(target=boom, daemon=True).start()
            print("main done")
            """;
        RunRepeatedly(source, gil, r =>
        {
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("main done\n", r.Stdout);
            Assert.DoesNotContain("SystemError", r.Stderr);
        });
    }

    [Theory]
    [InlineData("on")]
    [InlineData("off")]
    public void Threads_started_by_start_new_thread_that_raise_at_exit_never_hang_it(string gil)
    {
        const string source = """
            import _thread
            def boom():
                raise ValueError("boom")
            for i in range(4):
                _thread.start_new_thread(boom, ())
            """;
        RunRepeatedly(source, gil, r =>
        {
            Assert.Equal(0, r.ExitCode);
            Assert.DoesNotContain("SystemError", r.Stderr);
        });
    }
}
