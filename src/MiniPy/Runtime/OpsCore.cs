using System;
using System.Runtime.CompilerServices;
using MiniPy.Objects;

namespace MiniPy.Runtime;

/// <summary>
/// The object protocols as the language sees them. Built-in types answer through their virtual
/// methods; instances of classes defined in Python go through dunder lookup on their class.
/// Every PyObject returned is a new reference; arguments are borrowed.
/// </summary>
internal static partial class Ops
{
    // ---------------- truth ----------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTrue(ThreadState ts, PyObject o)
    {
        if (ReferenceEquals(o, Types.True)) return true;
        if (ReferenceEquals(o, Types.False) || ReferenceEquals(o, Types.None)) return false;
        if (o is PyInt i) return i.Value != 0;
        if (!o.Type.IsHeap) return o.IsTrue(ts);
        return IsTrueSlow(ts, o);
    }

    private static bool IsTrueSlow(ThreadState ts, PyObject o)
    {
        var b = o.Type.Lookup(Types.Strs.Bool);
        if (b is not null && !IsBuiltinSlot(b, Types.Object))
        {
            var r = CallDunder(ts, b, o);
            try
            {
                if (r is not PyBool) throw Err.TypeError($"__bool__ should return bool, returned {r.Type.Name}");
                return ReferenceEquals(r, Types.True);
            }
            finally { Rc.Decref(ts, r); }
        }
        var len = o.Type.Lookup(Types.Strs.Len);
        if (len is not null) return Length(ts, o) != 0;
        return o.IsTrue(ts);
    }

    /// <summary>True when <paramref name="slot"/> is the built-in implementation from a built-in type (no Python override).</summary>
    public static bool IsBuiltinSlot(PyObject slot, PyType? owner = null) =>
        slot is PyMethodDescriptor d && (owner is null || ReferenceEquals(d.Owner, owner));

    // ---------------- repr and str ----------------

    public static PyObject Repr(ThreadState ts, PyObject o)
    {
        if (!o.Type.IsHeap) return BuiltinRepr(ts, o);
        var m = o.Type.Lookup(Types.Strs.Repr)!;
        // A built-in type's own __repr__ is its virtual method; any other callable stored as __repr__ is called
        // (and counted as a call: see NativeRecursionGuard).
        if (m is PyMethodDescriptor { Name: "__repr__" }) return BuiltinRepr(ts, o);
        var r = CallDunder(ts, m, o);
        if (r is not PyStr) { Rc.Decref(ts, r); throw Err.TypeError($"__repr__ returned non-string (type {r.Type.Name})"); }
        return r;
    }

    /// <summary>A built-in repr: nested containers recurse here on the .NET stack, so it counts as CPython's
    /// repr does, and stops with RecursionError, never an overflow.</summary>
    private static PyObject BuiltinRepr(ThreadState ts, PyObject o)
    {
        using var guard = new NativeRecursionGuard(ts, NativeRecursionGuard.GettingRepr);
        return o.Repr(ts);
    }

    public static string ReprString(ThreadState ts, PyObject o)
    {
        var r = Repr(ts, o);
        var s = ((PyStr)r).Value;
        Rc.Decref(ts, r);
        return s;
    }

    public static PyObject Str(ThreadState ts, PyObject o)
    {
        if (o is PyStr s && !s.Type.IsHeap) return Rc.New(ts, (PyObject)s);
        if (!o.Type.IsHeap) return o.Str(ts);
        var m = o.Type.Lookup(Types.Strs.Str)!;
        if (m is PyMethodDescriptor { Name: "__str__" } d)
        {
            if (ReferenceEquals(d.Owner, Types.Object)) return Repr(ts, o);
            return o.Str(ts);
        }
        var r = CallDunder(ts, m, o);
        if (r is not PyStr) { Rc.Decref(ts, r); throw Err.TypeError($"__str__ returned non-string (type {r.Type.Name})"); }
        return r;
    }

    public static string StrString(ThreadState ts, PyObject o)
    {
        if (o is PyStr s) return s.Value;
        var r = Str(ts, o);
        var v = ((PyStr)r).Value;
        Rc.Decref(ts, r);
        return v;
    }

    // ---------------- hashing ----------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Hash(ThreadState ts, PyObject o)
    {
        if (o is PyStr s) return s.HashValue;
        if (!o.Type.IsHeap) return o.Hash(ts);
        return HashSlow(ts, o);
    }

    private static long HashSlow(ThreadState ts, PyObject o)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var m = o.Type.Lookup(Types.Strs.Hash);
        if (m is null or PyNone) throw Err.TypeError($"unhashable type: '{o.Type.Name}'");
        if (m is PyMethodDescriptor) return o.Hash(ts);
        var r = CallDunder(ts, m, o);
        try
        {
            if (r is PyInt i) return i.Value == -1 ? -2 : i.Value;
            if (r is PyBigInt b) return IntOps.HashBig(b.Value);
            throw Err.TypeError("__hash__ method should return an integer");
        }
        finally { Rc.Decref(ts, r); }
    }

    // ---------------- comparison ----------------

    public static CompareOp Swapped(CompareOp op) => op switch
    {
        CompareOp.Lt => CompareOp.Gt,
        CompareOp.Le => CompareOp.Ge,
        CompareOp.Gt => CompareOp.Lt,
        CompareOp.Ge => CompareOp.Le,
        _ => op,
    };

    public static string Symbol(CompareOp op) => op switch
    {
        CompareOp.Lt => "<",
        CompareOp.Le => "<=",
        CompareOp.Eq => "==",
        CompareOp.Ne => "!=",
        CompareOp.Gt => ">",
        _ => ">=",
    };

    private static PyStr CompareDunder(CompareOp op) => Types.Strs.CompareNames[(int)op];

    /// <summary>a op b, with reflection and the identity fallback for == and !=.</summary>
    public static PyObject RichCompare(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        var ta = a.Type;
        var tb = b.Type;
        if (!ta.IsHeap && !tb.IsHeap)
        {
            var r = a.RichCompare(ts, b, op);
            if (r is not null) return r;
            if (!ReferenceEquals(ta, tb))
            {
                r = b.RichCompare(ts, a, Swapped(op));
                if (r is not null) return r;
            }
            return CompareFallback(a, b, op);
        }
        return RichCompareSlow(ts, a, b, op);
    }

    private static PyObject CompareFallback(PyObject a, PyObject b, CompareOp op)
    {
        if (op == CompareOp.Eq) return PyBool.Of(ReferenceEquals(a, b));
        if (op == CompareOp.Ne) return PyBool.Of(!ReferenceEquals(a, b));
        throw Err.TypeError($"'{Symbol(op)}' not supported between instances of '{a.Type.Name}' and '{b.Type.Name}'");
    }

    private static PyObject? TryCompareDunder(ThreadState ts, PyObject self, PyObject other, CompareOp op)
    {
        var m = self.Type.Lookup(CompareDunder(op));
        if (m is null) return null;
        if (m is PyMethodDescriptor) return self.RichCompare(ts, other, op);
        var r = CallDunder(ts, m, self, other);
        if (ReferenceEquals(r, Types.NotImplemented)) return null;
        return r;
    }

    private static PyObject RichCompareSlow(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        bool reflectedFirst = !ReferenceEquals(a.Type, b.Type) && b.Type.IsSubtypeOf(a.Type)
            && b.Type.Lookup(CompareDunder(Swapped(op))) is { } rm && rm is not PyMethodDescriptor;
        if (reflectedFirst)
        {
            var r0 = TryCompareDunder(ts, b, a, Swapped(op));
            if (r0 is not null) return r0;
        }
        var r = TryCompareDunder(ts, a, b, op);
        if (r is not null) return r;
        if (!reflectedFirst)
        {
            r = TryCompareDunder(ts, b, a, Swapped(op));
            if (r is not null) return r;
        }
        if (op == CompareOp.Ne)
        {
            // Default __ne__ inverts __eq__.
            var eq = TryCompareDunder(ts, a, b, CompareOp.Eq);
            if (eq is not null)
            {
                bool t = IsTrue(ts, eq);
                Rc.Decref(ts, eq);
                return PyBool.Of(!t);
            }
        }
        return CompareFallback(a, b, op);
    }

    /// <summary>a == b as a bool, with the identity shortcut containers use (as PyObject_RichCompareBool).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool EqualsBool(ThreadState ts, PyObject a, PyObject b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is PyInt ia && b is PyInt ib) return ia.Value == ib.Value;
        if (a is PyStr sa && b is PyStr sb) return sa.Value == sb.Value;
        return CompareBool(ts, a, b, CompareOp.Eq);
    }

    public static bool CompareBool(ThreadState ts, PyObject a, PyObject b, CompareOp op)
    {
        // Containers compare their items here, recursively for nested ones.
        using var guard = new NativeRecursionGuard(ts, NativeRecursionGuard.InComparison);
        var r = RichCompare(ts, a, b, op);
        if (ReferenceEquals(r, Types.True)) return true;
        if (ReferenceEquals(r, Types.False)) return false;
        bool t = IsTrue(ts, r);
        Rc.Decref(ts, r);
        return t;
    }

    /// <summary>a &lt; b as a bool (what sort, min and max use).</summary>
    public static bool LessThan(ThreadState ts, PyObject a, PyObject b)
    {
        if (a is PyInt ia && b is PyInt ib && ia.GetType() == ib.GetType()) return ia.Value < ib.Value;
        if (a is PyFloat fa && b is PyFloat fb) return fa.Value < fb.Value;
        if (a is PyStr sa && b is PyStr sb) return StrOps.CompareCodePoints(sa.Value, sb.Value) < 0;
        return CompareBool(ts, a, b, CompareOp.Lt);
    }

    // ---------------- formatting ----------------

    public static PyObject Format(ThreadState ts, PyObject value, string spec)
    {
        if (value.Type.IsHeap)
        {
            var m = value.Type.Lookup(Types.Strs.Format);
            if (m is not null && m is not PyMethodDescriptor)
            {
                var specObj = new PyStr(spec);
                try
                {
                    var r = CallDunder(ts, m, value, specObj);
                    if (r is not PyStr) { Rc.Decref(ts, r); throw Err.TypeError($"__format__ must return a str, not {r.Type.Name}"); }
                    return r;
                }
                finally { Rc.Decref(ts, specObj); }
            }
        }
        return new PyStr(FormatSpec.FormatBuiltin(ts, value, spec));
    }
}
