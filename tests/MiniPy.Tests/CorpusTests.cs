using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MiniPy.Memory;
using Xunit;

namespace MiniPy.Tests;

/// <summary>The project's own conformance programs (expected output from CPython 3.13), run in-process.</summary>
public sealed class CorpusTests
{
    private static string CorpusDir => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IEnumerable<object[]> Programs() =>
        Directory.GetFiles(CorpusDir, "*.py").Where(p => !Path.GetFileName(p).StartsWith("mod_", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal).Select(p => new object[] { Path.GetFileName(p) });

    private static void Check(string name, RefCountScheme scheme, bool checkRefs)
    {
        var path = Path.Combine(CorpusDir, name);
        var expected = File.ReadAllText(Path.ChangeExtension(path, ".out"));
        var result = TestHost.RunFile(path, scheme, checkRefs);
        Assert.Equal(expected, result.Stdout);
        var codeFile = Path.ChangeExtension(path, ".code");
        int expectedCode = File.Exists(codeFile) ? int.Parse(File.ReadAllText(codeFile).Trim()) : 0;
        Assert.Equal(expectedCode, result.ExitCode);
        if (checkRefs) Assert.Contains(" 0 mismatches", result.Stderr);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_prints_what_CPython_prints_under_plain_counting(string name) => Check(name, RefCountScheme.Plain, false);

    /// <summary>Under the none scheme only objects with __del__ are counted, so a finaliser reached only through
    /// an uncounted container never runs: del_finalizers.py shows exactly that difference, so it is left out.</summary>
    public static IEnumerable<object[]> ProgramsWithoutContainerFinalisers() =>
        Programs().Where(p => (string)p[0] != "del_finalizers.py");

    [Theory]
    [MemberData(nameof(ProgramsWithoutContainerFinalisers))]
    public void Program_prints_what_CPython_prints_without_counting(string name) => Check(name, RefCountScheme.None, false);

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_leaves_no_reference_count_mismatch(string name) => Check(name, RefCountScheme.Plain, true);

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_leaves_no_mismatch_under_biased_counting(string name) => Check(name, RefCountScheme.Biased, true);

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_leaves_no_mismatch_under_atomic_counting(string name) => Check(name, RefCountScheme.Atomic, true);
}
