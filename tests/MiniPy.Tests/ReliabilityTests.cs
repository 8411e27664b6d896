using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MiniPy.Memory;
using Xunit;

namespace MiniPy.Tests;

/// <summary>
/// The reliability programs (Reliability/*.py, expected output from CPython 3.13): resource exhaustion, runaway
/// recursion, deep nesting, dicts changed by their own keys, and threads abusing shared containers. Each runs
/// with the GIL and without it, under the reference checker, with a deadline: a .NET exception escaping, a
/// hang or a wrong line fails the test.
/// </summary>
public sealed class ReliabilityTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    private static string Dir => Path.Combine(AppContext.BaseDirectory, "Reliability");

    public static IEnumerable<object[]> Programs() =>
        Directory.GetFiles(Dir, "*.py").OrderBy(p => p, StringComparer.Ordinal).Select(p => new object[] { Path.GetFileName(p) });

    private static void Check(string name, bool gil)
    {
        var path = Path.Combine(Dir, name);
        var result = TestHost.RunFile(path, o =>
        {
            o.Gil = gil;
            o.RefCount = gil ? RefCountScheme.Plain : RefCountScheme.Biased;
            o.CheckRefs = true;
        }, Deadline);
        Assert.Equal(File.ReadAllText(Path.ChangeExtension(path, ".out")), result.Stdout);
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("SystemError", result.Stderr);
        Assert.Contains(" 0 mismatches", result.Stderr);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_prints_what_CPython_prints_with_the_gil(string name) => Check(name, gil: true);

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_prints_what_CPython_prints_without_the_gil(string name) => Check(name, gil: false);
}
