using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Hosting;

/// <summary>
/// Values between C# and MiniPy. To MiniPy: null, bool, integers, BigInteger, floating point, string,
/// byte[], lists and arrays, dictionaries, tuples, delegates (callables) and <see cref="MiniPyObject"/>
/// handles. To C#: None → null, bool, int → long (BigInteger beyond), float → double, str → string,
/// bytes → byte[], list → List&lt;object?&gt;, tuple → object?[], dict → Dictionary&lt;object, object?&gt;,
/// anything else → a <see cref="MiniPyObject"/> handle.
/// </summary>
internal static class ValueConverter
{
    private const int MaxDepth = 100;

    /// <summary>A new reference to the MiniPy value of <paramref name="value"/>.</summary>
    public static PyObject ToPython(ThreadState ts, MiniPyInterpreter owner, object? value, int depth = 0)
    {
        if (depth > MaxDepth) throw new ArgumentException("the value is nested too deeply to convert");
        switch (value)
        {
            case null: return Types.None;
            case bool b: return PyBool.Of(b);
            case int i: return ts.NewInt(i);
            case long l: return ts.NewInt(l);
            case short s: return ts.NewInt(s);
            case byte b8: return ts.NewInt(b8);
            case sbyte sb: return ts.NewInt(sb);
            case ushort us: return ts.NewInt(us);
            case uint ui: return ts.NewInt(ui);
            case ulong ul: return ul <= long.MaxValue ? ts.NewInt((long)ul) : new PyBigInt(ul);
            case BigInteger big: return big >= long.MinValue && big <= long.MaxValue ? ts.NewInt((long)big) : new PyBigInt(big);
            case double d: return ts.NewFloat(d);
            case float f: return ts.NewFloat(f);
            case decimal m: return ts.NewFloat((double)m);
            case string str: return new PyStr(str);
            case char c: return new PyStr(c.ToString());
            case byte[] bytes: return new PyBytes((byte[])bytes.Clone());
            case MiniPyObject handle:
                if (handle.Owner != owner) throw new ArgumentException("a MiniPyObject belongs to the interpreter it came from");
                return Rc.New(ts, handle.Value);
            case Delegate del: return WrapDelegate(owner, del, del.Method.Name);
            case ITuple tuple:
            {
                var items = new PyObject[tuple.Length];
                for (int k = 0; k < items.Length; k++) items[k] = ToPython(ts, owner, tuple[k], depth + 1);
                return ts.NewTuple(items);
            }
            case IDictionary dict:
            {
                var d = new PyDict();
                foreach (DictionaryEntry e in dict)
                {
                    var k = ToPython(ts, owner, e.Key, depth + 1);
                    var v = ToPython(ts, owner, e.Value, depth + 1);
                    try { Ops.SetItem(ts, d, k, v); }
                    finally
                    {
                        Rc.Decref(ts, k);
                        Rc.Decref(ts, v);
                    }
                }
                return d;
            }
            case IEnumerable sequence:
            {
                var list = new PyList();
                foreach (var item in sequence) list.AppendOwned(ToPython(ts, owner, item, depth + 1));
                return list;
            }
            default:
                throw new ArgumentException($"a {value.GetType().Name} cannot be passed to MiniPy (use a delegate, a collection or a primitive)");
        }
    }

    /// <summary>The C# value of <paramref name="o"/> (borrowed); objects without one become handles.</summary>
    public static object? FromPython(ThreadState ts, MiniPyInterpreter owner, PyObject o, int depth = 0)
    {
        switch (o)
        {
            case PyNone: return null;
            case PyBool b: return b.Value != 0;
            case PyInt i when o.Type == Types.Int: return i.Value;
            case PyBigInt big: return big.Value;
            case PyFloat f when o.Type == Types.Float: return f.Value;
            case PyStr s when o.Type == Types.Str: return s.Value;
            case PyBytes bytes: return (byte[])bytes.Value.Clone();
        }
        if (depth < MaxDepth)
        {
            if (o is PyTuple t && o.Type == Types.Tuple)
            {
                var items = new object?[t.Count];
                for (int k = 0; k < items.Length; k++) items[k] = FromPython(ts, owner, t.Items[k], depth + 1);
                return items;
            }
            if (o is PyList l && o.Type == Types.List && Ops.Snapshot(ts, l) is { } elements)
            {
                var list = new List<object?>(elements.Length);
                try { foreach (var e in elements) list.Add(FromPython(ts, owner, e, depth + 1)); }
                finally { foreach (var e in elements) Rc.Decref(ts, e); }
                return list;
            }
            if (o is PyDict d && o.Type == Types.Dict)
            {
                var result = new Dictionary<object, object?>();
                int pos = 0;
                while (d.Next(ref pos, out var k, out var v))
                    result[FromPython(ts, owner, k, depth + 1) ?? NoneKey.Instance] = FromPython(ts, owner, v, depth + 1);
                return result;
            }
        }
        return new MiniPyObject(owner, Rc.New(ts, o));
    }

    /// <summary><paramref name="value"/> as a <paramref name="target"/>, for typed reads and delegate parameters.</summary>
    public static object? ConvertTo(object? value, Type target)
    {
        if (target == typeof(object)) return value;
        var underlying = Nullable.GetUnderlyingType(target);
        if (value is null)
        {
            if (!target.IsValueType || underlying is not null) return null;
            throw new InvalidCastException($"None cannot be converted to {target.Name}");
        }
        if (target.IsInstanceOfType(value)) return value;
        var t = underlying ?? target;
        if (t == typeof(BigInteger) && value is long l) return new BigInteger(l);
        if (value is BigInteger big && t != typeof(BigInteger))
            return Convert.ChangeType((decimal)big, t, CultureInfo.InvariantCulture);
        if (value is IConvertible && (t.IsPrimitive || t == typeof(decimal) || t == typeof(string)))
        {
            // A str is not a number: no parsing behind the script's back.
            if (value is string && t != typeof(string) && t != typeof(char))
                throw new InvalidCastException($"a str cannot be converted to {t.Name}");
            if (value is double && t != typeof(double) && t != typeof(float) && t != typeof(decimal) && t != typeof(string))
                throw new InvalidCastException($"a float cannot be converted to {t.Name}");
            return Convert.ChangeType(value, t, CultureInfo.InvariantCulture);
        }
        if (t.IsArray && value is IList items)
        {
            var element = t.GetElementType()!;
            var array = Array.CreateInstance(element, items.Count);
            for (int k = 0; k < items.Count; k++) array.SetValue(ConvertTo(items[k], element), k);
            return array;
        }
        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>) && value is IList source)
        {
            var element = t.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(t)!;
            foreach (var item in source) list.Add(ConvertTo(item, element));
            return list;
        }
        throw new InvalidCastException($"a {value.GetType().Name} cannot be converted to {target.Name}");
    }

    /// <summary>A C# delegate as a MiniPy built-in function: arguments converted to its parameter types,
    /// its result converted back, its exceptions raised as Python exceptions.</summary>
    public static PyBuiltinFunction WrapDelegate(MiniPyInterpreter owner, Delegate del, string name)
    {
        var parameters = del.Method.GetParameters();
        NativeFn fn = (ThreadState ts, PyObject? self, in Args a) =>
        {
            if (a.KwCount > 0) throw Err.TypeError($"{name}() takes no keyword arguments");
            if (a.Count != parameters.Length)
                throw Err.TypeError($"{name}() takes {parameters.Length} argument{(parameters.Length == 1 ? "" : "s")} ({a.Count} given)");
            var args = new object?[parameters.Length];
            for (int k = 0; k < args.Length; k++)
            {
                var value = FromPython(ts, owner, a[k]);
                try { args[k] = ConvertTo(value, parameters[k].ParameterType); }
                catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException)
                {
                    throw Err.TypeError($"{name}() argument {k + 1} must be {parameters[k].ParameterType.Name}, not {a[k].Type.Name}");
                }
            }
            object? result;
            try { result = del.DynamicInvoke(args); }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw HostError(e.InnerException);
            }
            return ToPython(ts, owner, result);
        };
        return new PyBuiltinFunction(name, fn);
    }

    /// <summary>An exception thrown by host code, as the Python exception a script can catch.</summary>
    public static PyException HostError(Exception e)
    {
        if (e is PyException py) return py;
        var type = e switch
        {
            MiniPyException m => m.PythonType switch
            {
                "ValueError" => Types.ValueError,
                "TypeError" => Types.TypeError,
                "KeyError" => Types.KeyError,
                _ => Types.RuntimeError,
            },
            ArgumentException => Types.ValueError,
            InvalidCastException => Types.TypeError,
            KeyNotFoundException => Types.KeyError,
            IndexOutOfRangeException or ArgumentOutOfRangeException => Types.IndexError,
            NotSupportedException or NotImplementedException => Types.NotImplementedError,
            UnauthorizedAccessException => Types.PermissionError,
            System.IO.FileNotFoundException => Types.FileNotFoundError,
            System.IO.IOException => Types.OSError,
            DivideByZeroException => Types.ZeroDivisionError,
            OverflowException => Types.OverflowError,
            _ => Types.RuntimeError,
        };
        return Err.Make(type, e.Message);
    }

    /// <summary>Stands for a None key in a converted dict (a .NET dictionary cannot hold a null key).</summary>
    internal sealed class NoneKey
    {
        public static readonly NoneKey Instance = new();
        public override string ToString() => "None";
    }
}
