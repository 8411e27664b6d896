using System;
using MiniPy.Compiler;
using MiniPy.Memory;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Benchmarks;

/// <summary>Runs a compiled program as the interpreter's main thread (holding its GIL, if it has one) in fresh globals.</summary>
internal static class BenchmarkHost
{
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
