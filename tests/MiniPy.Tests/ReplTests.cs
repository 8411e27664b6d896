using System.IO;
using MiniPy.Hosting;
using Xunit;

namespace MiniPy.Tests;

public sealed class ReplTests
{
    private static (string Output, string Errors) Session(string input)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var prompts = new StringWriter();
        var runtime = new MiniPyRuntime(new RuntimeOptions { Stdout = stdout, Stderr = stderr });
        runtime.RunRepl(new StringReader(input), prompts);
        return (stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Expression_values_are_echoed_and_None_is_not()
    {
        var (output, _) = Session("x = 6\nx * 7\nNone\n'a' + 'b'\n");
        Assert.Equal("42\n'ab'\n", output);
    }

    [Fact]
    public void Multi_line_block_ends_with_a_blank_line()
    {
        var (output, _) = Session("def f(n):\n    return n + 1\n\nf(1)\nfor i in range(2):\n    print(i)\n\n");
        Assert.Equal("2\n0\n1\n", output);
    }

    [Fact]
    public void An_error_is_reported_and_the_session_goes_on()
    {
        var (output, errors) = Session("1/0\nprint('still here')\n");
        Assert.Contains("ZeroDivisionError: division by zero", errors);
        Assert.Equal("still here\n", output);
    }
}
