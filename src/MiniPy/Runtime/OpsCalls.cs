using System;
using MiniPy.Objects;

namespace MiniPy.Runtime;

internal static partial class Ops
{

    /// <summary>callable(*args): a new reference.</summary>
    public static PyObject Call(ThreadState ts, PyObject callable, in Args args)
    {
        if (callable is PyFunction f) return ts.CallFunction(f, args.All, args.KwNames);
        if (callable.Type.IsHeap && callable is not PyType)
        {
            var m = callable.Type.Lookup(Types.Strs.Call);
            if (m is null) throw Err.TypeError($"'{callable.Type.Name}' object is not callable");
            using var guard = new NativeRecursionGuard(ts, NativeRecursionGuard.Calling);
            return CallWithSelf(ts, m, callable, args);
        }
        return callable.Call(ts, args);
    }

    public static PyObject Call(ThreadState ts, PyObject callable, ReadOnlySpan<PyObject> args) =>
        Call(ts, callable, new Args(args));

    public static PyObject Call0(ThreadState ts, PyObject callable) => Call(ts, callable, new Args(ReadOnlySpan<PyObject>.Empty));

    public static PyObject Call1(ThreadState ts, PyObject callable, PyObject a)
    {
        var buf = ts.RentArgs(1);
        buf[0] = a;
        try { return Call(ts, callable, new Args(buf)); }
        finally { buf[0] = null!; ts.ReturnArgs(buf); }
    }

    public static PyObject Call2(ThreadState ts, PyObject callable, PyObject a, PyObject b)
    {
        var buf = ts.RentArgs(2);
        buf[0] = a;
        buf[1] = b;
        try { return Call(ts, callable, new Args(buf)); }
        finally { buf[0] = buf[1] = null!; ts.ReturnArgs(buf); }
    }

    /// <summary>Calls a function found on a class with <paramref name="self"/> prepended to the arguments.</summary>
    public static PyObject CallWithSelf(ThreadState ts, PyObject function, PyObject self, in Args args)
    {
        int n = args.All.Length;
        var buf = n + 1 < 9 ? ts.RentArgs(n + 1) : new PyObject[n + 1];
        buf[0] = self;
        args.All.CopyTo(buf.AsSpan(1));
        try
        {
            var all = new Args(buf.AsSpan(0, n + 1), args.KwNames);
            if (function is PyFunction f) return ts.CallFunction(f, all.All, all.KwNames);
            using var guard = new NativeRecursionGuard(ts, NativeRecursionGuard.Calling);
            if (function is PyMethodDescriptor d) return d.Invoke(ts, self, args);
            var bound = function.DescriptorGet(ts, self, self.Type);
            if (bound is not null)
            {
                try { return Call(ts, bound, args); }
                finally { Rc.Decref(ts, bound); }
            }
            return Call(ts, function, all);
        }
        finally
        {
            Array.Clear(buf, 0, n + 1);
            if (n + 1 < 9) ts.ReturnArgs(buf);
        }
    }

    /// <summary>Calls a special method found by type lookup: self first, then the arguments.</summary>
    public static PyObject CallDunder(ThreadState ts, PyObject method, PyObject self) =>
        CallWithSelf(ts, method, self, new Args(ReadOnlySpan<PyObject>.Empty));

    public static PyObject CallDunder(ThreadState ts, PyObject method, PyObject self, PyObject a)
    {
        var buf = ts.RentArgs(1);
        buf[0] = a;
        try { return CallWithSelf(ts, method, self, new Args(buf)); }
        finally { buf[0] = null!; ts.ReturnArgs(buf); }
    }

    public static PyObject CallDunder(ThreadState ts, PyObject method, PyObject self, PyObject a, PyObject b)
    {
        var buf = ts.RentArgs(2);
        buf[0] = a;
        buf[1] = b;
        try { return CallWithSelf(ts, method, self, new Args(buf)); }
        finally { buf[0] = buf[1] = null!; ts.ReturnArgs(buf); }
    }

    public static PyObject CallDunder(ThreadState ts, PyObject method, PyObject self, PyObject a, PyObject b, PyObject c)
    {
        var buf = ts.RentArgs(3);
        buf[0] = a;
        buf[1] = b;
        buf[2] = c;
        try { return CallWithSelf(ts, method, self, new Args(buf)); }
        finally { buf[0] = buf[1] = buf[2] = null!; ts.ReturnArgs(buf); }
    }

    /// <summary>obj.name(*args): looks the method up and calls it.</summary>
    public static PyObject CallMethod(ThreadState ts, PyObject obj, string name, ReadOnlySpan<PyObject> args)
    {
        var m = GetAttr(ts, obj, ts.Interp.Intern(name));
        try { return Call(ts, m, new Args(args)); }
        finally { Rc.Decref(ts, m); }
    }

    public static bool IsCallable(PyObject o)
    {
        if (o is PyFunction || o is PyType) return true;
        if (o.Type.IsHeap) return o.Type.Lookup(Types.Strs.Call) is not null;
        return o.IsCallable;
    }
}
