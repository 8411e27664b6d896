using System;
using System.IO;
using System.Linq;
using MiniPy.Compiler;
using MiniPy.Hosting;
using MiniPy.Runtime;
using Xunit;

namespace MiniPy.Tests;

/// <summary>The code cache's format: every corpus program and every frozen module survives a write and a
/// read with the same disassembly (instructions, constants, names, tables).</summary>
public sealed class CodeMarshalTests
{
    private static void AssertRoundTrip(Interpreter interp, string source, string filename)
    {
        var code = ScriptRunner.Compile(interp.MainThread, source, filename);
        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) CodeMarshal.Write(writer, code);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var copy = CodeMarshal.Read(reader, interp);
        Assert.NotNull(copy);
        Assert.Equal(Disassembler.Disassemble(code), Disassembler.Disassemble(copy!));
        Assert.Equal(stream.Length, stream.Position);
    }

    [Fact]
    public void Corpus_programs_round_trip()
    {
        var interp = new Interpreter(new RuntimeOptions { Stdout = TextWriter.Null });
        var corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");
        foreach (var file in Directory.GetFiles(corpus, "*.py").OrderBy(f => f, StringComparer.Ordinal))
            AssertRoundTrip(interp, File.ReadAllText(file), file);
    }

    [Fact]
    public void Frozen_modules_round_trip()
    {
        var interp = new Interpreter(new RuntimeOptions { Stdout = TextWriter.Null });
        foreach (var name in FrozenLibrary.Names)
            AssertRoundTrip(interp, FrozenLibrary.Source(name, out _)!, $"<frozen {name}>");
    }

    [Fact]
    public void Another_format_version_is_not_read()
    {
        var interp = new Interpreter(new RuntimeOptions { Stdout = TextWriter.Null });
        var stream = new MemoryStream(BitConverter.GetBytes(CodeMarshal.FormatVersion + 1));
        using var reader = new BinaryReader(stream);
        Assert.Null(CodeMarshal.Read(reader, interp));
    }
}
