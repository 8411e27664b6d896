using System;
using System.Runtime.CompilerServices;
using MiniPy.Compiler;
using MiniPy.Memory;
using MiniPy.Objects;

namespace MiniPy.Runtime;

/// <summary>
/// The eval loop. Python-to-Python calls push a frame and continue in the same loop (no .NET
/// recursion); the loop returns when its entry frame returns or yields. A Python exception unwinds
/// through the exception tables without .NET exceptions; a PyException thrown by a built-in is caught
/// once, at the loop's boundary, and unwound the same way. Generic over the reference-counting scheme.
/// </summary>
internal static partial class Eval
{
    /// <summary>Runs <paramref name="entry"/> to its return (or yield). Null means an exception, left in <see cref="ThreadState.CurrentException"/>.</summary>
    public static PyObject? Run(ThreadState ts, Frame entry)
    {
        entry.IsEntry = true;
        entry.Back = ts.CurrentFrame;
        if (ts.Depth >= ts.RecursionLimit || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            entry.Back = null;
            ts.CurrentException = new PyBaseException(Types.RecursionError, new PyStr("maximum recursion depth exceeded"));
            ReleaseEntry(ts, entry);
            return null;
        }
        ts.Depth++;
        ts.CurrentFrame = entry;
        return ts.RcMode switch
        {
            RcMode.Plain => Loop<PlainRc>(ts, entry),
            RcMode.None => Loop<NoneRc>(ts, entry),
            RcMode.Biased => Loop<BiasedRc>(ts, entry),
            RcMode.Atomic => Loop<AtomicRc>(ts, entry),
            _ => Loop<GeneralRc>(ts, entry),
        };
    }

    /// <summary>Releases an entry frame that will not run (or has finished).</summary>
    private static void ReleaseEntry(ThreadState ts, Frame f)
    {
        if (f.Generator is not null) f.Generator.Finish(ts);
        else ts.PopFrame(f);
    }

    /// <summary>Leaves a frame that returned or raised: restores the caller as current.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LeaveFrame(ThreadState ts, Frame f)
    {
        ts.CurrentFrame = f.Back;
        ts.Depth--;
        if (f.IsEntry) { f.Back = null; ReleaseEntry(ts, f); }
        else if (f.Generator is not null) { f.Back = null; f.Generator.LeaveInline(); f.Generator.Finish(ts); }
        else ts.PopFrame(f);
    }

    /// <summary>
    /// Unwinds the exception in ts.CurrentException from instruction f.Pc-1: adds traceback entries, finds
    /// the innermost handler, pops frames that have none. Returns the frame that handles it (its Pc and Sp
    /// set for the handler), or null when the exception leaves the entry frame.
    /// </summary>
    private static Frame? Unwind<TRc>(ThreadState ts, Frame f, bool reraise) where TRc : struct, IRefCounting
    {
        while (true)
        {
            var exc = ts.CurrentException!;
            int pc = f.Pc;
            if (!reraise) exc.AddTraceback(ts, f.Code, f.Code.LineAt(pc - 1));
            reraise = false;
            var handler = f.Code.HandlerFor(pc - 1);
            if (handler is { } h)
            {
                var s = f.Slots;
                int sp = f.Sp;
                int target = f.StackBase + h.Depth;
                while (sp > target)
                {
                    var o = s[--sp].V;
                    s[sp].V = null!;
                    if (o is not null) TRc.Decref(ts, o);
                }
                s[sp++].V = exc;
                ts.CurrentException = null;
                f.Sp = sp;
                f.Pc = h.Handler;
                return f;
            }
            bool wasEntry = f.IsEntry;
            var caller = f.Back;
            if (!wasEntry && f.Generator is not null && exc.Type.IsSubtypeOf(Types.StopIteration))
                ts.CurrentException = PyGenerator.StopIterationInGenerator(ts, exc);
            LeaveFrame(ts, f);
            if (wasEntry) return null;
            f = caller!;
        }
    }

    /// <summary>Records a newly raised exception: its context is the exception being handled.</summary>
    private static void SetRaised(ThreadState ts, PyBaseException exc)
    {
        var handled = ts.HandledException;
        if (handled is not null && exc.Context is null && !ReferenceEquals(handled, exc))
            exc.SetContext(ts, handled);
        ts.CurrentException = exc;
    }
}
