using System.Collections.Generic;
using System.Threading;
using MiniPy.Interpreters;
using MiniPy.Memory;
using MiniPy.Objects;

namespace MiniPy.Runtime;

/// <summary>An interpreter's life among others: who runs its __main__, its module's exception classes, and
/// the orderly end that frees everything it made.</summary>
internal sealed partial class Interpreter
{
    private readonly PyObject?[] _errorClasses = new PyObject?[6];
    private int _running;
    private int _closed;

    /// <summary>True while a thread runs this interpreter's program, or exec/call from another interpreter.</summary>
    public bool IsRunning => Volatile.Read(ref _running) != 0;

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Marks the interpreter as running; false if a thread already runs it.</summary>
    public bool TryStartRunning() => Interlocked.CompareExchange(ref _running, 1, 0) == 0;

    public void StopRunning() => Volatile.Write(ref _running, 0);

    /// <summary>The class the interpreters module of this interpreter defines for <paramref name="kind"/>.</summary>
    public PyObject? InterpreterErrorClass(InterpreterErrorKind kind) => Volatile.Read(ref _errorClasses[(int)kind]);

    /// <summary>Keeps a reference to each class the interpreters module defines, for native code to raise.</summary>
    public void RegisterInterpreterErrorClass(ThreadState ts, InterpreterErrorKind kind, PyObject cls)
    {
        Rc.Incref(ts, cls);
        var old = Interlocked.Exchange(ref _errorClasses[(int)kind], cls);
        Rc.XDecref(ts, old);
    }

    /// <summary>The registered classes (references the interpreter holds, for the checker).</summary>
    public IEnumerable<PyObject> InterpreterErrorClasses()
    {
        foreach (var c in _errorClasses)
            if (c is not null) yield return c;
    }

    /// <summary>The __main__ module, made on first use in an interpreter that runs no program of its own.</summary>
    public PyModule EnsureMainModule(ThreadState ts)
    {
        if (MainModule is { } main) return main;
        main = new PyModule(ts, "__main__");
        main.Dict.SetStr(ts, Types.Strs.Builtins, BuiltinsModule);
        Modules.SetStr(ts, Types.Strs.Main, main);
        MainModule = main;
        return main;
    }

    /// <summary>
    /// Ends an isolated interpreter on the calling thread, which holds its GIL through <paramref name="ts"/>:
    /// waits for its threads, clears its modules as CPython's finalisation does (so __del__ methods run
    /// and the cycles through module globals break), and drops every reference it holds. Returns what the
    /// reference checker found still alive afterwards (empty without <c>--check-refs</c>).
    /// Objects kept alive only by reference cycles (which CPython's collector would free) are freed too:
    /// nothing outside a closed interpreter can refer to its objects, so every container it had that is
    /// still alive at the end is emptied, which breaks the cycles.
    /// </summary>
    public List<PyObject> Finalize(ThreadState ts)
    {
        Interlocked.Exchange(ref _closed, 1);
        MainRunner.WaitForThreads(ts);
        ts.MergeQueuedObjects();
        var before = (RefChecker ?? new RefChecker(this)).ReachableObjects();
        if (MainModule is not null) MainRunner.ClearMainModule(ts, MainModule);
        ClearModules(ts);
        for (int k = 0; k < _errorClasses.Length; k++)
        {
            var c = Interlocked.Exchange(ref _errorClasses[k], null);
            Rc.XDecref(ts, c);
        }
        Rc.XDecref(ts, MainModule);
        MainModule = null;
        Rc.Decref(ts, Sys);
        Rc.Decref(ts, BuiltinsModule);
        Rc.Decref(ts, Modules);
        Rc.Decref(ts, Builtins);
        Rc.Decref(ts, Stdout);
        Rc.Decref(ts, Stderr);
        ts.MergeQueuedObjects();
        BreakCycles(ts, before);
        Registry.Remove(this);
        return RefChecker is null ? new List<PyObject>() : RefChecker.StillAlive(before);
    }

    /// <summary>Empties the containers among <paramref name="objects"/> that are still alive. Lists, dicts,
    /// sets and cells are never on a free list, so a count above zero means the same object.</summary>
    private static void BreakCycles(ThreadState ts, List<PyObject> objects)
    {
        foreach (var o in objects)
        {
            if ((o.Flags & PyObject.DeadFlag) != 0 || o.IsImmortal || BiasedCounting.TrueCount(o) <= 0) continue;
            try
            {
                switch (o)
                {
                    case PyDict d: d.ClearAll(ts); break;
                    case PyList l: l.Clear(ts); break;
                    case PySet s: s.Clear(ts); break;
                    case PyCell c:
                        var contents = c.Contents;
                        c.Contents = null;
                        Rc.XDecref(ts, contents);
                        break;
                }
            }
            catch (PyException e) { Rc.Decref(ts, e.Value); }
        }
        ts.MergeQueuedObjects();
    }

    /// <summary>Sets every global of every module to None, then empties the module dicts, builtins last.</summary>
    private void ClearModules(ThreadState ts)
    {
        var modules = new List<PyObject>();
        int pos = 0;
        while (Modules.Next(ref pos, out _, out var m)) modules.Add(Rc.New(ts, m));
        foreach (var pass in new[] { false, true })
        {
            foreach (var m in modules)
            {
                if (m is not PyModule module) continue;
                bool isBuiltins = ReferenceEquals(module, BuiltinsModule);
                if (isBuiltins != pass) continue;
                try { module.Dict.ClearAll(ts); }
                catch (PyException e) { Rc.Decref(ts, e.Value); }
            }
        }
        foreach (var m in modules) Rc.Decref(ts, m);
        try { Modules.ClearAll(ts); }
        catch (PyException e) { Rc.Decref(ts, e.Value); }
    }
}
