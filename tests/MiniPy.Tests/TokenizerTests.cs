using System.Linq;
using MiniPy.Syntax;
using Xunit;

namespace MiniPy.Tests;

public sealed class TokenizerTests
{
    private static TokenKind[] Kinds(string source) => PythonTokenizer.TokenizeModule(source).Select(t => t.Kind).ToArray();

    [Fact]
    public void Indented_block_yields_indent_and_dedent()
    {
        var kinds = Kinds("if x:\n    y\nz\n");
        Assert.Equal(new[] { TokenKind.If, TokenKind.Name, TokenKind.Colon, TokenKind.Newline, TokenKind.Indent, TokenKind.Name,
            TokenKind.Newline, TokenKind.Dedent, TokenKind.Name, TokenKind.Newline, TokenKind.EndMarker }, kinds);
    }

    [Fact]
    public void Several_dedents_come_out_at_one_place_and_at_end_of_file()
    {
        var kinds = Kinds("def f():\n  if x:\n    y");
        Assert.Equal(2, kinds.Count(k => k == TokenKind.Dedent));
        Assert.Equal(TokenKind.EndMarker, kinds[^1]);
    }

    [Fact]
    public void Newlines_inside_brackets_are_joined()
    {
        var kinds = Kinds("x = (1,\n     2)\n");
        Assert.Single(kinds, k => k == TokenKind.Newline);
    }

    [Fact]
    public void Backslash_continuation_joins_lines()
    {
        Assert.Single(Kinds("x = 1 + \\\n    2\n"), k => k == TokenKind.Newline);
    }

    [Fact]
    public void Blank_and_comment_lines_produce_no_tokens()
    {
        var kinds = Kinds("x = 1\n\n   # comment\n\ny = 2\n");
        Assert.Equal(2, kinds.Count(k => k == TokenKind.Newline));
        Assert.DoesNotContain(TokenKind.Indent, kinds);
    }

    [Fact]
    public void Inconsistent_tabs_and_spaces_are_refused_with_TabError()
    {
        var e = Assert.Throws<SyntaxErrorException>(() => Kinds("if x:\n\ty\n        z\n"));
        Assert.Equal("TabError", e.Kind);
    }

    [Fact]
    public void Unexpected_indent_is_an_IndentationError()
    {
        var e = Assert.Throws<SyntaxErrorException>(() => PythonParser.ParseModule("x = 1\n    y = 2\n"));
        Assert.Equal("IndentationError", e.Kind);
        Assert.Equal(2, e.Line);
    }

    [Theory]
    [InlineData("0xff", 255L)]
    [InlineData("0o17", 15L)]
    [InlineData("0b1011", 11L)]
    [InlineData("1_000_000", 1000000L)]
    [InlineData("0x_dead_beef", 0xdeadbeefL)]
    public void Integer_literals_in_every_base(string text, long value)
    {
        var module = PythonParser.ParseModule("x = " + text + "\n");
        var assign = Assert.IsType<AssignStmt>(module.Body[0]);
        Assert.Equal(value, Assert.IsType<ConstantExpr>(assign.Value).Value);
    }

    [Theory]
    [InlineData("'a\\tb'", "a\tb")]
    [InlineData("r'a\\tb'", "a\\tb")]
    [InlineData("\"\"\"x\ny\"\"\"", "x\ny")]
    [InlineData("'\\x41\\u00e9'", "Aé")]
    [InlineData("'ab' 'cd'", "abcd")]
    public void String_literals_decode_their_escapes(string text, string value)
    {
        var module = PythonParser.ParseModule("x = " + text + "\n");
        var assign = Assert.IsType<AssignStmt>(module.Body[0]);
        Assert.Equal(value, Assert.IsType<ConstantExpr>(assign.Value).Value);
    }

    [Fact]
    public void Fstring_with_nested_quotes_is_one_token()
    {
        var tokens = PythonTokenizer.TokenizeModule("f\"{'a' + f'{x}'}\"\n").ToArray();
        Assert.Equal(TokenKind.FString, tokens[0].Kind);
    }

    [Fact]
    public void Unterminated_string_is_a_SyntaxError()
    {
        Assert.Throws<SyntaxErrorException>(() => Kinds("x = 'abc\n"));
    }
}
