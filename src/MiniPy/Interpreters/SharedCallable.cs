using System.IO;
using MiniPy.Compiler;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Interpreters;

/// <summary>
/// A function on its way to another interpreter: its code as marshalled bytes and its defaults as shared
/// data, or the name of a built-in function. It becomes a function of the target's __main__ there, as
/// if it had been defined in it; a closure cannot cross (its cells belong to the sender).
/// </summary>
internal sealed class SharedCallable
{
    private readonly byte[]? _code;
    private readonly object?[]? _defaults;
    private readonly (string Name, object? Value)[]? _kwDefaults;
    private readonly string? _builtinName;
    /// <summary>The module a built-in function was found in (null: builtins).</summary>
    private readonly string? _moduleName;

    private SharedCallable(byte[]? code, object?[]? defaults, (string, object?)[]? kwDefaults, string? builtinName, string? moduleName = null)
    {
        _code = code;
        _defaults = defaults;
        _kwDefaults = kwDefaults;
        _builtinName = builtinName;
        _moduleName = moduleName;
    }

    /// <summary>The name of the imported module that holds <paramref name="builtin"/> under its own name:
    /// a built-in function crosses by reference (module and name), as pickle sends it.</summary>
    private static string? ModuleHolding(ThreadState ts, PyBuiltinFunction builtin)
    {
        var key = ts.Interp.Intern(builtin.Name);
        int pos = 0;
        while (ts.Interp.Modules.Next(ref pos, out var name, out var module))
            if (module is PyModule m && name is PyStr s && ReferenceEquals(m.Dict.GetItemOrNull(key), builtin)) return s.Value;
        return null;
    }

    /// <summary>The shareable form of <paramref name="callable"/>, or a Python exception saying why not.</summary>
    public static SharedCallable From(ThreadState ts, PyObject callable)
    {
        if (callable is PyBuiltinFunction builtin && builtin.Self is null or PyModule &&
            ReferenceEquals(ts.Interp.Builtins.GetItemOrNull(ts.Interp.Intern(builtin.Name)), builtin))
            return new SharedCallable(null, null, null, builtin.Name);
        if (callable is PyBuiltinFunction native && native.Self is null or PyModule && ModuleHolding(ts, native) is { } moduleName)
            return new SharedCallable(null, null, null, native.Name, moduleName);
        if (callable is not PyFunction f)
            throw InterpreterErrors.NotShareable(ts, callable.Type.Name);
        if (f.Closure is { Count: > 0 })
            throw InterpreterErrors.Raise(ts, InterpreterErrorKind.NotShareableError,
                $"function '{f.Code.QualName}' closes over variables of its enclosing scope ({string.Join(", ", f.Code.FreeNames)}) and cannot run in another interpreter");
        object?[]? defaults = null;
        if (f.Defaults is { Count: > 0 } d)
        {
            defaults = new object?[d.Count];
            for (int k = 0; k < d.Count; k++) defaults[k] = CrossInterpreterData.ToShared(ts, d.Items[k]);
        }
        (string, object?)[]? kwDefaults = null;
        if (f.KwDefaults is { } kw && kw.Count > 0)
        {
            kwDefaults = new (string, object?)[kw.Count];
            int pos = 0, n = 0;
            while (kw.Next(ref pos, out var key, out var value))
                kwDefaults[n++] = (((PyStr)key).Value, CrossInterpreterData.ToShared(ts, value));
        }
        var bytes = new MemoryStream();
        using (var w = new BinaryWriter(bytes)) CodeMarshal.Write(w, f.Code);
        return new SharedCallable(bytes.ToArray(), defaults, kwDefaults, null);
    }

    /// <summary>True for a function whose code takes no arguments (what exec() accepts).</summary>
    public static bool TakesNoArguments(PyFunction f) =>
        f.Code.ArgCount == 0 && f.Code.KwOnlyCount == 0 && (f.Code.CoFlags & (CodeFlags.VarArgs | CodeFlags.VarKeywords)) == 0;

    /// <summary>The callable in the current interpreter (a new reference), defined in its __main__.</summary>
    public PyObject Materialize(ThreadState ts)
    {
        var interp = ts.Interp;
        if (_builtinName is not null && _moduleName is not null)
        {
            var module = Import.ImportModule(ts, _moduleName);
            try { return Ops.GetAttr(ts, module, interp.Intern(_builtinName)); }
            finally { Rc.Decref(ts, module); }
        }
        if (_builtinName is not null)
        {
            var builtin = interp.Builtins.GetItemOrNull(interp.Intern(_builtinName))
                          ?? throw Err.NameError($"name '{_builtinName}' is not defined");
            return Rc.New(ts, builtin);
        }
        CodeObject code;
        using (var r = new BinaryReader(new MemoryStream(_code!)))
            code = CodeMarshal.Read(r, interp) ?? throw Err.Make(Types.SystemError, "bad marshalled code");
        PyTuple? defaults = null;
        if (_defaults is not null)
        {
            var items = new PyObject[_defaults.Length];
            for (int k = 0; k < items.Length; k++) items[k] = CrossInterpreterData.FromShared(ts, _defaults[k]);
            defaults = ts.NewTuple(items);
        }
        PyDict? kwDefaults = null;
        if (_kwDefaults is not null)
        {
            kwDefaults = new PyDict();
            foreach (var (name, value) in _kwDefaults)
                kwDefaults.SetStrOwned(ts, interp.Intern(name), CrossInterpreterData.FromShared(ts, value));
        }
        var main = interp.EnsureMainModule(ts);
        return new PyFunction(ts, code, main.Dict, interp.Builtins, defaults, kwDefaults, null);
    }
}
