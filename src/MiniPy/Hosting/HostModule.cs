using System;
using System.Collections.Generic;
using System.Reflection;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Hosting;

/// <summary>
/// A module written in C# that scripts import by name: functions (delegates) and values. Register it
/// with <see cref="MiniPyRuntime.RegisterModule"/>; every interpreter of the runtime then builds its own
/// copy on first import. A module that does not declare <see cref="FreeThreadingSafe"/> re-enables the
/// GIL when a free-threaded runtime imports it (CPython 3.13t's rule for extension modules), unless
/// the host forced the GIL off. Thread-safety: configure on one thread before registering.
/// </summary>
public sealed class HostModule
{
    private readonly List<(string Name, Delegate Function)> _functions = new();
    private readonly List<(string Name, object? Value)> _values = new();

    public HostModule(string name)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("a module needs a name", nameof(name));
        Name = name;
    }

    /// <summary>The name scripts import.</summary>
    public string Name { get; }

    /// <summary>The module's functions may be called by several threads at once without the GIL.</summary>
    public bool FreeThreadingSafe { get; init; }

    /// <summary>Adds a function; its parameters and result are converted as <see cref="MiniPyInterpreter"/> describes.</summary>
    public HostModule AddFunction(string name, Delegate function)
    {
        _functions.Add((name, function));
        return this;
    }

    /// <summary>Adds a constant (converted in each interpreter that imports the module).</summary>
    public HostModule AddValue(string name, object? value)
    {
        _values.Add((name, value));
        return this;
    }

    /// <summary>A module of the public static methods of <paramref name="type"/> (named as they are).</summary>
    public static HostModule FromType(Type type, string? name = null, bool freeThreadingSafe = false)
    {
        var module = new HostModule(name ?? type.Name) { FreeThreadingSafe = freeThreadingSafe };
        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
        {
            if (method.IsSpecialName || method.ContainsGenericParameters) continue;
            var types = new List<Type>();
            foreach (var p in method.GetParameters()) types.Add(p.ParameterType);
            types.Add(method.ReturnType);
            module.AddFunction(method.Name, method.CreateDelegate(System.Linq.Expressions.Expression.GetDelegateType(types.ToArray())));
        }
        return module;
    }

    /// <summary>This interpreter's copy of the module.</summary>
    internal PyModule Create(ThreadState ts, MiniPyInterpreter owner)
    {
        var module = new PyModule(ts, Name);
        foreach (var (name, function) in _functions)
            module.Dict.SetStrOwned(ts, ts.Interp.Intern(name), ValueConverter.WrapDelegate(owner, function, name));
        foreach (var (name, value) in _values)
            module.Dict.SetStrOwned(ts, ts.Interp.Intern(name), ValueConverter.ToPython(ts, owner, value));
        return module;
    }
}
