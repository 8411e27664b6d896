using System;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>
/// The arguments of a call, borrowed from the caller (vectorcall layout): the positional values, then
/// the keyword values whose names are in <see cref="KwNames"/>.
/// </summary>
internal readonly ref struct Args
{
    public readonly ReadOnlySpan<PyObject> All;
    public readonly PyTuple? KwNames;

    public Args(ReadOnlySpan<PyObject> all, PyTuple? kwNames = null)
    {
        All = all;
        KwNames = kwNames is { Count: > 0 } ? kwNames : null;
    }

    public int Count => All.Length - (KwNames?.Count ?? 0);

    public int KwCount => KwNames?.Count ?? 0;

    /// <summary>The argument at <paramref name="i"/>. A built-in that reads an argument it was not given (it
    /// skipped its count check) gets the TypeError CPython's argument parsing gives, not an index fault.</summary>
    public PyObject this[int i] => (uint)i < (uint)All.Length ? All[i] : throw Missing(i);

    private PyException Missing(int i) =>
        Err.TypeError($"expected {(i == 0 ? "1 argument" : $"at least {i + 1} arguments")}, got {Count}");

    public ReadOnlySpan<PyObject> Positional => All.Slice(0, Count);

    public Args Skip(int n) => new(All.Slice(n), KwNames);

    public string KwName(int i) => ((PyStr)KwNames!.Items[i]).Value;

    public PyObject KwValue(int i) => All[Count + i];

    /// <summary>The value of keyword <paramref name="name"/>, or null.</summary>
    public PyObject? Kw(string name)
    {
        if (KwNames is null) return null;
        for (int i = 0; i < KwNames.Count; i++)
            if (((PyStr)KwNames.Items[i]).Value == name)
                return All[Count + i];
        return null;
    }

    /// <summary>Checks the argument count of a function taking no keywords.</summary>
    public void Check(string fn, int min, int max)
    {
        if (KwNames is not null)
            throw Err.TypeError($"{fn}() takes no keyword arguments");
        CheckPositional(fn, min, max);
    }

    public void CheckPositional(string fn, int min, int max)
    {
        int n = Count;
        if (n >= min && n <= max) return;
        if (min == max)
            throw Err.TypeError(min == 0 ? $"{fn}() takes no arguments ({n} given)"
                : min == 1 ? $"{fn}() takes exactly one argument ({n} given)"
                : $"{fn}() takes exactly {min} arguments ({n} given)");
        if (n < min)
            throw Err.TypeError($"{fn} expected at least {min} argument{(min == 1 ? "" : "s")}, got {n}");
        throw Err.TypeError($"{fn} expected at most {max} argument{(max == 1 ? "" : "s")}, got {n}");
    }

    /// <summary>Only the named keywords are allowed.</summary>
    public void CheckKeywords(string fn, params string[] allowed)
    {
        if (KwNames is null) return;
        for (int i = 0; i < KwNames.Count; i++)
        {
            var name = KwName(i);
            if (Array.IndexOf(allowed, name) < 0)
                throw Err.TypeError($"{fn}() got an unexpected keyword argument '{name}'");
        }
    }

    /// <summary>A parameter that may be given by position or by keyword.</summary>
    public PyObject? Get(int position, string name)
    {
        if (position < Count) return All[position];
        return Kw(name);
    }
}
