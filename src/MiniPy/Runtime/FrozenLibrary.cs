using System.Collections.Frozen;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace MiniPy.Runtime;

/// <summary>
/// The standard-library modules written in Python (src/MiniPy/Lib), compiled into the runtime assembly as
/// resources, as CPython freezes part of its library: threading, queue, heapq, concurrent.futures.
/// Each interpreter imports its own copy; their files show in tracebacks as <c>&lt;frozen NAME&gt;</c>.
/// </summary>
internal static class FrozenLibrary
{
    private const string Prefix = "Lib/";

    /// <summary>Module name to (resource name, is a package).</summary>
    private static readonly FrozenDictionary<string, (string Resource, bool IsPackage)> Modules = Discover();

    private static FrozenDictionary<string, (string, bool)> Discover()
    {
        var modules = new Dictionary<string, (string, bool)>();
        foreach (var resource in typeof(FrozenLibrary).Assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, System.StringComparison.Ordinal) || !resource.EndsWith(".py", System.StringComparison.Ordinal)) continue;
            var path = resource.Substring(Prefix.Length, resource.Length - Prefix.Length - 3).Replace('\\', '/');
            bool package = path.EndsWith("/__init__", System.StringComparison.Ordinal);
            if (package) path = path.Substring(0, path.Length - "/__init__".Length);
            modules[path.Replace('/', '.')] = (resource, package);
        }
        return modules.ToFrozenDictionary();
    }

    public static bool Contains(string name) => Modules.ContainsKey(name);

    public static IEnumerable<string> Names => Modules.Keys;

    /// <summary>The source of a frozen module, or null if there is none by that name.</summary>
    public static string? Source(string name, out bool isPackage)
    {
        isPackage = false;
        if (!Modules.TryGetValue(name, out var entry)) return null;
        isPackage = entry.IsPackage;
        using var stream = typeof(FrozenLibrary).Assembly.GetManifestResourceStream(entry.Resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
