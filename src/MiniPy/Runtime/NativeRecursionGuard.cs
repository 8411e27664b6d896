using System.Runtime.CompilerServices;

namespace MiniPy.Runtime;

/// <summary>
/// <c>using var guard = new NativeRecursionGuard(ts, where);</c> around a place where native code calls a
/// Python-level callable that is not a Python function (a slot wrapper, an instance's <c>__call__</c>, a
/// descriptor), and where a built-in recurses into the items of a container (repr, comparison): such
/// calls nest on the .NET stack, and a cycle of them (<c>C.__call__ = c</c>, <c>F.__repr__ = F.__str__</c>)
/// or a list nested 100,000 deep has no Python frame to count. They count on their own counter against
/// CPython 3.13's C recursion limit, as its <c>Py_EnterRecursiveCall</c> does, and stop before the .NET
/// stack runs out. Python functions count against <c>sys.getrecursionlimit()</c> in <see cref="Eval.Run"/>.
/// </summary>
internal readonly ref struct NativeRecursionGuard
{
    /// <summary>CPython 3.13's <c>Py_C_RECURSION_LIMIT</c>.</summary>
    public const int Limit = 10000;

    public const string Calling = " while calling a Python object";
    public const string GettingRepr = " while getting the repr of an object";
    public const string InComparison = " in comparison";

    private readonly ThreadState _ts;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public NativeRecursionGuard(ThreadState ts, string where)
    {
        if (++ts.NativeDepth > Limit || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            ts.NativeDepth--;
            throw Err.RecursionError("maximum recursion depth exceeded" + where);
        }
        _ts = ts;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Dispose() => _ts.NativeDepth--;
}
