using System.Runtime.CompilerServices;

namespace MiniPy.Runtime;

/// <summary>
/// <c>using var guard = new NativeRecursionGuard(ts, where);</c> around a place where native code calls a
/// Python-level callable that is not a Python function (a slot wrapper, an instance's <c>__call__</c>, a
/// descriptor): such calls nest on the .NET stack, and a cycle of them (<c>C.__call__ = c</c>,
/// <c>F.__repr__ = F.__str__</c>) has no Python frame to count. They count against the recursion limit
/// on their own counter, as CPython's C recursion check does, and stop before the .NET stack runs out.
/// Python functions count in <see cref="Eval.Run"/>.
/// </summary>
internal readonly ref struct NativeRecursionGuard
{
    private readonly ThreadState _ts;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public NativeRecursionGuard(ThreadState ts, string where)
    {
        if (++ts.NativeDepth > ts.RecursionLimit || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            ts.NativeDepth--;
            throw Err.RecursionError("maximum recursion depth exceeded" + where);
        }
        _ts = ts;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Dispose() => _ts.NativeDepth--;
}
