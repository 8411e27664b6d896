using System;
using System.Threading;
using MiniPy.Interpreters;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>
/// memoryview over bytes, a bytearray, or a buffer another interpreter shared (format 'B'). Writes go
/// through to the bytes underneath; a view over a bytearray holds one of its exports until released.
/// </summary>
internal sealed class PyMemoryView : PyObject
{
    /// <summary>The exporting object in this interpreter; null for a buffer shared by another interpreter.</summary>
    public readonly PyObject? Source;
    private readonly SharedBuffer? _shared;
    public readonly int Start, Length_;
    private int _released;

    public PyMemoryView(ThreadState ts, PyObject source, int start, int length) : base(Types.MemoryView)
    {
        Source = source;
        Start = start;
        Length_ = length;
        Rc.Incref(ts, source);
        if (source is PyByteArray ba) Interlocked.Increment(ref ba.Exports);
    }

    /// <summary>A view over bytes shared by another interpreter; the caller has taken its export.</summary>
    public PyMemoryView(SharedBuffer shared, int start, int length) : base(Types.MemoryView)
    {
        _shared = shared;
        Start = start;
        Length_ = length;
    }

    public bool ReadOnly => _shared?.ReadOnly ?? Source is PyBytes;
    public bool Released => Volatile.Read(ref _released) != 0;

    private byte[] Data
    {
        get
        {
            if (Released) throw Err.ValueError("operation forbidden on released memoryview object");
            return _shared?.Data ?? (Source is PyBytes b ? b.Value : ((PyByteArray)Source!).Buffer);
        }
    }

    /// <summary>This view's bytes as a buffer another interpreter can map (the same array).</summary>
    public SharedBuffer Share()
    {
        var data = Data;
        if (_shared is not null) return new SharedBuffer(data, Start, Length_, _shared.ReadOnly, _shared.Exporter);
        return new SharedBuffer(data, Start, Length_, ReadOnly, Source as PyByteArray);
    }

    /// <summary>A sub-view of the same bytes.</summary>
    public PyMemoryView View(ThreadState ts, int start, int length)
    {
        _ = Data;
        if (_shared is null) return new PyMemoryView(ts, Source!, start, length);
        if (!_shared.TryAddExport()) throw Err.Make(Types.BufferError, "the shared buffer was re-sized by its owner");
        return new PyMemoryView(_shared, start, length);
    }

    /// <summary>memoryview.release(): gives the export back; the view is unusable from here on.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0) return;
        if (_shared is not null) _shared.ReleaseExport();
        else if (Source is PyByteArray ba) Interlocked.Decrement(ref ba.Exports);
    }

    public byte[] ToArray() => Data.AsSpan(Start, Length_).ToArray();

    public override bool HasLength => true;

    public override long Length(ThreadState ts)
    {
        _ = Data;
        return Length_;
    }

    public override PyObject Repr(ThreadState ts) =>
        new PyStr(Released ? $"<released memory at 0x{IdentityOf(this):x}>" : $"<memory at 0x{IdentityOf(this):x}>");

    public override PyObject GetItem(ThreadState ts, PyObject key)
    {
        var data = Data;
        if (key is PySlice s)
        {
            var (start, _, step, count) = s.Indices(ts, Length_);
            if (step != 1) throw Err.NotImplemented("memoryview slices with a step are not supported by MiniPy");
            return View(ts, Start + (int)start, (int)Math.Max(0, count));
        }
        long i = Ops.AsIndex(ts, key);
        if (i < 0) i += Length_;
        if (i < 0 || i >= Length_) throw Err.IndexError("index out of bounds on dimension 1");
        return ts.NewInt(data[Start + i]);
    }

    public override void SetItem(ThreadState ts, PyObject key, PyObject value)
    {
        var target = Data;
        if (ReadOnly) throw Err.TypeError("cannot modify read-only memory");
        if (key is PySlice s)
        {
            var data = BytesMethods.AsBytes(ts, value);
            var (start, _, _, count) = s.Indices(ts, Length_);
            if (data.Length != count) throw Err.ValueError("memoryview assignment: lvalue and rvalue have different structures");
            data.CopyTo(target, Start + (int)start);
            return;
        }
        long i = Ops.AsIndex(ts, key);
        if (i < 0) i += Length_;
        if (i < 0 || i >= Length_) throw Err.IndexError("index out of bounds on dimension 1");
        target[Start + i] = BytesMethods.ByteValue(ts, value);
    }

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op)
    {
        if (op is not (CompareOp.Eq or CompareOp.Ne)) return null;
        if (Released) return PyBool.Of(ReferenceEquals(this, other) == (op == CompareOp.Eq));
        var o = BytesMethods.TryBytes(other);
        if (o is null) return null;
        bool eq = BytesMethods.Compare(ToArray(), Length_, o, o.Length) == 0;
        return PyBool.Of(eq == (op == CompareOp.Eq));
    }

    public override PyObject Iter(ThreadState ts)
    {
        var b = new PyBytes(ToArray());
        try { return b.Iter(ts); }
        finally { Rc.Decref(ts, b); }
    }

    public override void Traverse(IReferenceVisitor visitor) => visitor.Visit(Source);

    public override void ReleaseReferences(ThreadState ts)
    {
        Release();
        if (Source is not null) Rc.Decref(ts, Source);
    }
}
