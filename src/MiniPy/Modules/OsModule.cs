using System;
using System.IO;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>The os module: the process facts programs ask for (cpu_count, getpid, getcwd, environ). Files
/// and processes beyond that are not part of MiniPy.</summary>
internal static class OsModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule(ts, "os");
        void Set(string name, PyObject v) => m.Dict.SetStrOwned(ts, ts.Interp.Intern(name), v);
        void Def(string name, NativeFn fn) => Set(name, new PyBuiltinFunction(name, fn));
        Set("name", new PyStr(OperatingSystem.IsWindows() ? "nt" : "posix"));
        Set("sep", new PyStr(Path.DirectorySeparatorChar.ToString()));
        Set("linesep", new PyStr(Environment.NewLine));
        var environ = new PyDict();
        bool environment = Capabilities.Allows(ts, Hosting.ScriptCapabilities.Environment);
        if (environment)
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            var k = new PyStr((string)e.Key);
            var v = new PyStr((string?)e.Value ?? "");
            environ.SetItem(ts, k, v);
            Rc.Decref(ts, k);
            Rc.Decref(ts, v);
        }
        Set("environ", environ);
        Def("cpu_count", (ThreadState ts, PyObject? s, in Args a) => ts.NewInt(Environment.ProcessorCount));
        Def("process_cpu_count", (ThreadState ts, PyObject? s, in Args a) => ts.NewInt(Environment.ProcessorCount));
        Def("getpid", (ThreadState ts, PyObject? s, in Args a) => ts.NewInt(Environment.ProcessId));
        Def("getcwd", (ThreadState ts, PyObject? s, in Args a) => new PyStr(Directory.GetCurrentDirectory()));
        Def("getenv", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.CheckPositional("getenv", 1, 2);
            var value = Environment.GetEnvironmentVariable(Ops.StrString(ts, a[0]));
            if (value is not null) return new PyStr(value);
            return a.Count > 1 ? Rc.New(ts, a[1]) : Types.None;
        });
        if (!environment) Capabilities.Deny(ts, m, Hosting.ScriptCapabilities.Environment, "getpid", "getcwd", "getenv");
        return m;
    }
}
