using MiniPy.Syntax;
using Xunit;

namespace MiniPy.Tests;

public sealed class ParserTests
{
    private static Expr ParseExpr(string text) =>
        Assert.IsType<ExprStmt>(PythonParser.ParseModule(text + "\n").Body[0]).Value;

    [Fact]
    public void Multiplication_binds_tighter_than_addition()
    {
        var e = Assert.IsType<BinOpExpr>(ParseExpr("1 + 2 * 3"));
        Assert.Equal(BinaryOperator.Add, e.Op);
        Assert.Equal(BinaryOperator.Mult, Assert.IsType<BinOpExpr>(e.Right).Op);
    }

    [Fact]
    public void Power_is_right_associative_and_binds_tighter_than_unary_minus()
    {
        var e = Assert.IsType<UnaryOpExpr>(ParseExpr("-2 ** 3 ** 2"));
        var pow = Assert.IsType<BinOpExpr>(e.Operand);
        Assert.IsType<BinOpExpr>(pow.Right);
    }

    [Fact]
    public void Chained_comparison_keeps_all_operators()
    {
        var e = Assert.IsType<CompareExpr>(ParseExpr("a < b <= c is not d not in e"));
        Assert.Equal(new[] { CompareOperator.Lt, CompareOperator.LtE, CompareOperator.IsNot, CompareOperator.NotIn }, e.Ops);
    }

    [Fact]
    public void Statement_positions_are_one_based()
    {
        var m = PythonParser.ParseModule("x = 1\n\nif x:\n    pass\n");
        Assert.Equal(3, m.Body[1].Line);
        Assert.Equal(1, m.Body[1].Col);
    }

    [Fact]
    public void Function_parameters_of_every_kind()
    {
        var f = Assert.IsType<FunctionDefStmt>(PythonParser.ParseModule("def f(a, b=1, /, c=2, *args, d, e=3, **kw): pass\n").Body[0]);
        Assert.Equal(2, f.Args.PosOnly.Count);
        Assert.Single(f.Args.Args);
        Assert.Equal("args", f.Args.VarArg!.Name);
        Assert.Equal(2, f.Args.KwOnly.Count);
        Assert.Equal("kw", f.Args.KwArg!.Name);
    }

    [Fact]
    public void Comprehension_with_conditions_and_nested_loops()
    {
        var c = Assert.IsType<ComprehensionExpr>(ParseExpr("[x for y in z if y for x in y if x if not x]"));
        Assert.Equal(2, c.Generators.Count);
        Assert.Equal(2, c.Generators[1].Ifs.Count);
    }

    [Theory]
    [InlineData("def broken(:\n    pass\n")]
    [InlineData("x = = 1\n")]
    [InlineData("1 = x\n")]
    [InlineData("f(x for x in y, 1)\n")]
    [InlineData("if x\n    pass\n")]
    [InlineData("return\n")]
    public void Malformed_source_is_a_SyntaxError(string source)
    {
        Assert.ThrowsAny<SyntaxErrorException>(() =>
        {
            var m = PythonParser.ParseModule(source);
            Compiler.SymbolTable.Build(m.Body);
        });
    }

    [Fact]
    public void Missing_block_reports_the_header_line()
    {
        var e = Assert.Throws<SyntaxErrorException>(() => PythonParser.ParseModule("for x in y:\nz = 1\n"));
        Assert.Equal("IndentationError", e.Kind);
        Assert.Contains("after 'for' statement on line 1", e.Message);
    }

    [Fact]
    public void Match_statement_is_refused_by_name()
    {
        var e = Assert.Throws<SyntaxErrorException>(() => PythonParser.ParseModule("match x:\n    case 1:\n        pass\n"));
        Assert.Contains("not supported by MiniPy", e.Message);
    }
}

public sealed class NestingLimitTests
{
    [Fact]
    public void Too_many_nested_parentheses_is_a_SyntaxError()
    {
        var e = Assert.Throws<SyntaxErrorException>(() => PythonParser.ParseModule("x = " + new string('(', 300) + "1" + new string(')', 300) + "\n"));
        Assert.Contains("too many nested parentheses", e.Message);
    }

    [Fact]
    public void Deeply_nested_data_repr_and_comparison_do_not_crash()
    {
        var r = TestHost.RunSource("a = []\nb = []\nfor i in range(50000):\n    a = [a]\n    b = [b]\ntry:\n    print(a == b, len(repr(a)) > 0)\nexcept RecursionError:\n    print('RecursionError')\n");
        Assert.Equal(0, r.ExitCode);
        Assert.True(r.Stdout is "True True\n" or "RecursionError\n", r.Stdout + r.Stderr);
    }
}
