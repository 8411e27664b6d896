using System.IO;
using MiniPy.Objects;

namespace MiniPy.Runtime;

/// <summary>The import system: sys.modules, built-in modules made on first import, and sibling .mpy/.py files.</summary>
internal static class Import
{
    public static PyObject ImportName(ThreadState ts, string name, PyObject fromList, int level, PyDict globals)
    {
        if (level > 0) throw Err.ImportError("attempted relative import with no known parent package");
        var parts = name.Split('.');
        var top = ImportModule(ts, parts[0]);
        var current = top;
        string prefix = parts[0];
        for (int i = 1; i < parts.Length; i++)
        {
            prefix += "." + parts[i];
            var module = ImportModule(ts, prefix);
            if (current is PyModule parent && parent.Dict.GetItemOrNull(ts.Interp.Intern(parts[i])) is null)
                parent.Dict.SetStr(ts, ts.Interp.Intern(parts[i]), module);
            if (!ReferenceEquals(current, top)) Rc.Decref(ts, current);
            current = module;
        }
        bool hasFromList = fromList is PyTuple { Count: > 0 } || fromList is PyList { Count: > 0 };
        if (ReferenceEquals(current, top)) return top;
        if (hasFromList)
        {
            Rc.Decref(ts, top);
            return current;
        }
        Rc.Decref(ts, current);
        return top;
    }

    /// <summary>Imports one module by its full name; a new reference.</summary>
    public static PyObject ImportModule(ThreadState ts, string name)
    {
        var interp = ts.Interp;
        var key = interp.Intern(name);
        var existing = interp.Modules.GetItemOrNull(key);
        if (existing is not null)
        {
            if (!interp.ImportLocks.WaitIfInitialising(ts, name)) return Rc.New(ts, existing);
            // Another thread finished (or failed) initialising it meanwhile: look again.
            existing = interp.Modules.GetItemOrNull(key);
            if (existing is not null) return Rc.New(ts, existing);
        }
        if (interp.TryCreateBuiltinModule(ts, name, out var builtin))
        {
            interp.Modules.SetStr(ts, key, builtin!);
            return builtin!;
        }
        if (FrozenLibrary.Source(name, out bool isPackage) is { } frozen)
            return ExecuteModule(ts, name, frozen, $"<frozen {name}>", isPackage);
        var path = FindSource(ts, interp, name);
        if (path is null)
        {
            var e = new PyBaseException(Types.ModuleNotFoundError, new PyStr($"No module named '{name}'"));
            e.InstanceDict!.SetStrOwned(ts, interp.Intern("name"), new PyStr(name));
            throw new PyException(e);
        }
        return ExecuteModule(ts, name, File.ReadAllText(path), path, path.EndsWith("__init__.py", System.StringComparison.Ordinal));
    }

    /// <summary>Creates module <paramref name="name"/>, registers it in sys.modules and runs its code in it.</summary>
    private static PyObject ExecuteModule(ThreadState ts, string name, string source, string file, bool isPackage)
    {
        var interp = ts.Interp;
        var key = interp.Intern(name);
        var module = new PyModule(ts, name);
        module.Dict.SetStrOwned(ts, interp.Intern("__file__"), new PyStr(file));
        module.Dict.SetStr(ts, Types.Strs.Builtins, interp.BuiltinsModule);
        if (isPackage)
        {
            var path = new PyList();
            path.AppendOwned(new PyStr(System.IO.Path.GetDirectoryName(file) ?? ""));
            module.Dict.SetStrOwned(ts, interp.Intern("__path__"), path);
        }
        interp.Modules.SetStr(ts, key, module);
        interp.ImportLocks.Begin(ts, name);
        try
        {
            var code = CodeCache.Compile(ts, name, source, file);
            Rc.Decref(ts, ScriptRunner.RunCode(ts, code, module.Dict, module.Dict));
        }
        catch
        {
            var removed = interp.Modules.Pop(ts, key);
            Rc.XDecref(ts, removed);
            Rc.Decref(ts, module);
            throw;
        }
        finally
        {
            interp.ImportLocks.End(name);
        }
        return module;
    }

    private static string? FindSource(ThreadState ts, Interpreter interp, string name)
    {
        // Without file-system access only built-in, frozen and host modules import.
        if (!Capabilities.Allows(ts, Hosting.ScriptCapabilities.FileSystem)) return null;
        var relative = name.Replace('.', Path.DirectorySeparatorChar);
        foreach (var dir in interp.SearchPaths(ts))
        {
            foreach (var ext in new[] { ".mpy", ".py" })
            {
                var candidate = Path.Combine(dir, relative + ext);
                if (File.Exists(candidate)) return Path.GetFullPath(candidate);
            }
            var package = Path.Combine(dir, relative, "__init__.py");
            if (File.Exists(package)) return Path.GetFullPath(package);
        }
        return null;
    }

    public static PyObject ImportFrom(ThreadState ts, PyObject module, PyStr name)
    {
        var r = Ops.TryGetAttr(ts, module, name);
        if (r is not null) return r;
        if (module is PyModule m)
        {
            // A submodule not yet imported.
            var fullName = m.Name + "." + name.Value;
            if (ts.Interp.Modules.GetItemOrNull(ts.Interp.Intern(fullName)) is { } sub) return Rc.New(ts, sub);
            var file = m.Dict.GetItemOrNull(Types.Strs.File) is PyStr f ? f.Value : "unknown location";
            throw Err.ImportError($"cannot import name '{name.Value}' from '{m.Name}' ({file})");
        }
        throw Err.ImportError($"cannot import name '{name.Value}'");
    }

    public static void ImportStar(ThreadState ts, PyObject module, PyDict target)
    {
        var dict = module.InstanceDict ?? throw Err.ImportError("from-import-* object has no __dict__");
        var all = dict.GetItemOrNull(ts.Interp.Intern("__all__"));
        if (all is not null)
        {
            foreach (var n in Ops.ToArray(ts, all))
            {
                try
                {
                    var name = ts.Interp.Intern(Ops.StrString(ts, n));
                    var v = Ops.GetAttr(ts, module, name);
                    target.SetStrOwned(ts, name, v);
                }
                finally { Rc.Decref(ts, n); }
            }
            return;
        }
        int pos = 0;
        while (dict.Next(ref pos, out var k, out var value))
        {
            if (k is PyStr s && !s.Value.StartsWith('_')) target.SetItem(ts, k, value);
        }
    }
}
