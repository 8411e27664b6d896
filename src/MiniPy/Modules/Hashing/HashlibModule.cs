using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>The hashlib module: md5, sha1, sha256, sha384, sha512 and new(), on .NET's implementations.</summary>
internal static class HashlibModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule(ts, "hashlib");
        void Set(string name, PyObject v) => m.Dict.SetStrOwned(ts, ts.Interp.Intern(name), v);
        foreach (var algorithm in PyHash.Algorithms)
        {
            var name = algorithm;
            Set(name, new PyBuiltinFunction(name, (ThreadState ts, PyObject? s, in Args a) =>
            {
                a.CheckPositional(name, 0, 1);
                return Construct(ts, name, a.Count > 0 ? a[0] : a.Kw("data") ?? a.Kw("string"));
            }));
        }
        Set("new", new PyBuiltinFunction("new", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.CheckPositional("new", 1, 2);
            var name = Ops.StrString(ts, a[0]);
            return Construct(ts, name, a.Count > 1 ? a[1] : a.Kw("data") ?? a.Kw("string"));
        }));
        Set("algorithms_guaranteed", AlgorithmSet(ts));
        Set("algorithms_available", AlgorithmSet(ts));
        return m;
    }

    private static PySet AlgorithmSet(ThreadState ts)
    {
        var set = new PySet(frozen: false);
        foreach (var name in PyHash.Algorithms)
        {
            var s = new PyStr(name);
            set.Add(ts, s);
            Rc.Decref(ts, s);
        }
        return set;
    }

    private static PyObject Construct(ThreadState ts, string name, PyObject? data)
    {
        var hash = PyHash.Create(name) ?? throw Err.ValueError($"unsupported hash type {name}");
        if (data is not null)
        {
            try { hash.Update(ts, data); }
            catch
            {
                Rc.Decref(ts, hash);
                throw;
            }
        }
        return hash;
    }
}
