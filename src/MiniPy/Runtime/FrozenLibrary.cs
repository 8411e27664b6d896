using System;
using System.Collections.Generic;
using System.IO;

namespace MiniPy.Runtime;

/// <summary>
/// The standard-library modules written in Python (src/MiniPy/Lib), compiled into the runtime assembly as
/// resources, as CPython freezes part of its library: threading, queue, heapq, concurrent.futures.
/// Each interpreter imports its own copy; their files show in tracebacks as <c>&lt;frozen NAME&gt;</c>.
/// </summary>
internal static class FrozenLibrary
{
    private const string Prefix = "Lib/";

    /// <summary>The names of the frozen modules (packages by their package name).</summary>
    public static IEnumerable<string> Names
    {
        get
        {
            foreach (var resource in typeof(FrozenLibrary).Assembly.GetManifestResourceNames())
            {
                if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(".py", StringComparison.Ordinal)) continue;
                var path = resource.Substring(Prefix.Length, resource.Length - Prefix.Length - 3).Replace('\\', '/');
                if (path.EndsWith("/__init__", StringComparison.Ordinal)) path = path.Substring(0, path.Length - "/__init__".Length);
                yield return path.Replace('/', '.');
            }
        }
    }

    public static bool Contains(string name)
    {
        using var stream = Open(name, out _);
        return stream is not null;
    }

    /// <summary>The resource of a module, looked up by name: a table built at start-up (a frozen dictionary
    /// of the resource names) cost milliseconds of every first import.</summary>
    private static Stream? Open(string name, out bool isPackage)
    {
        var assembly = typeof(FrozenLibrary).Assembly;
        var path = Prefix + name.Replace('.', '/');
        isPackage = false;
        var stream = assembly.GetManifestResourceStream(path + ".py");
        if (stream is not null) return stream;
        isPackage = true;
        return assembly.GetManifestResourceStream(path + "/__init__.py");
    }

    /// <summary>The source of a frozen module, or null if there is none by that name.</summary>
    public static string? Source(string name, out bool isPackage)
    {
        using var stream = Open(name, out isPackage);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
