using MiniPy.Memory;
using Xunit;

namespace MiniPy.Tests;

public sealed class VmTests
{
    [Fact]
    public void Unbounded_recursion_raises_RecursionError_at_the_default_limit()
    {
        var r = TestHost.RunSource("import sys\ndef f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('caught', sys.getrecursionlimit())\n");
        Assert.Equal("caught 1000\n", r.Stdout);
    }

    [Fact]
    public void Deep_recursion_works_when_the_limit_is_raised()
    {
        var r = TestHost.RunSource("import sys\nsys.setrecursionlimit(200000)\ndef d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\nprint(d(150000))\n");
        Assert.Equal("150000\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void Recursion_through_a_builtin_callback_is_stopped_too()
    {
        var r = TestHost.RunSource("class K:\n    def __lt__(self, o):\n        return sorted([K(), K()]) and True\ntry:\n    sorted([K(), K()])\nexcept RecursionError:\n    print('stopped')\n");
        Assert.Equal("stopped\n", r.Stdout);
    }

    [Fact]
    public void Uncaught_exception_prints_a_traceback_and_exits_with_1()
    {
        var r = TestHost.RunSource("def f():\n    return 1 / 0\nf()\n");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("Traceback (most recent call last):", r.Stderr);
        Assert.Contains(", line 2, in f", r.Stderr);
        Assert.EndsWith("ZeroDivisionError: division by zero\n", r.Stderr);
    }

    [Fact]
    public void Sys_exit_code_becomes_the_exit_code()
    {
        Assert.Equal(7, TestHost.RunSource("import sys\nsys.exit(7)\n").ExitCode);
    }

    [Fact]
    public void Syntax_error_report_shows_the_line_and_a_caret()
    {
        var r = TestHost.RunSource("x = 1\ny = (2 +\n");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("SyntaxError", r.Stderr);
    }

    [Fact]
    public void Del_runs_when_the_last_reference_goes()
    {
        var src = "class R:\n    def __del__(self):\n        print('del')\nr = R()\nprint('a')\nr = None\nprint('b')\n";
        Assert.Equal("a\ndel\nb\n", TestHost.RunSource(src).Stdout);
        Assert.Equal("a\ndel\nb\n", TestHost.RunSource(src, RefCountScheme.None).Stdout);
    }

    [Fact]
    public void Exception_in_del_is_reported_and_ignored()
    {
        var r = TestHost.RunSource("class R:\n    def __del__(self):\n        raise ValueError('x')\nr = R()\ndel r\nprint('alive')\n");
        Assert.Equal("alive\n", r.Stdout);
        Assert.Contains("Exception ignored in", r.Stderr);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void Getrefcount_counts_the_argument_reference_as_CPython_does()
    {
        var r = TestHost.RunSource("import sys\nx = object()\nprint(sys.getrefcount(x))\ny = x\nprint(sys.getrefcount(x))\n");
        Assert.Equal("2\n3\n", r.Stdout);
    }

    [Fact]
    public void Deallocating_a_long_linked_chain_does_not_overflow_the_stack()
    {
        var r = TestHost.RunSource("class N:\n    pass\nhead = None\nfor i in range(200000):\n    n = N()\n    n.next = head\n    head = n\nn = None\nhead = None\nprint('freed')\n");
        Assert.Equal("freed\n", r.Stdout);
    }
}
