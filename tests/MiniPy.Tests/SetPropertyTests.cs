using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit;

namespace MiniPy.Tests;

/// <summary>set against a model (.NET's HashSet): random interleavings of add, discard and membership,
/// across the resizes and dummy slots that CPython's table layout produces.</summary>
public sealed class SetPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_adds_and_discards_agree_with_a_model(int seed)
    {
        var random = new Random(seed);
        var model = new HashSet<long>();
        var program = new StringBuilder("s = set()\n");
        var ops = new List<string>();
        for (int i = 0; i < 4000; i++)
        {
            long k = random.Next(3) switch { 0 => random.Next(100), 1 => random.Next(100000), _ => 100000 + i };
            if (random.Next(3) == 0) { model.Remove(k); ops.Add($"d({k})"); }
            else { model.Add(k); ops.Add($"a({k})"); }
        }
        program.Append("a = s.add\nd = s.discard\n");
        for (int i = 0; i < ops.Count; i += 40) program.Append(string.Join("; ", ops.Skip(i).Take(40))).Append('\n');
        program.Append("print(len(s))\nprint(sorted(s))\n");
        var result = TestHost.RunSource(program.ToString());
        var expected = $"{model.Count}\n[{string.Join(", ", model.OrderBy(x => x))}]\n";
        Assert.Equal(expected, result.Stdout);
    }
}
