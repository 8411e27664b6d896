using System.Collections.Generic;
using System;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>The sys module.</summary>
internal static class SysModule
{
    public const string Version = "3.13.0 (MiniPy 0.1)";

    public static PyModule Create(ThreadState ts)
    {
        var interp = ts.Interp;
        var m = new PyModule(ts, "sys");
        void Set(string name, PyObject value) => m.Dict.SetStrOwned(ts, interp.Intern(name), value);
        void Def(string name, NativeFn fn) => Set(name, new PyBuiltinFunction(name, fn, m, ts));
        var argv = new PyList();
        foreach (var a in interp.Options.Argv) argv.AppendOwned(new PyStr(a));
        if (argv.Count == 0) argv.AppendOwned(new PyStr(""));
        Set("argv", argv);
        Set("version", new PyStr(Version));
        Set("version_info", ts.NewTuple(new PyObject[] { ts.NewInt(3), ts.NewInt(13), ts.NewInt(0), new PyStr("final"), ts.NewInt(0) }));
        Set("hexversion", ts.NewInt(0x030D00F0));
        Set("platform", new PyStr(OperatingSystem.IsWindows() ? "win32" : OperatingSystem.IsMacOS() ? "darwin" : "linux"));
        Set("byteorder", new PyStr(BitConverter.IsLittleEndian ? "little" : "big"));
        Set("maxsize", ts.NewInt(long.MaxValue));
        Set("maxunicode", ts.NewInt(0x10FFFF));
        // The program's own path (minipy.dll or the host's executable). Not Environment.ProcessPath: that is
        // the dotnet host for `dotnet minipy.dll`, and asking for it costs milliseconds of every start.
        var commandLine = Environment.GetCommandLineArgs();
        Set("executable", new PyStr(commandLine.Length > 0 && commandLine[0].Length > 0 ? System.IO.Path.GetFullPath(commandLine[0]) : "minipy"));
        // Another interpreter starts from its creator's sys.path, so modules beside the script import there too.
        var path = new PyList();
        foreach (var folder in interp.InitialSearchPaths) path.AppendOwned(new PyStr(folder));
        Set("path", path);
        Set("modules", Rc.New(ts, (PyObject)interp.Modules));
        Set("stdout", Rc.New(ts, (PyObject)interp.Stdout));
        Set("stderr", Rc.New(ts, (PyObject)interp.Stderr));
        Set("__stdout__", Rc.New(ts, (PyObject)interp.Stdout));
        Set("__stderr__", Rc.New(ts, (PyObject)interp.Stderr));
        var builtinNames = new List<string> { "builtins", "sys" };
        builtinNames.AddRange(interp.BuiltinModuleNames);
        builtinNames.Sort(StringComparer.Ordinal);
        var nameObjects = new PyObject[builtinNames.Count];
        for (int i = 0; i < nameObjects.Length; i++) nameObjects[i] = new PyStr(builtinNames[i]);
        Set("builtin_module_names", ts.NewTuple(nameObjects));
        Set("implementation", new SimpleNamespace(ts, ("name", new PyStr("minipy")), ("cache_tag", Types.None),
            ("version", ts.NewTuple(new PyObject[] { ts.NewInt(0), ts.NewInt(1), ts.NewInt(0), new PyStr("alpha"), ts.NewInt(0) }))));
        Set("flags", new SimpleNamespace(ts, ("optimize", ts.NewInt(0)), ("debug", ts.NewInt(0))));
        Def("getrecursionlimit", (ThreadState ts, PyObject? s, in Args a) => ts.NewInt(ts.Interp.RecursionLimit));
        Def("setrecursionlimit", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("setrecursionlimit", 1, 1);
            long n = Ops.AsLong(ts, a[0]);
            if (n < 1) throw Err.ValueError("recursion limit must be greater or equal than 1");
            if (n <= ts.Depth) throw Err.RecursionError($"cannot set the recursion limit to {n} at the recursion depth {ts.Depth}: the limit is too low");
            ts.Interp.RecursionLimit = (int)Math.Min(n, int.MaxValue);
            return Types.None;
        });
        Def("getrefcount", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("getrefcount", 1, 1);
            var o = a[0];
            return ts.NewInt(o.IsImmortal ? uint.MaxValue : Memory.BiasedCounting.TrueCount(o));
        });
        Def("exit", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("exit", 0, 1);
            var e = a.Count == 0 ? new PyBaseException(Types.SystemExit) : new PyBaseException(Types.SystemExit, Rc.New(ts, a[0]));
            throw new PyException(e);
        });
        Def("exc_info", (ThreadState ts, PyObject? s, in Args a) =>
        {
            var e = ts.HandledException;
            if (e is null) return ts.NewTuple(new PyObject[] { Types.None, Types.None, Types.None });
            return ts.NewTuple(new[] { Rc.New(ts, (PyObject)e.Type), Rc.New(ts, (PyObject)e), Rc.New(ts, (PyObject?)e.Traceback ?? Types.None) });
        });
        Def("exception", (ThreadState ts, PyObject? s, in Args a) => Rc.New(ts, (PyObject?)ts.HandledException ?? Types.None));
        Def("intern", (ThreadState ts, PyObject? s, in Args a) => ts.Interp.Intern(Ops.StrString(ts, a[0])));
        Def("getsizeof", (ThreadState ts, PyObject? s, in Args a) => ts.NewInt(16 + (a[0].HasLength ? 8 * Ops.Length(ts, a[0]) : 8)));
        Def("_getframe", (ThreadState ts, PyObject? s, in Args a) => throw Err.NotImplemented("sys._getframe() is not supported by MiniPy"));
        Def("_check_refs", (ThreadState ts, PyObject? s, in Args a) =>
        {
            var checker = new Memory.RefChecker(ts.Interp);
            var report = checker.Check(ts, extraRoots: null);
            return ts.NewInt(report.Mismatches);
        });
        Def("_is_gil_enabled", (ThreadState ts, PyObject? s, in Args a) => PyBool.Of(ts.Interp.Gil.Enabled));
        Def("getswitchinterval", (ThreadState ts, PyObject? s, in Args a) => new PyFloat(ts.Interp.Gil.SwitchInterval));
        Def("setswitchinterval", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("setswitchinterval", 1, 1);
            double seconds = Ops.AsDouble(ts, a[0]);
            if (!(seconds > 0)) throw Err.ValueError("switch interval must be strictly positive");
            ts.Interp.Gil.SwitchInterval = seconds;
            return Types.None;
        });
        Def("getdefaultencoding", (ThreadState ts, PyObject? s, in Args a) => new PyStr("utf-8"));
        Def("get_int_max_str_digits", (ThreadState ts, PyObject? s, in Args a) => ts.NewInt(IntOps.MaxStrDigits));
        return m;
    }
}

/// <summary>A plain object with attributes, as types.SimpleNamespace (sys.implementation, sys.flags).</summary>
internal sealed class SimpleNamespace : PyObject
{
    private readonly PyDict _dict = new();

    /// <summary>Takes ownership of the values.</summary>
    public SimpleNamespace(ThreadState ts, params (string Name, PyObject Value)[] values) : base(Types.Object)
    {
        foreach (var (name, value) in values) _dict.SetStrOwned(ts, ts.Interp.Intern(name), value);
    }

    public override PyDict? InstanceDict => _dict;

    public override PyObject Repr(ThreadState ts)
    {
        var sb = new System.Text.StringBuilder("namespace(");
        int pos = 0;
        bool first = true;
        while (_dict.Next(ref pos, out var k, out var v))
        {
            if (!first) sb.Append(", ");
            first = false;
            sb.Append(((PyStr)k).Value).Append('=').Append(Ops.ReprString(ts, v));
        }
        return new PyStr(sb.Append(')').ToString());
    }

    public override void Traverse(IReferenceVisitor visitor) => visitor.Visit(_dict);
    public override void ReleaseReferences(ThreadState ts) => Rc.Decref(ts, _dict);
}
