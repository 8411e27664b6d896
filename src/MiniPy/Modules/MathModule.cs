using System;
using System.Collections.Generic;
using System.Numerics;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>The math module.</summary>
internal static class MathModule
{
    private static PyException Domain() => Err.ValueError("math domain error");

    private static double D(ThreadState ts, PyObject o) => Ops.AsDouble(ts, o);

    private static PyObject Real(Func<double, double> f, bool checkDomain = true) =>
        new PyBuiltinFunction("", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("math function", 1, 1);
            double x = D(ts, a[0]);
            double r = f(x);
            if (checkDomain && double.IsNaN(r) && !double.IsNaN(x)) throw Domain();
            if (double.IsInfinity(r) && !double.IsInfinity(x)) throw Err.Overflow("math range error");
            return new PyFloat(r);
        });

    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule(ts, "math");
        void Set(string name, PyObject v) => m.Dict.SetStrOwned(ts, ts.Interp.Intern(name), v);
        void Def(string name, NativeFn fn) => Set(name, new PyBuiltinFunction(name, fn));
        void DefReal(string name, Func<double, double> f) => Def(name, ((PyBuiltinFunction)Real(f)).Fn);
        Set("pi", new PyFloat(Math.PI));
        Set("e", new PyFloat(Math.E));
        Set("tau", new PyFloat(2 * Math.PI));
        Set("inf", new PyFloat(double.PositiveInfinity));
        Set("nan", new PyFloat(double.NaN));
        DefReal("sqrt", x => x < 0 ? double.NaN : Math.Sqrt(x));
        DefReal("exp", Math.Exp);
        DefReal("expm1", x => Math.Abs(x) < 1e-5 ? x + x * x / 2 + x * x * x / 6 : Math.Exp(x) - 1);
        DefReal("sin", Math.Sin);
        DefReal("cos", Math.Cos);
        DefReal("tan", Math.Tan);
        DefReal("asin", Math.Asin);
        DefReal("acos", Math.Acos);
        DefReal("atan", Math.Atan);
        DefReal("sinh", Math.Sinh);
        DefReal("cosh", Math.Cosh);
        DefReal("tanh", Math.Tanh);
        DefReal("asinh", Math.Asinh);
        DefReal("acosh", Math.Acosh);
        DefReal("atanh", Math.Atanh);
        DefReal("fabs", Math.Abs);
        DefReal("degrees", x => x * (180.0 / Math.PI));
        DefReal("radians", x => x * (Math.PI / 180.0));
        DefReal("log10", x => x <= 0 ? double.NaN : Math.Log10(x));
        DefReal("log1p", x => x <= -1 ? double.NaN : Math.Abs(x) < 1e-4 ? x - x * x / 2 + x * x * x / 3 : Math.Log(1 + x));
        DefReal("erf", Erf);
        DefReal("erfc", x => 1 - Erf(x));
        DefReal("gamma", Gamma);
        DefReal("lgamma", x => Math.Log(Math.Abs(Gamma(x))));
        Def("log2", (ThreadState ts, PyObject? s, in Args a) =>
        {
            if (IntOps.IsInt(a[0]) && IntOps.Big(a[0]) is var bi && bi.Sign > 0 && bi.IsPowerOfTwo) return new PyFloat((double)(bi.GetBitLength() - 1));
            double x = D(ts, a[0]);
            if (x <= 0) throw Domain();
            return new PyFloat(Math.Log2(x));
        });
        Def("log", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("log", 1, 2);
            double Ln(PyObject o)
            {
                if (o is PyBigInt b)
                {
                    if (b.Value.Sign <= 0) throw Domain();
                    return BigInteger.Log(b.Value);
                }
                double x = D(ts, o);
                if (x <= 0) throw Domain();
                return Math.Log(x);
            }
            double r = Ln(a[0]);
            if (a.Count == 2)
            {
                double b = Ln(a[1]);
                if (b == 0) throw Err.ZeroDivision("float division by zero");
                r /= b;
            }
            return new PyFloat(r);
        });
        Def("pow", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.Check("pow", 2, 2);
            double x = D(ts, a[0]), y = D(ts, a[1]);
            if (x == 0 && y < 0) throw Domain();
            if (x < 0 && Math.Floor(y) != y && !double.IsInfinity(y)) throw Domain();
            double r = Math.Pow(x, y);
            if (double.IsInfinity(r) && !double.IsInfinity(x) && !double.IsInfinity(y)) throw Err.Overflow("math range error");
            return new PyFloat(r);
        });
        Def("atan2", (ThreadState ts, PyObject? s, in Args a) => new PyFloat(Math.Atan2(D(ts, a[0]), D(ts, a[1]))));
        Def("copysign", (ThreadState ts, PyObject? s, in Args a) => new PyFloat(Math.CopySign(D(ts, a[0]), D(ts, a[1]))));
        Def("fmod", (ThreadState ts, PyObject? s, in Args a) =>
        {
            double y = D(ts, a[1]);
            if (y == 0) throw Domain();
            return new PyFloat(D(ts, a[0]) % y);
        });
        Def("hypot", (ThreadState ts, PyObject? s, in Args a) =>
        {
            double sum = 0, max = 0;
            for (int i = 0; i < a.Count; i++) max = Math.Max(max, Math.Abs(D(ts, a[i])));
            if (max == 0 || double.IsInfinity(max)) return new PyFloat(max);
            for (int i = 0; i < a.Count; i++) { double v = D(ts, a[i]) / max; sum += v * v; }
            return new PyFloat(max * Math.Sqrt(sum));
        });
        Def("floor", (ThreadState ts, PyObject? s, in Args a) => RoundTo(ts, a, Math.Floor, Types.Strs.Floor));
        Def("ceil", (ThreadState ts, PyObject? s, in Args a) => RoundTo(ts, a, Math.Ceiling, Types.Strs.Ceil));
        Def("trunc", (ThreadState ts, PyObject? s, in Args a) => RoundTo(ts, a, Math.Truncate, Types.Strs.Trunc));
        Def("isnan", (ThreadState ts, PyObject? s, in Args a) => PyBool.Of(double.IsNaN(D(ts, a[0]))));
        Def("isinf", (ThreadState ts, PyObject? s, in Args a) => PyBool.Of(double.IsInfinity(D(ts, a[0]))));
        Def("isfinite", (ThreadState ts, PyObject? s, in Args a) => PyBool.Of(double.IsFinite(D(ts, a[0]))));
        Def("isclose", (ThreadState ts, PyObject? s, in Args a) =>
        {
            a.CheckKeywords("isclose", "rel_tol", "abs_tol");
            double x = D(ts, a[0]), y = D(ts, a[1]);
            double rel = a.Kw("rel_tol") is { } r ? D(ts, r) : 1e-9, abs = a.Kw("abs_tol") is { } ab ? D(ts, ab) : 0.0;
            if (x == y) return Types.True;
            if (double.IsInfinity(x) || double.IsInfinity(y)) return Types.False;
            double diff = Math.Abs(y - x);
            return PyBool.Of(diff <= Math.Abs(rel * y) || diff <= Math.Abs(rel * x) || diff <= abs);
        });
        Def("modf", (ThreadState ts, PyObject? s, in Args a) =>
        {
            double x = D(ts, a[0]);
            double ip = Math.Truncate(x);
            return ts.NewTuple(new PyObject[] { new PyFloat(Math.CopySign(x - ip, x)), new PyFloat(ip) });
        });
        Def("frexp", (ThreadState ts, PyObject? s, in Args a) =>
        {
            double x = D(ts, a[0]);
            if (x == 0 || double.IsNaN(x) || double.IsInfinity(x)) return ts.NewTuple(new PyObject[] { new PyFloat(x), ts.NewInt(0) });
            int e = Math.ILogB(x) + 1;
            return ts.NewTuple(new PyObject[] { new PyFloat(Math.ScaleB(x, -e)), ts.NewInt(e) });
        });
        Def("ldexp", (ThreadState ts, PyObject? s, in Args a) => new PyFloat(Math.ScaleB(D(ts, a[0]), (int)Ops.AsLong(ts, a[1]))));
        Def("gcd", (ThreadState ts, PyObject? s, in Args a) =>
        {
            BigInteger g = 0;
            for (int i = 0; i < a.Count; i++) g = BigInteger.GreatestCommonDivisor(g, IntArg(ts, a[i]));
            return IntOps.Make(ts, g);
        });
        Def("lcm", (ThreadState ts, PyObject? s, in Args a) =>
        {
            BigInteger l = 1;
            for (int i = 0; i < a.Count; i++)
            {
                var v = BigInteger.Abs(IntArg(ts, a[i]));
                if (v.IsZero) return ts.NewInt(0);
                l = l / BigInteger.GreatestCommonDivisor(l, v) * v;
            }
            return IntOps.Make(ts, l);
        });
        Def("factorial", (ThreadState ts, PyObject? s, in Args a) =>
        {
            if (a[0] is PyFloat) throw Err.TypeError("'float' object cannot be interpreted as an integer");
            long n = Ops.AsLong(ts, a[0]);
            if (n < 0) throw Err.ValueError("factorial() not defined for negative values");
            BigInteger r = 1;
            for (long i = 2; i <= n; i++) r *= i;
            return IntOps.Make(ts, r);
        });
        Def("comb", (ThreadState ts, PyObject? s, in Args a) =>
        {
            long n = Ops.AsLong(ts, a[0]), k = Ops.AsLong(ts, a[1]);
            if (n < 0 || k < 0) throw Err.ValueError(n < 0 ? "n must be a non-negative integer" : "k must be a non-negative integer");
            if (k > n) return ts.NewInt(0);
            k = Math.Min(k, n - k);
            BigInteger r = 1;
            for (long i = 1; i <= k; i++) r = r * (n - k + i) / i;
            return IntOps.Make(ts, r);
        });
        Def("perm", (ThreadState ts, PyObject? s, in Args a) =>
        {
            long n = Ops.AsLong(ts, a[0]);
            long k = a.Count > 1 && a[1] is not PyNone ? Ops.AsLong(ts, a[1]) : n;
            if (n < 0 || k < 0) throw Err.ValueError(n < 0 ? "n must be a non-negative integer" : "k must be a non-negative integer");
            if (k > n) return ts.NewInt(0);
            BigInteger r = 1;
            for (long i = n - k + 1; i <= n; i++) r *= i;
            return IntOps.Make(ts, r);
        });
        Def("isqrt", (ThreadState ts, PyObject? s, in Args a) =>
        {
            var n = IntArg(ts, a[0]);
            if (n.Sign < 0) throw Err.ValueError("isqrt() argument must be nonnegative");
            return IntOps.Make(ts, ISqrt(n));
        });
        Def("prod", (ThreadState ts, PyObject? s, in Args a) =>
        {
            PyObject acc = a.Kw("start") is { } st ? Rc.New(ts, st) : ts.NewInt(1);
            foreach (var x in Ops.ToArray(ts, a[0]))
            {
                var next = Ops.BinaryOp(ts, acc, x, BinaryOp.Mul);
                Rc.Decref(ts, acc);
                Rc.Decref(ts, x);
                acc = next;
            }
            return acc;
        });
        Def("fsum", (ThreadState ts, PyObject? s, in Args a) =>
        {
            var items = Ops.ToArray(ts, a[0]);
            var values = new List<double>();
            foreach (var x in items) { values.Add(D(ts, x)); Rc.Decref(ts, x); }
            return new PyFloat(FSum(values));
        });
        Def("dist", (ThreadState ts, PyObject? s, in Args a) =>
        {
            var p = Ops.ToArray(ts, a[0]);
            var q = Ops.ToArray(ts, a[1]);
            double sum = 0;
            for (int i = 0; i < p.Length; i++) { double d = D(ts, p[i]) - D(ts, q[i]); sum += d * d; }
            foreach (var x in p) Rc.Decref(ts, x);
            foreach (var x in q) Rc.Decref(ts, x);
            return new PyFloat(Math.Sqrt(sum));
        });
        return m;
    }

    private static BigInteger IntArg(ThreadState ts, PyObject o)
    {
        if (IntOps.IsInt(o)) return IntOps.Big(o);
        return Ops.AsIndexOrNull(ts, o) ?? throw Err.TypeError($"'{o.Type.Name}' object cannot be interpreted as an integer");
    }

    private static PyObject RoundTo(ThreadState ts, in Args a, Func<double, double> f, PyStr dunder)
    {
        a.Check(dunder.Value.Trim('_'), 1, 1);
        var x = a[0];
        if (IntOps.IsInt(x)) return IntOps.Make(ts, IntOps.Big(x));
        if (x.Type.IsHeap && x.Type.Lookup(dunder) is { } m) return Ops.CallDunder(ts, m, x);
        return IntMethods.FromDouble(ts, f(D(ts, x)));
    }

    public static BigInteger ISqrt(BigInteger n)
    {
        if (n < 2) return n;
        var x = (BigInteger)Math.Sqrt((double)n);
        while (x * x > n) x--;
        while ((x + 1) * (x + 1) <= n) x++;
        if (n.GetBitLength() > 100)
        {
            // Newton's method for large values, where the double estimate is far off.
            x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
            while (true)
            {
                var y = (x + n / x) >> 1;
                if (y >= x) break;
                x = y;
            }
        }
        return x;
    }

    /// <summary>Shewchuk's exact summation, as CPython's math.fsum.</summary>
    private static double FSum(List<double> values)
    {
        var partials = new List<double>();
        foreach (var v in values)
        {
            double x = v;
            int i = 0;
            for (int j = 0; j < partials.Count; j++)
            {
                double y = partials[j];
                if (Math.Abs(x) < Math.Abs(y)) (x, y) = (y, x);
                double hi = x + y, lo = y - (hi - x);
                if (lo != 0) partials[i++] = lo;
                x = hi;
            }
            partials.RemoveRange(i, partials.Count - i);
            partials.Add(x);
        }
        double sum = 0;
        if (partials.Count > 0)
        {
            int n = partials.Count - 1;
            sum = partials[n];
            double lo = 0;
            while (n > 0)
            {
                double x = sum, y = partials[--n];
                sum = x + y;
                double yr = sum - x;
                lo = y - yr;
                if (lo != 0) break;
            }
            if (n > 0 && (lo < 0 && partials[n - 1] < 0 || lo > 0 && partials[n - 1] > 0))
            {
                double y = lo * 2, x = sum + y, yr = x - sum;
                if (y == yr) sum = x;
            }
        }
        return sum;
    }

    private static double Erf(double x)
    {
        // Abramowitz-Stegun 7.1.26 refined with a series for small |x|.
        if (Math.Abs(x) < 2)
        {
            double sum = x, term = x, x2 = x * x;
            for (int n = 1; n < 60; n++)
            {
                term *= -x2 / n;
                sum += term / (2 * n + 1);
            }
            return 2 / Math.Sqrt(Math.PI) * sum;
        }
        double t = 1 / (1 + 0.5 * Math.Abs(x));
        double tau = t * Math.Exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - tau : tau - 1;
    }

    private static double Gamma(double x)
    {
        if (x == Math.Floor(x) && x <= 0) return double.NaN;
        if (x == Math.Floor(x) && x < 171)
        {
            double r = 1;
            for (int i = 2; i < (int)x; i++) r *= i;
            return r;
        }
        if (x < 0.5) return Math.PI / (Math.Sin(Math.PI * x) * Gamma(1 - x));
        double[] g = { 0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7 };
        x -= 1;
        double a = g[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) a += g[i] / (x + i);
        return Math.Sqrt(2 * Math.PI) * Math.Pow(t, x + 0.5) * Math.Exp(-t) * a;
    }
}
