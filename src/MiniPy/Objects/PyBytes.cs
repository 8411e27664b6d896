using System;
using System.Text;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>bytes: an immutable byte string.</summary>
internal sealed class PyBytes : PyObject
{
    public readonly byte[] Value;

    public PyBytes(byte[] value) : base(Types.Bytes) { Value = value; }

    public override PyObject Repr(ThreadState ts) => new PyStr(BytesMethods.Repr(Value, Value.Length));
    public override PyObject Str(ThreadState ts) => Repr(ts);
    public override long Hash(ThreadState ts)
    {
        ulong h = 14695981039346656037UL;
        foreach (var b in Value) { h ^= b; h *= 1099511628211UL; }
        long r = (long)(h >> 1);
        return r == -1 ? -2 : r;
    }
    public override bool IsTrue(ThreadState ts) => Value.Length > 0;
    public override bool HasLength => true;
    public override long Length(ThreadState ts) => Value.Length;

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op)
    {
        var o = BytesMethods.TryBytes(other);
        if (o is null || other is PyStr) return null;
        return PyBool.Of(FloatOps.Holds(op, BytesMethods.Compare(Value, Value.Length, o, o.Length)));
    }

    public override PyObject? BinaryOp(ThreadState ts, BinaryOp op, PyObject other, bool reflected)
    {
        if (op == Objects.BinaryOp.Add && !reflected && BytesMethods.TryBytes(other) is { } o)
        {
            var r = new byte[SizeLimits.Sum(Value.Length, o.Length, Array.MaxLength, 1)];
            Value.CopyTo(r, 0);
            o.CopyTo(r, Value.Length);
            return new PyBytes(r);
        }
        if (op == Objects.BinaryOp.Mul && IntOps.IsInt(other))
        {
            long n = Math.Max(0, Ops.AsSize(ts, other));
            return new PyBytes(Repeat(Value, n, "repeated bytes are too long"));
        }
        if (op == Objects.BinaryOp.Mod && !reflected)
            return new PyBytes(Encoding.Latin1.GetBytes(PercentFormat.Format(ts, Encoding.Latin1.GetString(Value), other)));
        return null;
    }

    public override bool Contains(ThreadState ts, PyObject item) => BytesMethods.Contains(ts, Value, Value.Length, item);

    public static byte[] Repeat(byte[] source, long n, string? overflowMessage) => Repeat(source, source.Length, n, overflowMessage);

    /// <summary>The first <paramref name="length"/> bytes of <paramref name="source"/> repeated <paramref name="n"/> times,
    /// by doubling copies (b"x" * 16 MiB is one fill). A total beyond <c>Py_ssize_t</c> raises OverflowError with
    /// <paramref name="overflowMessage"/> (MemoryError when null, as for bytearray).</summary>
    public static byte[] Repeat(byte[] source, int length, long n, string? overflowMessage)
    {
        if (n <= 0 || length == 0) return Array.Empty<byte>();
        int total = SizeLimits.Repeat(length, n, Array.MaxLength, overflowMessage, 1);
        var r = new byte[total];
        if (length == 1)
        {
            Array.Fill(r, source[0]);
            return r;
        }
        Array.Copy(source, r, length);
        long filled = length;
        while (filled < total)
        {
            long chunk = Math.Min(filled, total - filled);
            Array.Copy(r, 0, r, filled, chunk);
            filled += chunk;
        }
        return r;
    }

    public override PyObject GetItem(ThreadState ts, PyObject key)
    {
        if (key is PySlice s) return new PyBytes(BytesMethods.Slice(ts, Value, Value.Length, s));
        long i = Ops.AsIndexOrThrow(ts, key, "byte indices must be integers or slices, not {0}");
        if (i < 0) i += Value.Length;
        if (i < 0 || i >= Value.Length) throw Err.IndexError("index out of range");
        return ts.NewInt(Value[i]);
    }

    public override PyObject Iter(ThreadState ts) => new PyBytesIterator(ts, this);
}

/// <summary>bytearray: a mutable byte buffer.</summary>
internal sealed class PyByteArray : PyLockable
{
    public byte[] Buffer;
    public int Count;
    /// <summary>memoryviews over this buffer, in this interpreter or another (changed atomically): while
    /// there are any, the buffer must not move, so the size cannot change.</summary>
    public int Exports;

    /// <summary>CPython's rule: a buffer with live exports cannot be re-sized.</summary>
    public void CheckResizable()
    {
        if (System.Threading.Volatile.Read(ref Exports) > 0) throw Err.Make(Types.BufferError, "Existing exports of data: object cannot be re-sized");
    }

    public PyByteArray(byte[] data) : base(Types.ByteArray)
    {
        Buffer = data;
        Count = data.Length;
    }

    public byte[] ToArray() => Buffer.AsSpan(0, Count).ToArray();

    public void Append(byte b)
    {
        CheckResizable();
        if (Count == Buffer.Length) Array.Resize(ref Buffer, SizeLimits.GrownCapacity(Count, Count + 1L, 1));
        Buffer[Count++] = b;
    }

    public void AppendRange(ReadOnlySpan<byte> data)
    {
        if (data.Length > 0) CheckResizable();
        if ((long)Count + data.Length > Buffer.Length) Array.Resize(ref Buffer, SizeLimits.GrownCapacity(Count, (long)Count + data.Length, 1));
        data.CopyTo(Buffer.AsSpan(Count));
        Count += data.Length;
    }

    public override PyObject Repr(ThreadState ts) => new PyStr("bytearray(" + BytesMethods.Repr(Buffer, Count) + ")");
    public override long Hash(ThreadState ts) => throw Err.TypeError("unhashable type: 'bytearray'");
    public override bool IsTrue(ThreadState ts) => Count > 0;
    public override bool HasLength => true;
    public override long Length(ThreadState ts) => Count;

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op)
    {
        using var cs = new Concurrency.CriticalSection(ts, this);
        var o = BytesMethods.TryBytes(other);
        if (o is null) return null;
        return PyBool.Of(FloatOps.Holds(op, BytesMethods.Compare(Buffer, Count, o, o.Length)));
    }

    public override PyObject? BinaryOp(ThreadState ts, BinaryOp op, PyObject other, bool reflected)
    {
        using var cs = new Concurrency.CriticalSection(ts, this);
        if (op == Objects.BinaryOp.Add && !reflected && BytesMethods.TryBytes(other) is { } o)
        {
            var r = new PyByteArray(ToArray());
            r.AppendRange(o);
            return r;
        }
        if (op == Objects.BinaryOp.Mul && IntOps.IsInt(other))
            return new PyByteArray(PyBytes.Repeat(Buffer, Count, Ops.AsSize(ts, other), null));
        return null;
    }

    public override PyObject? InPlaceOp(ThreadState ts, BinaryOp op, PyObject other)
    {
        using var cs = new Concurrency.CriticalSection(ts, this);
        if (op == Objects.BinaryOp.Add && BytesMethods.TryBytes(other) is { } o)
        {
            AppendRange(o);
            return Rc.New(ts, this);
        }
        if (op == Objects.BinaryOp.Mul && IntOps.IsInt(other))
        {
            long n = Ops.AsSize(ts, other);
            if (n != 1 && Count != 0) CheckResizable();
            var repeated = PyBytes.Repeat(Buffer, Count, n, null);
            Buffer = repeated;
            Count = repeated.Length;
            return Rc.New(ts, this);
        }
        return null;
    }

    public override bool Contains(ThreadState ts, PyObject item)
    {
        using var cs = new Concurrency.CriticalSection(ts, this);
        return BytesMethods.Contains(ts, Buffer, Count, item);
    }

    public override PyObject GetItem(ThreadState ts, PyObject key)
    {
        using var cs = new Concurrency.CriticalSection(ts, this);
        if (key is PySlice s) return new PyByteArray(BytesMethods.Slice(ts, Buffer, Count, s));
        long i = Ops.AsIndexOrThrow(ts, key, "bytearray indices must be integers or slices, not {0}");
        if (i < 0) i += Count;
        if (i < 0 || i >= Count) throw Err.IndexError("bytearray index out of range");
        return ts.NewInt(Buffer[i]);
    }

    public override void SetItem(ThreadState ts, PyObject key, PyObject value)
    {
        using var cs = new Concurrency.CriticalSection(ts, this);
        if (key is PySlice s)
        {
            var data = BytesMethods.AsBytes(ts, value);
            var (start, stop, step, count) = s.Indices(ts, Count);
            if (step != 1)
            {
                if (data.Length != count) throw Err.ValueError($"attempt to assign bytes of size {data.Length} to extended slice of size {count}");
                for (long k = 0, j = start; k < count; k++, j += step) Buffer[j] = data[k];
                return;
            }
            if (stop < start) stop = start;
            if (data.Length == stop - start)
            {
                data.CopyTo(Buffer, (int)start);
                return;
            }
            CheckResizable();
            var tail = Buffer.AsSpan((int)stop, Count - (int)stop).ToArray();
            Count = (int)start;
            AppendRange(data);
            AppendRange(tail);
            return;
        }
        long i = Ops.AsIndexOrThrow(ts, key, "bytearray indices must be integers or slices, not {0}");
        if (i < 0) i += Count;
        if (i < 0 || i >= Count) throw Err.IndexError("bytearray index out of range");
        Buffer[i] = BytesMethods.ByteValue(ts, value);
    }

    public override void DelItem(ThreadState ts, PyObject key)
    {
        using var cs = new Concurrency.CriticalSection(ts, this);
        if (key is PySlice s)
        {
            var (start, _, step, count) = s.Indices(ts, Count);
            if (count <= 0) return;
            CheckResizable();
            var keep = new System.Collections.Generic.List<byte>();
            var remove = new System.Collections.Generic.HashSet<long>();
            for (long k = 0, j = start; k < count; k++, j += step) remove.Add(j);
            for (int k = 0; k < Count; k++) if (!remove.Contains(k)) keep.Add(Buffer[k]);
            Buffer = keep.ToArray();
            Count = Buffer.Length;
            return;
        }
        long i = Ops.AsIndexOrThrow(ts, key, "bytearray indices must be integers or slices, not {0}");
        if (i < 0) i += Count;
        if (i < 0 || i >= Count) throw Err.IndexError("bytearray index out of range");
        CheckResizable();
        Array.Copy(Buffer, i + 1, Buffer, i, Count - i - 1);
        Count--;
    }

    public override PyObject Iter(ThreadState ts) => new PyBytesIterator(ts, this);
}

/// <summary>Iterates over the bytes of bytes or bytearray as ints.</summary>
internal sealed class PyBytesIterator : PyObject
{
    private readonly PyObject _source;
    private int _pos;

    public PyBytesIterator(ThreadState ts, PyObject source) : base(Types.BytesIterator)
    {
        _source = source;
        Rc.Incref(ts, source);
    }

    public override PyObject Iter(ThreadState ts) => Rc.New(ts, this);

    public override PyObject? Next(ThreadState ts)
    {
        if (_source is PyBytes b) return _pos < b.Value.Length ? ts.NewInt(b.Value[_pos++]) : null;
        var ba = (PyByteArray)_source;
        return _pos < ba.Count ? ts.NewInt(ba.Buffer[_pos++]) : null;
    }

    public override void Traverse(IReferenceVisitor visitor) => visitor.Visit(_source);
    public override void ReleaseReferences(ThreadState ts) => Rc.Decref(ts, _source);
}
