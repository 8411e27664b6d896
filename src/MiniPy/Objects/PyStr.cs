using System;
using System.Globalization;
using System.Text;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>
/// A str: an immutable sequence of code points held in a .NET string (UTF-16). Strings outside the BMP
/// use surrogate pairs; length and indexing then count code points on a slower path.
/// </summary>
internal sealed class PyStr : PyObject
{
    public readonly string Value;
    private long _hash;
    private bool _hashed;
    private int _codePoints = -1;

    public PyStr(string value) : base(Types.Str) { Value = value; }

    public override string ToString() => Value;

    /// <summary>The number of code points (Python's len).</summary>
    public int CodePointLength
    {
        get
        {
            if (_codePoints < 0)
            {
                int n = Value.Length;
                foreach (var c in Value) if (char.IsLowSurrogate(c)) n--;
                _codePoints = n;
            }
            return _codePoints;
        }
    }

    public bool IsBmpOnly => CodePointLength == Value.Length;

    public override PyObject Repr(ThreadState ts) => new PyStr(StrOps.Repr(Value));

    public override PyObject Str(ThreadState ts) => Rc.New(ts, this);

    public override long Hash(ThreadState ts) => HashValue;

    public long HashValue
    {
        get
        {
            if (!_hashed)
            {
                // FNV-1a over the UTF-16 units: stable from run to run, which makes set order reproducible.
                ulong h = 14695981039346656037UL;
                foreach (var c in Value) { h ^= c; h *= 1099511628211UL; }
                long r = (long)(h >> 1);
                _hash = r == -1 ? -2 : r;
                _hashed = true;
            }
            return _hash;
        }
    }

    public override bool IsTrue(ThreadState ts) => Value.Length > 0;

    public override bool HasLength => true;

    public override long Length(ThreadState ts) => CodePointLength;

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op)
    {
        if (other is not PyStr s) return null;
        if (op == CompareOp.Eq) return PyBool.Of(ReferenceEquals(this, s) || Value == s.Value);
        if (op == CompareOp.Ne) return PyBool.Of(!(ReferenceEquals(this, s) || Value == s.Value));
        return PyBool.Of(FloatOps.Holds(op, StrOps.CompareCodePoints(Value, s.Value)));
    }

    public override PyObject? BinaryOp(ThreadState ts, BinaryOp op, PyObject other, bool reflected)
    {
        switch (op)
        {
            case Objects.BinaryOp.Add:
                if (other is not PyStr s) return null;
                SizeLimits.StringLength((long)s.Value.Length + Value.Length);
                return new PyStr(reflected ? s.Value + Value : Value + s.Value);
            case Objects.BinaryOp.Mul:
                if (!IntOps.IsInt(other)) return null;
                return Repeat(Ops.AsSize(ts, other));
            case Objects.BinaryOp.Mod:
                if (reflected) return null;
                return new PyStr(PercentFormat.Format(ts, Value, other));
            default:
                return null;
        }
    }

    private PyObject Repeat(long n)
    {
        if (n <= 0 || Value.Length == 0) return new PyStr("");
        int total = SizeLimits.Repeat(Value.Length, n, SizeLimits.MaxStringLength, "repeated string is too long", sizeof(char));
        return new PyStr(string.Create(total, Value, static (span, v) =>
        {
            v.AsSpan().CopyTo(span);
            for (int filled = v.Length; filled < span.Length; filled *= 2)
                span[..Math.Min(filled, span.Length - filled)].CopyTo(span[filled..]);
        }));
    }

    public override bool Contains(ThreadState ts, PyObject item)
    {
        if (item is not PyStr s)
            throw Err.TypeError($"'in <string>' requires string as left operand, not {item.Type.Name}");
        return Value.Contains(s.Value, StringComparison.Ordinal);
    }

    public override PyObject GetItem(ThreadState ts, PyObject key)
    {
        if (key is PySlice slice)
        {
            if (!IsBmpOnly) return new PyStr(StrOps.SliceCodePoints(ts, Value, slice));
            var (start, stop, step, count) = slice.Indices(ts, Value.Length);
            if (step == 1) return new PyStr(count <= 0 ? "" : Value.Substring((int)start, (int)count));
            var sb = new StringBuilder((int)Math.Max(count, 0));
            for (long i = 0, j = start; i < count; i++, j += step) sb.Append(Value[(int)j]);
            return new PyStr(sb.ToString());
        }
        long index = Ops.AsIndexOrThrow(ts, key, "string indices must be integers, not '{0}'");
        int n = CodePointLength;
        if (index < 0) index += n;
        if (index < 0 || index >= n) throw Err.IndexError("string index out of range");
        if (IsBmpOnly) return ts.Interp.CharString(Value[(int)index]);
        return new PyStr(StrOps.CodePointAt(Value, (int)index));
    }

    public override PyObject Iter(ThreadState ts) => new PyStrIterator(ts, this);
}

/// <summary>Iterates over a str one code point at a time.</summary>
internal sealed class PyStrIterator : PyObject
{
    private readonly PyStr _str;
    private int _pos;

    public PyStrIterator(ThreadState ts, PyStr s) : base(Types.StrIterator)
    {
        _str = s;
        Rc.Incref(ts, s);
    }

    public override PyObject Iter(ThreadState ts) => Rc.New(ts, this);

    public override PyObject? Next(ThreadState ts)
    {
        var v = _str.Value;
        if (_pos >= v.Length) return null;
        char c = v[_pos];
        if (char.IsHighSurrogate(c) && _pos + 1 < v.Length)
        {
            var s = v.Substring(_pos, 2);
            _pos += 2;
            return new PyStr(s);
        }
        _pos++;
        return ts.Interp.CharString(c);
    }

    public override void Traverse(IReferenceVisitor visitor) => visitor.Visit(_str);
    public override void ReleaseReferences(ThreadState ts) => Rc.Decref(ts, _str);
}
