using System;
using System.IO;
using Xunit;

namespace MiniPy.Tests;

/// <summary>examples/Embedding prints exactly what its README says it prints.</summary>
public sealed class EmbeddingExampleTests
{
    [Fact]
    public void The_embedding_example_prints_what_its_readme_shows()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "examples", "Embedding", "README.md")).Replace("\r\n", "\n");
        int start = readme.IndexOf("```\n", StringComparison.Ordinal) + 4;
        int end = readme.IndexOf("```", start, StringComparison.Ordinal);
        var expected = readme.Substring(start, end - start);
        var output = new StringWriter { NewLine = "\n" };
        Assert.Equal(0, MiniPy.Examples.Embedding.Program.Run(output));
        Assert.Equal(expected, output.ToString());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MiniPy.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("MiniPy.sln not found above the test assembly");
    }
}
