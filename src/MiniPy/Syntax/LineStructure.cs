using System.Collections.Generic;
using Superpower.Model;

namespace MiniPy.Syntax;

/// <summary>
/// The pass that turns NEWLINE tokens (each carrying the indentation of the next logical line) into
/// Python's NEWLINE / INDENT / DEDENT structure, keeping the indentation stack. Tabs count to the next
/// multiple of 8, and must agree with a count of 1 per tab, or the source is refused with TabError.
/// </summary>
internal static class LineStructure
{
    public static TokenList<TokenKind> Apply(string source, TokenList<TokenKind> raw)
    {
        var output = new List<Token<TokenKind>>();
        var stack = new List<(int Col8, int Col1)> { (0, 0) };
        bool atLineStart = true;
        foreach (var token in raw)
        {
            if (token.Kind == TokenKind.Newline)
            {
                if (!atLineStart)
                    output.Add(new Token<TokenKind>(TokenKind.Newline, Zero(source, token.Span.Position)));
                atLineStart = true;
                var text = token.Span.ToStringValue();
                int lastBreak = text.LastIndexOf('\n');
                var indent = text.Substring(lastBreak + 1);
                var at = Advance(token.Span.Position, text);
                if (at.Absolute >= source.Length)
                    continue; // indentation before end of file does not matter
                Indent(source, indent, at, stack, output);
                continue;
            }
            if (atLineStart && output.Count == 0 && token.Span.Position.Column != 1)
            {
                // The first logical line of the file is indented.
                var line = token.Span.Position.Line;
                throw new SyntaxErrorException("unexpected indent", line, token.Span.Position.Column, "IndentationError");
            }
            atLineStart = false;
            output.Add(token);
        }
        var end = EndPosition(source);
        if (!atLineStart)
            output.Add(new Token<TokenKind>(TokenKind.Newline, Zero(source, end)));
        for (int i = stack.Count - 1; i > 0; i--)
            output.Add(new Token<TokenKind>(TokenKind.Dedent, Zero(source, end)));
        output.Add(new Token<TokenKind>(TokenKind.EndMarker, Zero(source, end)));
        return new TokenList<TokenKind>(output.ToArray());
    }

    private static void Indent(string source, string indent, Position at, List<(int Col8, int Col1)> stack, List<Token<TokenKind>> output)
    {
        int col8 = 0, col1 = 0;
        foreach (var c in indent)
        {
            if (c == '\t') { col8 = (col8 / 8 + 1) * 8; col1++; }
            else if (c == ' ') { col8++; col1++; }
        }
        var top = stack[^1];
        if (col8 == top.Col8)
        {
            if (col1 != top.Col1) throw TabError(at);
            return;
        }
        if (col8 > top.Col8)
        {
            if (col1 <= top.Col1) throw TabError(at);
            if (stack.Count > 100)
                throw new SyntaxErrorException("too many levels of indentation", at.Line, at.Column, "IndentationError");
            stack.Add((col8, col1));
            output.Add(new Token<TokenKind>(TokenKind.Indent, Zero(source, at)));
            return;
        }
        while (stack.Count > 1 && col8 < stack[^1].Col8)
        {
            stack.RemoveAt(stack.Count - 1);
            output.Add(new Token<TokenKind>(TokenKind.Dedent, Zero(source, at)));
        }
        if (col8 != stack[^1].Col8)
            throw new SyntaxErrorException("unindent does not match any outer indentation level", at.Line, at.Column, "IndentationError");
        if (col1 != stack[^1].Col1) throw TabError(at);
    }

    private static SyntaxErrorException TabError(Position at) =>
        new("inconsistent use of tabs and spaces in indentation", at.Line, at.Column, "TabError");

    private static TextSpan Zero(string source, Position at) => new(source, at, 0);

    private static Position Advance(Position start, string text)
    {
        int line = start.Line, column = start.Column;
        foreach (var c in text)
        {
            if (c == '\n') { line++; column = 1; }
            else column++;
        }
        return new Position(start.Absolute + text.Length, line, column);
    }

    private static Position EndPosition(string source) => Advance(new Position(0, 1, 1), source);
}
