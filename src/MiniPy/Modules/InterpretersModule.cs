using System;
using System.Collections.Generic;
using MiniPy.Interpreters;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>
/// The _interpreters module: the native layer under the frozen interpreters module (PEP 734), as
/// CPython's _interpreters and _interpqueues are under concurrent.interpreters. Interpreters are named
/// by id here; failures inside another interpreter come back as excinfo tuples for the Python layer to
/// raise as ExecutionFailed.
/// </summary>
internal static class InterpretersModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule(ts, "_interpreters");
        void Set(string name, PyObject v) => m.Dict.SetStrOwned(ts, ts.Interp.Intern(name), v);
        void Def(string name, NativeFn fn) => Set(name, new PyBuiltinFunction(name, fn));
        Set("Queue", InterpreterTypes.Queue);
        Def("create", Create);
        Def("destroy", Destroy);
        Def("list_all", ListAll);
        Def("get_current", (ThreadState ts, PyObject? s, in Args a) => ts.NewInt(ts.Interp.Id));
        Def("get_main", (ThreadState ts, PyObject? s, in Args a) => ts.NewInt(0));
        Def("is_running", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("is_running", 1, 1);
            return PyBool.Of(Find(ts, a[0]).IsRunning);
        });
        Def("exec", Exec);
        Def("call", Call);
        Def("set___main___attrs", SetMainAttrs);
        Def("is_shareable", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("is_shareable", 1, 1);
            return PyBool.Of(CrossInterpreterData.IsShareable(a[0]));
        });
        Def("create_queue", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.CheckKeywords("create_queue", "maxsize");
            a.CheckPositional("create_queue", 0, 1);
            var size = a.Get(0, "maxsize");
            long maxSize = size is null ? 0 : Ops.AsIndex(ts, size);
            if (maxSize < 0) maxSize = 0;
            if (maxSize > int.MaxValue) throw Err.Overflow("maxsize is too large");
            var registry = ts.Interp.Registry;
            var queue = new InterpreterQueue(registry.NewQueueId(), (int)maxSize, ts.Interp.Options.Stats ? registry : null);
            return new PyInterpreterQueue(queue);
        });
        Def("_register_exceptions", RegisterExceptions);
        return m;
    }

    private static Interpreter Find(ThreadState ts, PyObject id)
    {
        long value = Ops.AsIndex(ts, id);
        var interp = ts.Interp.Registry.Find(value);
        if (interp is null || interp.IsClosed)
            throw InterpreterErrors.Raise(ts, InterpreterErrorKind.InterpreterNotFoundError, $"unrecognized interpreter ID {value}");
        return interp;
    }

    private static PyObject Create(ThreadState ts, PyObject? self, in Args a)
    {
        a.Check("create", 0, 0);
        var interp = Interpreter.CreateIsolated(ts);
        return ts.NewInt(interp.Id);
    }

    private static PyObject Destroy(ThreadState ts, PyObject? self, in Args a)
    {
        a.Check("destroy", 1, 1);
        var target = ts.Interp.Registry.Find(Ops.AsIndex(ts, a[0]));
        if (target is not null) InterpreterEntry.Close(ts, target);
        return Types.None;
    }

    private static PyObject ListAll(ThreadState ts, PyObject? self, in Args a)
    {
        a.Check("list_all", 0, 0);
        var all = ts.Interp.Registry.All();
        var ids = new List<PyObject>(all.Length);
        foreach (var i in all)
            if (!i.IsClosed) ids.Add(ts.NewInt(i.Id));
        return ts.NewTuple(ids.ToArray());
    }

    /// <summary>exec(id, code): runs a source string, or the body of a function without arguments, in the
    /// target's __main__; returns None, or the excinfo tuple of the exception that escaped.</summary>
    private static PyObject Exec(ThreadState ts, PyObject? self, in Args a)
    {
        a.Check("exec", 2, 2);
        var target = Find(ts, a[0]);
        object work;
        if (a[1] is PyStr source) work = source.Value;
        else if (a[1] is PyFunction f)
        {
            if (!SharedCallable.TakesNoArguments(f)) throw Err.ValueError("a function run by exec() must take no arguments");
            work = SharedCallable.From(ts, f);
        }
        else throw Err.TypeError($"exec() expected a str or a function, got {a[1].Type.Name}");
        var failure = InterpreterEntry.Exec(ts, target, work);
        return failure is null ? Types.None : CrossInterpreterData.FromShared(ts, failure.ToShared());
    }


    private sealed record CallRequest(SharedCallable Callable, object?[] Args, (string Name, object? Value)[] Kwargs);

    private sealed record CallOutcome(object? Result, ExceptionSnapshot? Failure, string? NotShareable);

    /// <summary>call(id, callable, args, kwargs): returns (result, None) or (None, excinfo).</summary>
    private static PyObject Call(ThreadState ts, PyObject? self, in Args a)
    {
        a.Check("call", 2, 4);
        var target = Find(ts, a[0]);
        var callable = SharedCallable.From(ts, a[1]);
        var args = Array.Empty<object?>();
        if (a.Count > 2 && a[2] is not PyNone)
        {
            var tuple = a[2] as PyTuple ?? throw Err.TypeError("call() args must be a tuple");
            args = new object?[tuple.Count];
            for (int k = 0; k < args.Length; k++) args[k] = CrossInterpreterData.ToShared(ts, tuple.Items[k]);
        }
        var kwargs = SharedNames(ts, a.Count > 3 ? a[3] : null, "call() kwargs");
        var outcome = InterpreterEntry.Run(ts, target, new CallRequest(callable, args, kwargs), static (ts, request) =>
        {
            PyObject? result = null;
            try
            {
                var function = request.Callable.Materialize(ts);
                var items = new PyObject[request.Args.Length];
                PyTuple? argTuple = null;
                PyDict? kw = null;
                try
                {
                    for (int k = 0; k < items.Length; k++) items[k] = CrossInterpreterData.FromShared(ts, request.Args[k]);
                    argTuple = ts.NewTuple(items);
                    if (request.Kwargs.Length > 0)
                    {
                        kw = new PyDict();
                        foreach (var (name, value) in request.Kwargs)
                            kw.SetStrOwned(ts, ts.Interp.Intern(name), CrossInterpreterData.FromShared(ts, value));
                    }
                    result = EvalHelpers.CallEx(ts, function, argTuple, kw);
                }
                finally
                {
                    if (argTuple is not null) Rc.Decref(ts, argTuple);
                    else foreach (var item in items) Rc.XDecref(ts, item);
                    Rc.XDecref(ts, kw);
                    Rc.Decref(ts, function);
                }
                if (!CrossInterpreterData.IsShareable(result)) return new CallOutcome(null, null, result.Type.Name);
                return new CallOutcome(CrossInterpreterData.ToShared(ts, result), null, null);
            }
            catch (PyException e)
            {
                return new CallOutcome(null, ExceptionSnapshot.Capture(ts, e), null);
            }
            finally { Rc.XDecref(ts, result); }
        });
        if (outcome.NotShareable is { } typeName)
            throw InterpreterErrors.Raise(ts, InterpreterErrorKind.NotShareableError,
                $"the result of call() is a '{typeName}' object, which does not support cross-interpreter data");
        if (outcome.Failure is { } failure)
            return ts.NewTuple(new[] { Types.None, CrossInterpreterData.FromShared(ts, failure.ToShared()) });
        return ts.NewTuple(new[] { CrossInterpreterData.FromShared(ts, outcome.Result), Types.None });
    }

    /// <summary>Keyword arguments or prepare_main() names, as shared (name, value) pairs.</summary>
    private static (string, object?)[] SharedNames(ThreadState ts, PyObject? dict, string what)
    {
        if (dict is null or PyNone) return Array.Empty<(string, object?)>();
        var d = dict as PyDict ?? throw Err.TypeError($"{what} must be a dict");
        var pairs = new (string, object?)[d.Count];
        int pos = 0, n = 0;
        while (d.Next(ref pos, out var key, out var value))
        {
            var name = key as PyStr ?? throw Err.TypeError($"{what} keys must be str");
            pairs[n++] = (name.Value, CrossInterpreterData.ToShared(ts, value));
        }
        return pairs;
    }

    /// <summary>set___main___attrs(id, dict): Interpreter.prepare_main(**names).</summary>
    private static PyObject SetMainAttrs(ThreadState ts, PyObject? self, in Args a)
    {
        a.Check("set___main___attrs", 2, 2);
        var target = Find(ts, a[0]);
        var names = SharedNames(ts, a[1], "prepare_main() names");
        var failure = InterpreterEntry.Run(ts, target, names, static (ts, names) =>
        {
            try
            {
                var main = ts.Interp.EnsureMainModule(ts);
                foreach (var (name, value) in names)
                    main.Dict.SetStrOwned(ts, ts.Interp.Intern(name), CrossInterpreterData.FromShared(ts, value));
                return null;
            }
            catch (PyException e)
            {
                return ExceptionSnapshot.Capture(ts, e);
            }
        });
        if (failure is not null) throw Err.Make(Types.SystemError, $"prepare_main() failed in interpreter {target.Id}: {failure.Formatted}");
        return Types.None;
    }

    /// <summary>_register_exceptions(**classes): the interpreters module hands over its exception classes.</summary>
    private static PyObject RegisterExceptions(ThreadState ts, PyObject? self, in Args a)
    {
        if (a.Count != 0) throw Err.TypeError("_register_exceptions() takes keyword arguments only");
        for (int k = 0; k < a.KwCount; k++)
        {
            if (!Enum.TryParse<InterpreterErrorKind>(a.KwName(k), out var kind))
                throw Err.TypeError($"_register_exceptions() got an unexpected keyword argument '{a.KwName(k)}'");
            ts.Interp.RegisterInterpreterErrorClass(ts, kind, a.KwValue(k));
        }
        return Types.None;
    }
}
