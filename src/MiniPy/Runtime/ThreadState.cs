using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Unsafe = System.Runtime.CompilerServices.Unsafe;
using MiniPy.Compiler;
using MiniPy.Memory;
using MiniPy.Objects;

namespace MiniPy.Runtime;

/// <summary>
/// The state of one OS thread running Python code in one interpreter: its frame and value stacks, the
/// exception being raised and the one being handled, free lists, and the reference-counting mode.
/// </summary>
internal sealed partial class ThreadState
{
    public readonly Interpreter Interp;
    /// <summary>Thread states are allocated by the thread that starts the new one, so two workers' states
    /// sit side by side; their counters (free lists, depth, current frame) change at every instruction.</summary>
#pragma warning disable CS0169
    private readonly CacheLinePadding _padding;
#pragma warning restore CS0169
    public RcMode RcMode;
    public bool CountsImmortals;
    public RcStats? Stats;
    public readonly bool CheckRefs;
    /// <summary>No GIL (<c>--gil off</c>): containers take their per-object locks.</summary>
    public readonly bool FreeThreaded;

    public Frame? CurrentFrame;
    public int Depth;
    /// <summary>A copy of the interpreter's recursion limit, read on every call.</summary>
    public int RecursionLimit = 1000;
    /// <summary>Nested native calls of Python-level callables (see <see cref="NativeRecursionGuard"/>).</summary>
    public int NativeDepth;

    /// <summary>The exception being raised (owned), while the eval loop unwinds.</summary>
    public PyBaseException? CurrentException;
    /// <summary>The exception being handled by an except block (owned), for bare raise, context and sys.exc_info().</summary>
    public PyBaseException? HandledException;

    /// <summary>Value-stack slots of the process's main thread, and of any other thread to begin with (the
    /// stack grows by chunks; a small first chunk keeps threads and interpreters cheap).</summary>
    public const int MainStackSlots = 1 << 14, ThreadStackSlots = 1 << 10;

    public ThreadState(Interpreter interp, int stackSlots = ThreadStackSlots)
    {
        Interp = interp;
        var o = interp.Options;
        CountsImmortals = !o.Immortal;
        bool general = o.Stats || !o.Immortal;
        FreeThreaded = !o.Gil;
        RcMode = o.Scheme switch
        {
            RefCountScheme.None => general ? RcMode.NoneGeneral : RcMode.None,
            RefCountScheme.Atomic => general ? RcMode.AtomicGeneral : RcMode.Atomic,
            RefCountScheme.Biased => general ? RcMode.BiasedGeneral : RcMode.Biased,
            _ => general ? RcMode.PlainGeneral : RcMode.Plain,
        };
        if (o.Stats) Stats = new RcStats();
        CheckRefs = o.CheckRefs;
        RecursionLimit = o.RecursionLimit;
        _chunks.Add(new Slot[stackSlots]);
    }

    // ---------------- allocation with free lists ----------------

    private const int FreeListMax = 256;
    /// <summary>Slots rather than PyInt[]: PyInt is not sealed (bool derives from it), so storing into a
    /// PyInt[] would pay an array-covariance check on every free.</summary>
    private readonly Slot[] _freeInts = new Slot[FreeListMax];
    private int _freeIntCount;
    private readonly PyFloat[] _freeFloats = new PyFloat[FreeListMax];
    private int _freeFloatCount;
    private readonly PyTuple[][] _freeTuples = CreateTupleFreeLists();
    private readonly int[] _freeTupleCounts = new int[TupleFreeSizes];
    private const int TupleFreeSizes = 8;

    private static PyTuple[][] CreateTupleFreeLists()
    {
        var lists = new PyTuple[TupleFreeSizes][];
        for (int i = 0; i < TupleFreeSizes; i++) lists[i] = new PyTuple[64];
        return lists;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PyObject NewInt(long v)
    {
        if ((ulong)(v + 5) < 262) return Types.SmallInts[v + 5];
        if (_freeIntCount > 0) return ReuseInt(v);
        return new PyInt(v);
    }

    private PyInt ReuseInt(long v)
    {
        var o = Unsafe.As<PyInt>(_freeInts[--_freeIntCount].V);
        _freeInts[_freeIntCount].V = null!;
        o.Value = v;
        Revive(o);
        return o;
    }

    /// <summary>Makes a free-list object new again: one reference, owned by this thread.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Revive(PyObject o)
    {
        o.RefLocal = 1;
        o.RefShared = 0;
        o.OwnerTid = Ident;
        o.Flags = 0;
        if (Stats is not null) Stats.FreeListReuses++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PyFloat NewFloat(double v)
    {
        if (_freeFloatCount > 0)
        {
            var o = _freeFloats[--_freeFloatCount];
            _freeFloats[_freeFloatCount] = null!;
            o.Value = v;
            Revive(o);
            return o;
        }
        return new PyFloat(v);
    }

    /// <summary>A tuple that takes ownership of <paramref name="items"/>' references.</summary>
    public PyTuple NewTuple(PyObject[] items)
    {
        int n = items.Length;
        if (n == 0) return Types.EmptyTuple;
        if (n < TupleFreeSizes && _freeTupleCounts[n] > 0)
        {
            var t = _freeTuples[n][--_freeTupleCounts[n]];
            _freeTuples[n][_freeTupleCounts[n]] = null!;
            t.Items = items;
            Revive(t);
            return t;
        }
        return new PyTuple(items);
    }

    // ---------------- deallocation ----------------

    private int _deallocDepth;
    private readonly List<PyObject> _deferredDeallocs = new();

    /// <summary>
    /// Runs when an object's count reaches zero: its __del__ (which may resurrect it), then the release
    /// of what it owns, then the free list. Deep chains are deferred and unwound iteratively (CPython's
    /// "trashcan"), so deallocating a long linked structure cannot overflow the .NET stack.
    /// </summary>
    public void Dealloc(PyObject o)
    {
        // The hot case first: a plain int or float owns nothing and goes straight back to its free list.
        if (!CheckRefs && (o.Flags & (PyObject.DeadFlag | PyObject.DyingFlag)) == 0)
        {
            // obj.GetType() == typeof(T) compiles to one method-table compare (a local copy would not).
            if (o.GetType() == typeof(PyInt))
            {
                if (Stats is not null) Stats.Deallocations++;
                if (_freeIntCount < FreeListMax) _freeInts[_freeIntCount++].V = o;
                return;
            }
            if (o.GetType() == typeof(PyFloat))
            {
                if (Stats is not null) Stats.Deallocations++;
                if (_freeFloatCount < FreeListMax) _freeFloats[_freeFloatCount++] = Unsafe.As<PyFloat>(o);
                return;
            }
        }
        DeallocGeneral(o);
    }

    private void DeallocGeneral(PyObject o)
    {
        if ((o.Flags & (PyObject.DeadFlag | PyObject.DyingFlag)) != 0)
        {
            if ((o.Flags & PyObject.DeadFlag) != 0) Interp.RefChecker?.ReportUseAfterFree(o, "deallocated twice");
            return;
        }
        if (_deallocDepth > 50)
        {
            o.Flags |= PyObject.DyingFlag;
            _deferredDeallocs.Add(o);
            return;
        }
        _deallocDepth++;
        try
        {
            DeallocNow(o);
            if (_deallocDepth == 1)
            {
                while (_deferredDeallocs.Count > 0)
                {
                    var next = _deferredDeallocs[^1];
                    _deferredDeallocs.RemoveAt(_deferredDeallocs.Count - 1);
                    next.Flags &= unchecked((byte)~PyObject.DyingFlag);
                    DeallocNow(next);
                }
            }
        }
        finally { _deallocDepth--; }
    }

    /// <summary>Gives a dying object one reference, owned by this thread, while its finaliser runs.</summary>
    private void HoldForFinalizer(PyObject o)
    {
        o.OwnerTid = Ident;
        Volatile.Write(ref o.RefShared, 0);
        o.RefLocal = 1;
    }

    /// <summary>Drops the finaliser's reference; true if the finaliser stored the object somewhere (resurrection).</summary>
    private bool ReleaseAfterFinalizer(PyObject o)
    {
        switch (RcMode)
        {
            case RcMode.Biased or RcMode.BiasedGeneral:
                if (o.RefLocal == 1 && Volatile.Read(ref o.RefShared) == 0) return false;
                return BiasedCounting.Merge(o, -1) > 0;
            case RcMode.Atomic or RcMode.AtomicGeneral:
                return Interlocked.Decrement(ref o.RefLocal) > 0;
            default:
                return --o.RefLocal > 0;
        }
    }

    private void DeallocNow(PyObject o)
    {
        if (Stats is not null) Stats.Deallocations++;
        var type = o.Type;
        if (type.HasDel)
        {
            o.Flags |= PyObject.DyingFlag;
            HoldForFinalizer(o);
            Finalizer.RunDel(this, o);
            o.Flags &= unchecked((byte)~PyObject.DyingFlag);
            if (ReleaseAfterFinalizer(o)) return; // resurrected
        }
        else if (o is PyGenerator gen && gen.IsSuspended)
        {
            HoldForFinalizer(o);
            o.Flags |= PyObject.DyingFlag;
            Finalizer.CloseGenerator(this, gen);
            o.Flags &= unchecked((byte)~PyObject.DyingFlag);
            if (ReleaseAfterFinalizer(o)) return;
        }
        o.ReleaseReferences(this);
        if (CheckRefs)
        {
            o.Flags |= PyObject.DeadFlag;
            return;
        }
        if (o.GetType() == typeof(PyInt))
        {
            if (_freeIntCount < FreeListMax) _freeInts[_freeIntCount++].V = o;
        }
        else if (o.GetType() == typeof(PyFloat))
        {
            if (_freeFloatCount < FreeListMax) _freeFloats[_freeFloatCount++] = (PyFloat)o;
        }
        else if (o is PyTuple t && t.Items.Length < TupleFreeSizes && t.Items.Length > 0)
        {
            int n = t.Items.Length;
            if (_freeTupleCounts[n] < 64) _freeTuples[n][_freeTupleCounts[n]++] = t;
        }
    }

    // ---------------- repr recursion guard ----------------

    private readonly HashSet<PyObject> _reprInProgress = new(ReferenceEqualityComparer.Instance);

    public bool EnterRepr(PyObject o) => _reprInProgress.Add(o);
    public void LeaveRepr(PyObject o) => _reprInProgress.Remove(o);

    // ---------------- small argument buffers ----------------

    private readonly Stack<PyObject[]>[] _argBuffers = CreateArgBuffers();

    private static Stack<PyObject[]>[] CreateArgBuffers()
    {
        var b = new Stack<PyObject[]>[9];
        for (int i = 0; i < b.Length; i++) b[i] = new Stack<PyObject[]>();
        return b;
    }

    public PyObject[] RentArgs(int n)
    {
        var s = _argBuffers[n];
        return s.Count > 0 ? s.Pop() : new PyObject[n];
    }

    public void ReturnArgs(PyObject[] buffer)
    {
        if (buffer.Length < _argBuffers.Length) _argBuffers[buffer.Length].Push(buffer);
    }

    // ---------------- value stack and frames ----------------

    private readonly List<Slot[]> _chunks = new();
    private int _chunkIndex;
    private int _top;
    private Frame? _freeFrames;

    /// <summary>A frame for <paramref name="code"/> with its slots on the thread's value stack.</summary>
    public Frame PushFrame(CodeObject code, PyFunction? function, PyDict globals, PyDict builtins)
    {
        int need = code.LocalsPlus + code.StackSize + 1;
        var chunk = _chunks[_chunkIndex];
        if (_top + need > chunk.Length)
        {
            _chunkIndex++;
            if (_chunkIndex == _chunks.Count) _chunks.Add(new Slot[Math.Max(need, chunk.Length * 2)]);
            else if (_chunks[_chunkIndex].Length < need) _chunks[_chunkIndex] = new Slot[Math.Max(need, chunk.Length * 2)];
            chunk = _chunks[_chunkIndex];
            _top = 0;
        }
        var f = _freeFrames;
        if (f is not null)
        {
            _freeFrames = f.NextFree;
            if (Stats is not null) Stats.FreeListReuses++;
        }
        else f = new Frame();
        f.Code = code;
        f.Function = function;
        f.Globals = globals;
        f.Builtins = builtins;
        f.Locals = null;
        f.Slots = chunk;
        f.Base = _top;
        f.Sp = _top + code.LocalsPlus;
        f.Pc = 0;
        f.ChunkIndex = _chunkIndex;
        f.IsEntry = false;
        f.Generator = null;
        f.Yielded = false;
        _top += need;
        return f;
    }

    /// <summary>A frame with slots of its own, for a generator (it outlives the call that made it).</summary>
    public Frame NewGeneratorFrame(CodeObject code, PyFunction? function, PyDict globals, PyDict builtins)
    {
        var f = new Frame
        {
            Code = code,
            Function = function,
            Globals = globals,
            Builtins = builtins,
            Slots = new Slot[code.LocalsPlus + code.StackSize + 1],
            Base = 0,
            Sp = code.LocalsPlus,
            ChunkIndex = -1,
        };
        return f;
    }

    /// <summary>The eval loop's return path for an ordinary function frame (scheme-specialised).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PopFunctionFrame<TRc>(Frame f) where TRc : struct, IRefCounting
    {
        var slots = f.Slots;
        int end = f.Sp;
        for (int i = f.Base; i < end; i++)
        {
            var o = slots[i].V;
            if (o is not null)
            {
                slots[i].V = null!;
                TRc.Decref(this, o);
            }
        }
        var fn = f.Function;
        f.Function = null;
        if (fn is not null) TRc.Decref(this, fn);
        if (f.Locals is not null)
        {
            var l = f.Locals;
            f.Locals = null;
            TRc.Decref(this, l);
        }
        _chunkIndex = f.ChunkIndex;
        _top = f.Base;
        f.Slots = null!;
        f.Back = null;
        f.NextFree = _freeFrames;
        _freeFrames = f;
    }

    /// <summary>Releases a finished frame: drops what its slots own and returns it to the pool.</summary>
    public void PopFrame(Frame f)
    {
        var slots = f.Slots;
        int end = f.Sp;
        for (int i = f.Base; i < end; i++)
        {
            var o = slots[i].V;
            if (o is not null)
            {
                slots[i].V = null!;
                Rc.Decref(this, o);
            }
        }
        if (f.Locals is not null)
        {
            var l = f.Locals;
            f.Locals = null;
            Rc.Decref(this, l);
        }
        if (f.Function is not null)
        {
            // A frame owns a reference to the function it runs.
            var fn = f.Function;
            f.Function = null;
            Rc.Decref(this, fn);
        }
        if (f.ChunkIndex >= 0)
        {
            _chunkIndex = f.ChunkIndex;
            _top = f.Base;
            f.Slots = null!;
            f.Back = null;
            f.NextFree = _freeFrames;
            _freeFrames = f;
        }
    }

    /// <summary>The frames of this thread from the innermost outward (for the reference checker).</summary>
    public IEnumerable<Frame> Frames()
    {
        for (var f = CurrentFrame; f is not null; f = f.Back) yield return f;
    }
}
