using System;
using MiniPy.Compiler;
using MiniPy.Memory;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Benchmarks;

/// <summary>Runs a compiled program as the interpreter's main thread (holding its GIL, if it has one) in fresh globals.</summary>
internal static class BenchmarkHost
{
    /// <summary>Compiles benchmarks/MiniPy.Benchmarks/Programs/NAME.py (copied next to the benchmark assembly).</summary>
    public static CodeObject CompileProgram(Interpreter interp, string name)
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "Programs", name + ".py");
        return ScriptRunner.Compile(interp.MainThread, System.IO.File.ReadAllText(path), path);
    }

    public static void Run(Interpreter interp, CodeObject code, Action<PyDict> fillGlobals)
    {
        var ts = interp.MainThread;
        ts.Ident = Environment.CurrentManagedThreadId;
        interp.Gil.Acquire(ts);
        try
        {
            var globals = new PyDict();
            globals.SetStr(ts, Types.Strs.Builtins, interp.BuiltinsModule);
            globals.SetStrOwned(ts, Types.Strs.Name, new PyStr("__main__"));
            fillGlobals(globals);
            Rc.Decref(ts, ScriptRunner.RunCode(ts, code, globals, globals));
            globals.ClearAll(ts);
            Rc.Decref(ts, globals);
            ts.MergeQueuedObjects();
        }
        finally { interp.Gil.Release(ts, forced: false); }
    }
}
