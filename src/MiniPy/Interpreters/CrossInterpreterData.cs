using System.Numerics;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Interpreters;

/// <summary>
/// Values crossing between interpreters (PEP 734's shareable objects). On the way out a value becomes
/// plain .NET data that belongs to no interpreter: null (None), bool, long, BigInteger, double, string,
/// byte[] (bytes, immutable, so shared as is), object?[] (a tuple), <see cref="InterpreterQueue"/> and
/// <see cref="SharedBuffer"/> (handles to the same queue and the same bytes). On the way in it becomes new
/// objects of the receiving interpreter. Nothing else crosses.
/// </summary>
internal static class CrossInterpreterData
{
    /// <summary>Deeper tuples are refused rather than risk the .NET stack.</summary>
    private const int MaxDepth = 200;

    public static bool IsShareable(PyObject o) => Check(o, 0) is null;

    /// <summary>The type name of the first value in <paramref name="o"/> that cannot cross, or null.</summary>
    private static string? Check(PyObject o, int depth)
    {
        if (o is PyNone || o is PyBool || o.Type == Types.Int || o.Type == Types.Float || o.Type == Types.Str ||
            o.Type == Types.Bytes || o is PyInterpreterQueue) return null;
        if (o is PyMemoryView mv) return mv.Released ? "memoryview" : null;
        if (o.Type == Types.Tuple && depth < MaxDepth)
        {
            foreach (var item in ((PyTuple)o).Items)
                if (Check(item, depth + 1) is { } bad) return bad;
            return null;
        }
        return o.Type.Name;
    }

    /// <summary>The interpreter-free form of <paramref name="o"/>; NotShareableError if it cannot cross.</summary>
    public static object? ToShared(ThreadState ts, PyObject o)
    {
        if (Check(o, 0) is { } bad) throw InterpreterErrors.NotShareable(ts, bad);
        return Convert(o);
    }

    private static object? Convert(PyObject o)
    {
        switch (o)
        {
            case PyNone: return null;
            case PyBool b: return b.Value != 0;
            case PyInt i: return i.Value;
            case PyBigInt big: return big.Value;
            case PyFloat f: return f.Value;
            case PyStr s: return s.Value;
            case PyBytes bytes: return bytes.Value;
            case PyInterpreterQueue q: return q.Queue;
            case PyMemoryView mv: return mv.Share();
            default:
                var items = ((PyTuple)o).Items;
                var shared = new object?[items.Length];
                for (int k = 0; k < items.Length; k++) shared[k] = Convert(items[k]);
                return shared;
        }
    }

    /// <summary>A new object of the current interpreter for shared data (a new reference).</summary>
    public static PyObject FromShared(ThreadState ts, object? data)
    {
        switch (data)
        {
            case null: return Types.None;
            case bool b: return PyBool.Of(b);
            case long l: return ts.NewInt(l);
            case BigInteger big: return new PyBigInt(big);
            case double d: return ts.NewFloat(d);
            case string s: return new PyStr(s);
            case byte[] bytes: return new PyBytes(bytes);
            case InterpreterQueue q: return new PyInterpreterQueue(q);
            case SharedBuffer buffer:
                if (!buffer.TryAddExport()) throw Err.Make(Types.BufferError, "the shared buffer was re-sized by its owner");
                return new PyMemoryView(buffer, buffer.Start, buffer.Length);
            default:
                var shared = (object?[])data;
                if (shared.Length == 0) return Types.EmptyTuple;
                var items = new PyObject[shared.Length];
                try
                {
                    for (int k = 0; k < shared.Length; k++) items[k] = FromShared(ts, shared[k]);
                }
                catch
                {
                    foreach (var item in items) Rc.XDecref(ts, item);
                    throw;
                }
                return ts.NewTuple(items);
        }
    }
}
