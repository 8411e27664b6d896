using System;
using System.IO;
using System.Text;
using MiniPy.Compiler;

namespace MiniPy.Runtime;

/// <summary>
/// Compiled code of files (the frozen library, imported modules, the main script), kept on disk between
/// runs as CPython keeps its frozen modules compiled and other modules in __pycache__: parsing costs more
/// than running for short programs, and it is the serial part of every parallel run. The key is the
/// source text, the file name, the cache format and the runtime build, so a stale entry is never used. The folder is MINIPY_CACHE_DIR (empty: no cache), else the user's local data folder. Any
/// failure to read or write only means compiling again.
/// </summary>
internal static class CodeCache
{
    private static string? Folder()
    {
        var configured = Environment.GetEnvironmentVariable("MINIPY_CACHE_DIR");
        if (configured is not null) return configured.Length == 0 ? null : configured;
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return string.IsNullOrEmpty(local) ? null : Path.Combine(local, "minipy", "cache");
    }

    /// <summary>Entries live in a subfolder named after the runtime build, so that a new build starts a
    /// new folder and removes the old builds' ones instead of letting them pile up.</summary>
    private static string? PathFor(string name, string source, string filename)
    {
        var folder = Folder();
        if (folder is null) return null;
        var runtime = typeof(CodeObject).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        var (h1, h2) = ContentHash($"{CodeMarshal.FormatVersion}\n{filename}\n{source}");
        var safeName = Path.GetFileNameWithoutExtension(name.Replace('<', '_').Replace('>', '_'));
        return Path.Combine(folder, runtime, $"{safeName}-{h1:x16}{h2:x8}.mpyc");
    }

    private static bool IsHex(string s)
    {
        foreach (char c in s)
            if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }

    /// <summary>Makes this build's folder; the first time, removes the folders of other builds.</summary>
    private static void EnsureBuildFolder(string buildFolder)
    {
        if (Directory.Exists(buildFolder)) return;
        Directory.CreateDirectory(buildFolder);
        var root = Path.GetDirectoryName(buildFolder);
        if (root is null) return;
        foreach (var other in Directory.GetDirectories(root))
        {
            var name = Path.GetFileName(other);
            if (name.Length != 32 || other == buildFolder || !IsHex(name)) continue;
            try { Directory.Delete(other, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        // Entries of the format before build folders sat at the top level.
        foreach (var stale in Directory.GetFiles(root, "*.mpyc"))
        {
            try { File.Delete(stale); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>Two independent 64-bit FNV-1a lanes over the text. Not SHA-256: its first use loads the
    /// system's crypto library, which costs milliseconds of every start-up; a cache key needs no more than
    /// this (the entry also records nothing a collision could abuse beyond code the user ran).</summary>
    private static (ulong, uint) ContentHash(string text)
    {
        ulong a = 14695981039346656037UL, b = 0x84222325CBF29CE4UL;
        foreach (char c in text)
        {
            a = (a ^ c) * 1099511628211UL;
            b = (b ^ (ulong)(c * 31 + 7)) * 0x100000001B3UL ^ (b >> 29);
        }
        return (a ^ (ulong)text.Length, (uint)(b ^ (b >> 32)));
    }

    /// <summary>The cached compilation of <paramref name="source"/>, compiling (and storing) it on a miss.</summary>
    public static CodeObject Compile(ThreadState ts, string name, string source, string filename)
    {
        var path = Capabilities.Allows(ts, Hosting.ScriptCapabilities.FileSystem) ? PathFor(name, source, filename) : null;
        if (path is not null && TryLoad(ts.Interp, path) is { } cached)
        {
            ts.Interp.RememberSource(filename, source);
            return cached;
        }
        var code = ScriptRunner.Compile(ts, source, filename);
        if (path is not null) TryStore(path, code);
        return code;
    }

    private static CodeObject? TryLoad(Interpreter interp, string path)
    {
        try
        {
            if (!File.Exists(path)) return null;
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            return CodeMarshal.Read(reader, interp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or EndOfStreamException
                                      or ArgumentException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static void TryStore(string path, CodeObject code)
    {
        try
        {
            EnsureBuildFolder(Path.GetDirectoryName(path)!);
            var temp = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
            using (var writer = new BinaryWriter(File.Create(temp), Encoding.UTF8))
                CodeMarshal.Write(writer, code);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // A read-only or missing folder: run without the cache.
        }
    }
}
