using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace MiniPy.Tests;

/// <summary>Every program in examples/ runs to the end, with the GIL and without it, and writes nothing to stderr.</summary>
public sealed class ExamplesTests
{
    private static string ExamplesDir => Path.Combine(AppContext.BaseDirectory, "Examples");

    public static IEnumerable<object[]> Examples() =>
        Directory.GetFiles(ExamplesDir, "*.mpy").OrderBy(p => p, StringComparer.Ordinal)
            .SelectMany(p => new[] { new object[] { Path.GetFileName(p), true }, new object[] { Path.GetFileName(p), false } });

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_runs_cleanly(string name, bool gil)
    {
        var result = TestHost.RunFile(Path.Combine(ExamplesDir, name), o => o.Gil = gil, TimeSpan.FromSeconds(120));
        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        Assert.NotEqual("", result.Stdout);
    }
}
