using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>Builds the builtins module of an interpreter: functions, types, exceptions and constants.</summary>
internal static class BuiltinsModuleFactory
{
    public static PyModule Create(ThreadState ts)
    {
        var interp = ts.Interp;
        var m = new PyModule(ts, "builtins", interp.Builtins);
        BuiltinFunctions.Register(ts, m);
        void Add(string name, PyObject value) => m.Dict.SetStr(ts, interp.Intern(name), value);
        Add("None", Types.None);
        Add("True", Types.True);
        Add("False", Types.False);
        Add("Ellipsis", Types.Ellipsis);
        Add("NotImplemented", Types.NotImplemented);
        Add("__debug__", Types.True);
        foreach (var t in new[]
                 {
                     Types.Object, Types.Type, Types.Int, Types.Bool, Types.Float, Types.Str, Types.Bytes, Types.ByteArray,
                     Types.MemoryView, Types.List, Types.Tuple, Types.Dict, Types.Set, Types.FrozenSet, Types.Range,
                     Types.Slice, Types.Property, Types.StaticMethod, Types.ClassMethod, Types.Super, Types.Enumerate,
                     Types.Zip, Types.Map, Types.Filter, Types.Reversed,
                 })
            Add(t.Name, t);
        foreach (var t in Types.ExceptionTypes) Add(t.Name, t);
        Add("EnvironmentError", Types.OSError);
        Add("IOError", Types.OSError);
        return m;
    }
}
