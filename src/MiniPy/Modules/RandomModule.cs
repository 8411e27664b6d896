using System;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>An instance of random.Random: the generator and its methods.</summary>
internal sealed class PyRandom : PyObject
{
    public readonly MersenneTwister Mt = new();
    private PyDict? _dict;

    public PyRandom(PyType type) : base(type) { }

    public override PyDict? InstanceDict => PyDict.Ensure(ref _dict);

    public void Seed(ThreadState ts, PyObject? seed)
    {
        switch (seed)
        {
            case null or PyNone:
                var bytes = RandomNumberGenerator.GetBytes(32);
                Mt.Seed(new BigInteger(bytes, isUnsigned: true));
                break;
            case PyStr s:
            {
                var data = Encoding.UTF8.GetBytes(s.Value);
                var all = new byte[data.Length + 64];
                data.CopyTo(all, 0);
                SHA512.HashData(data).CopyTo(all, data.Length);
                Mt.Seed(new BigInteger(all, isUnsigned: true, isBigEndian: true));
                break;
            }
            case PyBytes b:
            {
                var all = new byte[b.Value.Length + 64];
                b.Value.CopyTo(all, 0);
                SHA512.HashData(b.Value).CopyTo(all, b.Value.Length);
                Mt.Seed(new BigInteger(all, isUnsigned: true, isBigEndian: true));
                break;
            }
            case PyFloat f:
                Mt.Seed(new BigInteger(Ops.Hash(ts, f)));
                break;
            default:
                if (IntOps.IsInt(seed)) Mt.Seed(IntOps.Big(seed));
                else throw Err.TypeError("The only supported seed types are: None, int, float, str, bytes, and bytearray.");
                break;
        }
    }

    public override void Traverse(IReferenceVisitor visitor)
    {
        visitor.Visit(_dict);
        visitor.Visit(Type);
    }

    public override void ReleaseReferences(ThreadState ts)
    {
        Rc.XDecref(ts, _dict);
        Rc.Decref(ts, Type);
    }
}

/// <summary>The random module, with CPython's exact sequences for a given seed.</summary>
internal static class RandomModule
{
    private static PyRandom R(PyObject? self) => (PyRandom)self!;

    private static BigInteger RandRange(ThreadState ts, PyRandom r, in Args a)
    {
        a.Check("randrange", 1, 3);
        var start = IntArg(ts, a[0], "randrange");
        if (a.Count == 1)
        {
            if (start.Sign <= 0) throw Err.ValueError("empty range for randrange()");
            return r.Mt.Below(start);
        }
        var stop = IntArg(ts, a[1], "randrange");
        var step = a.Count > 2 ? IntArg(ts, a[2], "randrange") : BigInteger.One;
        var width = stop - start;
        if (step.IsOne)
        {
            if (width.Sign <= 0) throw Err.ValueError($"empty range in randrange({start}, {stop})");
            return start + r.Mt.Below(width);
        }
        if (step.IsZero) throw Err.ValueError("zero step for randrange()");
        BigInteger n = step.Sign > 0 ? (width + step - 1) / step : (width + step + 1) / step;
        if (n.Sign <= 0) throw Err.ValueError("empty range for randrange()");
        return start + step * r.Mt.Below(n);
    }

    private static BigInteger IntArg(ThreadState ts, PyObject o, string fn)
    {
        if (IntOps.IsInt(o)) return IntOps.Big(o);
        return Ops.AsIndexOrNull(ts, o) ?? throw Err.TypeError($"'{o.Type.Name}' object cannot be interpreted as an integer");
    }

    private static void AddMethods(PyType t)
    {
        Reg.Method(t, "seed", (ThreadState ts, PyObject? self, in Args a) => { R(self).Seed(ts, a.Count > 0 ? a[0] : a.Kw("a")); return Types.None; });
        Reg.Method(t, "random", (ThreadState ts, PyObject? self, in Args a) => new PyFloat(R(self).Mt.NextDouble()));
        Reg.Method(t, "getrandbits", (ThreadState ts, PyObject? self, in Args a) =>
        {
            long k = Ops.AsLong(ts, a[0]);
            if (k < 0) throw Err.ValueError("number of bits must be non-negative");
            return IntOps.Make(ts, k == 0 ? BigInteger.Zero : R(self).Mt.GetRandBits((int)k));
        });
        Reg.Method(t, "randrange", (ThreadState ts, PyObject? self, in Args a) => IntOps.Make(ts, RandRange(ts, R(self), a)));
        Reg.Method(t, "randint", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("randint", 2, 2);
            var lo = IntArg(ts, a[0], "randint");
            var hi = IntArg(ts, a[1], "randint");
            if (hi < lo) throw Err.ValueError($"empty range in randrange({lo}, {hi + 1})");
            return IntOps.Make(ts, lo + R(self).Mt.Below(hi - lo + 1));
        });
        Reg.Method(t, "uniform", (ThreadState ts, PyObject? self, in Args a) =>
        {
            double lo = Ops.AsDouble(ts, a[0]), hi = Ops.AsDouble(ts, a[1]);
            return new PyFloat(lo + (hi - lo) * R(self).Mt.NextDouble());
        });
        Reg.Method(t, "choice", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("choice", 1, 1);
            long n = Ops.Length(ts, a[0]);
            if (n == 0) throw Err.IndexError("Cannot choose from an empty sequence");
            var i = ts.NewInt((long)R(self).Mt.Below(n));
            try { return Ops.GetItem(ts, a[0], i); }
            finally { Rc.Decref(ts, i); }
        });
        Reg.Method(t, "shuffle", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("shuffle", 1, 1);
            var x = a[0];
            long n = Ops.Length(ts, x);
            for (long i = n - 1; i > 0; i--)
            {
                long j = (long)R(self).Mt.Below(i + 1);
                var ki = ts.NewInt(i);
                var kj = ts.NewInt(j);
                var vi = Ops.GetItem(ts, x, ki);
                var vj = Ops.GetItem(ts, x, kj);
                Ops.SetItem(ts, x, ki, vj);
                Ops.SetItem(ts, x, kj, vi);
                Rc.Decref(ts, vi);
                Rc.Decref(ts, vj);
                Rc.Decref(ts, ki);
                Rc.Decref(ts, kj);
            }
            return Types.None;
        });
        Reg.Method(t, "sample", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.CheckKeywords("sample", "counts");
            var pool = Ops.ToArray(ts, a[0]);
            try
            {
                int n = pool.Length;
                long k = Ops.AsLong(ts, a[1]);
                if (k < 0 || k > n) throw Err.ValueError("Sample larger than population or is negative");
                var result = new PyList((int)k);
                int setsize = 21;
                if (k > 5) setsize += (int)Math.Pow(4, Math.Ceiling(Math.Log(k * 3, 4)));
                if (n <= setsize)
                {
                    var p = (PyObject[])pool.Clone();
                    for (int i = 0; i < k; i++)
                    {
                        int j = (int)R(self).Mt.Below(n - i);
                        result.Append(ts, p[j]);
                        p[j] = p[n - i - 1];
                    }
                }
                else
                {
                    var selected = new System.Collections.Generic.HashSet<int>();
                    for (int i = 0; i < k; i++)
                    {
                        int j = (int)R(self).Mt.Below(n);
                        while (selected.Contains(j)) j = (int)R(self).Mt.Below(n);
                        selected.Add(j);
                        result.Append(ts, pool[j]);
                    }
                }
                return result;
            }
            finally { foreach (var x in pool) Rc.Decref(ts, x); }
        });
        Reg.Method(t, "gauss", (ThreadState ts, PyObject? self, in Args a) =>
        {
            double mu = a.Count > 0 ? Ops.AsDouble(ts, a[0]) : 0, sigma = a.Count > 1 ? Ops.AsDouble(ts, a[1]) : 1;
            double x2pi = R(self).Mt.NextDouble() * 2 * Math.PI;
            double g2rad = Math.Sqrt(-2.0 * Math.Log(1.0 - R(self).Mt.NextDouble()));
            return new PyFloat(mu + Math.Cos(x2pi) * g2rad * sigma);
        });
        Reg.Method(t, "expovariate", (ThreadState ts, PyObject? self, in Args a) =>
            new PyFloat(-Math.Log(1.0 - R(self).Mt.NextDouble()) / (a.Count > 0 ? Ops.AsDouble(ts, a[0]) : 1.0)));
        Reg.Method(t, "triangular", (ThreadState ts, PyObject? self, in Args a) =>
        {
            double low = a.Count > 0 ? Ops.AsDouble(ts, a[0]) : 0, high = a.Count > 1 ? Ops.AsDouble(ts, a[1]) : 1;
            double c = a.Count > 2 ? (Ops.AsDouble(ts, a[2]) - low) / (high - low) : 0.5;
            double u = R(self).Mt.NextDouble();
            if (u > c) { u = 1 - u; c = 1 - c; (low, high) = (high, low); }
            return new PyFloat(low + (high - low) * Math.Sqrt(u * c));
        });
        Reg.Method(t, "getstate", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var st = R(self).Mt.GetState();
            var items = new PyObject[st.Length + 1];
            for (int i = 0; i < st.Length; i++) items[i] = ts.NewInt(st[i]);
            items[^1] = ts.NewInt(R(self).Mt.Index);
            return ts.NewTuple(new PyObject[] { ts.NewInt(3), ts.NewTuple(items), Types.None });
        });
        Reg.Method(t, "setstate", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var inner = (PyTuple)((PyTuple)a[0]).Items[1];
            var mt = new uint[624];
            for (int i = 0; i < 624; i++) mt[i] = (uint)((PyInt)inner.Items[i]).Value;
            R(self).Mt.SetState(mt, (int)((PyInt)inner.Items[624]).Value);
            return Types.None;
        });
    }

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule(ts, "random");
        // The Random class of this interpreter (a heap type over the built-in layout).
        var randomType = new PyType(Types.Type, "Random", new[] { Types.Object }, new[] { Types.Object }, new PyDict(), Types.Object);
        randomType.Mro = new[] { randomType, Types.Object };
        randomType.Module = "random";
        randomType.New = (ThreadState ts, PyType cls, in Args a) =>
        {
            var r = new PyRandom(cls);
            Rc.Incref(ts, cls);
            r.Seed(ts, a.Count > 0 ? a[0] : null);
            return r;
        };
        AddMethods(randomType);
        var instance = new PyRandom(randomType);
        Rc.Incref(ts, randomType);
        instance.Seed(ts, null);
        m.Dict.SetStrOwned(ts, ts.Interp.Intern("Random"), randomType);
        foreach (var name in new[] { "seed", "random", "getrandbits", "randrange", "randint", "uniform", "choice", "shuffle", "sample", "gauss", "expovariate", "triangular", "getstate", "setstate" })
        {
            var bound = Ops.GetAttr(ts, instance, ts.Interp.Intern(name));
            m.Dict.SetStrOwned(ts, ts.Interp.Intern(name), bound);
        }
        Rc.Decref(ts, instance);
        return m;
    }
}
