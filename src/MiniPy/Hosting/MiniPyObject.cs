using System;
using System.Threading;
using MiniPy.Objects;

namespace MiniPy.Hosting;

/// <summary>
/// A handle to a MiniPy object that has no plain C# value (a function, an instance, a module...). It
/// holds a reference, so the object lives at least as long as the handle; <see cref="Dispose"/> gives the
/// reference back (a handle that is never disposed gives it back at the interpreter's next call after
/// .NET collects it). Thread-safety: like its interpreter, usable from any thread.
/// </summary>
public sealed class MiniPyObject : IDisposable
{
    internal readonly MiniPyInterpreter Owner;
    internal readonly PyObject Value;
    private int _released;

    internal MiniPyObject(MiniPyInterpreter owner, PyObject value)
    {
        Owner = owner;
        Value = value;
        TypeName = value.Type.Name;
    }

    /// <summary>The object's Python type name.</summary>
    public string TypeName { get; }

    /// <summary>True for functions, classes and other callables.</summary>
    public bool IsCallable => Value.IsCallable;

    /// <summary>Calls the object with converted arguments; returns the converted result.</summary>
    public object? Invoke(params object?[] args) => Owner.Invoke(this, ExecutionLimits.None, args);

    /// <summary>Calls the object and converts the result to <typeparamref name="T"/>.</summary>
    public T Invoke<T>(params object?[] args) => (T)ValueConverter.ConvertTo(Invoke(args), typeof(T))!;

    /// <summary>Calls the object under <paramref name="limits"/>.</summary>
    public object? InvokeWithLimits(ExecutionLimits limits, params object?[] args) => Owner.Invoke(this, limits, args);

    /// <summary>getattr(obj, name), converted.</summary>
    public object? GetAttribute(string name) => Owner.GetAttribute(this, name);

    /// <summary>str(obj).</summary>
    public override string ToString() => Owner.Str(this);

    /// <summary>Gives the reference back; the handle is unusable afterwards.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0) return;
        GC.SuppressFinalize(this);
        Owner.Release(Value);
    }

    internal void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _released) != 0) throw new ObjectDisposedException(nameof(MiniPyObject));
    }

    ~MiniPyObject()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) Owner.ReleaseLater(Value);
    }
}
