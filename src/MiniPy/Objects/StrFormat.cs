using System.Text;
using MiniPy.Modules;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>str.format: replacement fields with positional and keyword references, attribute and index lookups.</summary>
internal static class StrFormat
{
    public static string Format(ThreadState ts, string format, in Args args)
    {
        var positional = args.Positional.ToArray();
        var kw = new PyDict();
        try
        {
            for (int i = 0; i < args.KwCount; i++) kw.SetStr(ts, ts.Interp.Intern(args.KwName(i)), args.KwValue(i));
            return Render(ts, format, positional, kw, 2);
        }
        finally { Rc.Decref(ts, kw); }
    }

    public static string FormatMap(ThreadState ts, string format, PyObject mapping) =>
        Render(ts, format, System.Array.Empty<PyObject>(), mapping, 2);

    private static string Render(ThreadState ts, string format, PyObject[] positional, PyObject mapping, int depth)
    {
        if (depth < 0) throw Err.ValueError("Max string recursion exceeded");
        var sb = new StringBuilder();
        int auto = 0;
        bool usedAuto = false, usedManual = false;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{') { sb.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < format.Length && format[i + 1] == '}') { sb.Append('}'); i++; continue; }
            if (c == '}') throw Err.ValueError("Single '}' encountered in format string");
            if (c != '{') { sb.Append(c); continue; }
            int level = 1, j = i + 1;
            while (j < format.Length && level > 0)
            {
                if (format[j] == '{') level++;
                else if (format[j] == '}') level--;
                if (level > 0) j++;
            }
            if (j >= format.Length) throw Err.ValueError("expected '}' before end of string");
            var field = format.Substring(i + 1, j - i - 1);
            i = j;
            string spec = "";
            char conversion = '\0';
            int colon = IndexOutsideBrackets(field, ':');
            if (colon >= 0) { spec = field.Substring(colon + 1); field = field.Substring(0, colon); }
            int bang = IndexOutsideBrackets(field, '!');
            if (bang >= 0)
            {
                if (bang + 2 != field.Length) throw Err.ValueError("expected ':' after conversion specifier");
                conversion = field[bang + 1];
                field = field.Substring(0, bang);
            }
            int nameEnd = 0;
            while (nameEnd < field.Length && field[nameEnd] != '.' && field[nameEnd] != '[') nameEnd++;
            var name = field.Substring(0, nameEnd);
            PyObject value;
            if (name.Length == 0)
            {
                if (usedManual) throw Err.ValueError("cannot switch from manual field specification to automatic field numbering");
                usedAuto = true;
                if (auto >= positional.Length) throw Err.IndexError($"Replacement index {auto} out of range for positional args tuple");
                value = Rc.New(ts, positional[auto++]);
            }
            else if (int.TryParse(name, out int index))
            {
                if (usedAuto) throw Err.ValueError("cannot switch from automatic field numbering to manual field specification");
                usedManual = true;
                if (index >= positional.Length) throw Err.IndexError($"Replacement index {index} out of range for positional args tuple");
                value = Rc.New(ts, positional[index]);
            }
            else
            {
                var key = new PyStr(name);
                try { value = Ops.GetItem(ts, mapping, key); }
                finally { Rc.Decref(ts, key); }
            }
            int p = nameEnd;
            while (p < field.Length)
            {
                PyObject next;
                if (field[p] == '.')
                {
                    int e = p + 1;
                    while (e < field.Length && field[e] != '.' && field[e] != '[') e++;
                    next = Ops.GetAttr(ts, value, ts.Interp.Intern(field.Substring(p + 1, e - p - 1)));
                    p = e;
                }
                else
                {
                    int e = field.IndexOf(']', p);
                    var keyText = field.Substring(p + 1, e - p - 1);
                    PyObject key = long.TryParse(keyText, out long n) ? ts.NewInt(n) : new PyStr(keyText);
                    try { next = Ops.GetItem(ts, value, key); }
                    finally { Rc.Decref(ts, key); }
                    p = e + 1;
                }
                Rc.Decref(ts, value);
                value = next;
            }
            try
            {
                PyObject converted = conversion switch
                {
                    'r' => Ops.Repr(ts, value),
                    's' => Ops.Str(ts, value),
                    'a' => new PyStr(BuiltinFunctions.Ascii(Ops.ReprString(ts, value))),
                    '\0' => Rc.New(ts, value),
                    _ => throw Err.ValueError($"Unknown conversion specifier {conversion}"),
                };
                try
                {
                    if (spec.Contains('{')) spec = Render(ts, spec, positional, mapping, depth - 1);
                    var r = Ops.Format(ts, converted, spec);
                    sb.Append(((PyStr)r).Value);
                    Rc.Decref(ts, r);
                }
                finally { Rc.Decref(ts, converted); }
            }
            finally { Rc.Decref(ts, value); }
        }
        return sb.ToString();
    }

    private static int IndexOutsideBrackets(string s, char c)
    {
        int depth = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '[') depth++;
            else if (s[i] == ']') depth--;
            else if (s[i] == c && depth == 0) return i;
        }
        return -1;
    }
}
