using System;
using System.IO;
using System.Text;
using MiniPy.Compiler;
using MiniPy.Hosting;
using MiniPy.Runtime;
using MiniPy.Syntax;
using Xunit;

namespace MiniPy.Tests;

/// <summary>Random and mutated sources: compiling them may only ever raise SyntaxError.</summary>
public sealed class FuzzTests
{
    private static readonly string[] Fragments =
    {
        "def", "class", "if", "else", "elif", "for", "in", "while", "try", "except", "finally", "with", "as", "return",
        "yield", "lambda", "not", "and", "or", "import", "from", "global", "nonlocal", "pass", "break", "continue",
        "x", "y", "f", "(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "==", "+", "-", "*", "**", "/", "//", "%",
        "<", ">", "!=", "@", "->", ":=", "1", "0x1f", "1.5e3", "'s'", "\"t\"", "f'{x}'", "b'b'", "\n", "\n    ", "\t",
        " ", "#c\n", "\\\n", "...", "*args", "**kw", "async", "await", "match", "case", "del", "assert", "raise",
    };

    private static readonly string[] Seeds =
    {
        "def f(a, b=1, *c, d, **e):\n    return a + b\n",
        "class C(B):\n    x = 1\n    def m(self):\n        return [i for i in range(3) if i]\n",
        "try:\n    x = {1: 2}[1]\nexcept (KeyError, ValueError) as e:\n    pass\nfinally:\n    y = f'{x!r:>4}'\n",
        "with open('x') as f, g() as h:\n    for i, (a, *b) in enumerate(f):\n        yield from b\n",
        "x = lambda *a, **k: (a, k)\nwhile x:\n    break\nelse:\n    del x\n",
    };

    private static readonly Interpreter Interp = new(new RuntimeOptions { Stdout = new StringWriter(), Stderr = new StringWriter() });

    private static void CompileOnly(string source)
    {
        try
        {
            CodeGenerator.CompileModule(PythonParser.ParseModule(source), "<fuzz>", Interp);
        }
        catch (SyntaxErrorException)
        {
        }
    }

    [Fact]
    public void Ten_thousand_random_and_mutated_sources_raise_nothing_but_SyntaxError()
    {
        var r = new Random(20261124);
        for (int i = 0; i < 10000; i++)
        {
            string source;
            if (i % 2 == 0)
            {
                var sb = new StringBuilder();
                int n = r.Next(1, 40);
                for (int k = 0; k < n; k++) sb.Append(Fragments[r.Next(Fragments.Length)]).Append(r.Next(3) == 0 ? " " : "");
                source = sb.ToString();
            }
            else
            {
                var chars = Seeds[r.Next(Seeds.Length)].ToCharArray();
                int edits = r.Next(1, 6);
                var sb = new StringBuilder(new string(chars));
                for (int k = 0; k < edits && sb.Length > 0; k++)
                {
                    int pos = r.Next(sb.Length);
                    switch (r.Next(3))
                    {
                        case 0: sb.Remove(pos, 1); break;
                        case 1: sb.Insert(pos, Fragments[r.Next(Fragments.Length)]); break;
                        default: sb[pos] = (char)r.Next(32, 127); break;
                    }
                }
                source = sb.ToString();
            }
            try { CompileOnly(source); }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"source #{i} raised {e.GetType().Name}: {e.Message}\n---\n{source}\n---\n{e}");
            }
        }
    }
}
