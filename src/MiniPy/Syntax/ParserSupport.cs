using System;
using System.Collections.Generic;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace MiniPy.Syntax;

/// <summary>Small parser building blocks that Superpower does not offer in the shape Python needs.</summary>
internal static class ParserSupport
{
    public static TokenListParser<TokenKind, Token<TokenKind>> Tok(TokenKind kind) => Token.EqualTo(kind);

    /// <summary>Items separated by commas, with an optional trailing comma, stopping (without consuming)
    /// at a token for which <paramref name="isEnd"/> holds, or when no comma follows an item.</summary>
    public static TokenListParser<TokenKind, (List<T> Items, bool TrailingComma)> CommaList<T>(
        TokenListParser<TokenKind, T> item, Func<TokenKind, bool> isEnd)
    {
        return input =>
        {
            var items = new List<T>();
            var rest = input;
            bool trailing = false;
            while (true)
            {
                var peek = rest.ConsumeToken();
                if (!peek.HasValue || isEnd(peek.Value.Kind))
                    break;
                var r = item(rest);
                if (!r.HasValue)
                {
                    if (items.Count == 0 || r.Remainder != rest)
                        return TokenListParserResult.CastEmpty<TokenKind, T, (List<T>, bool)>(r);
                    break;
                }
                items.Add(r.Value);
                rest = r.Remainder;
                var comma = rest.ConsumeToken();
                if (comma.HasValue && comma.Value.Kind == TokenKind.Comma)
                {
                    rest = comma.Remainder;
                    trailing = true;
                    continue;
                }
                trailing = false;
                break;
            }
            return TokenListParserResult.Value((items, trailing), input, rest);
        };
    }

    /// <summary>An optional reference-typed value: null when the parser does not match here.</summary>
    public static TokenListParser<TokenKind, T?> Opt<T>(this TokenListParser<TokenKind, T> parser) where T : class =>
        parser.Select(x => (T?)x).OptionalOrDefault();

    /// <summary>Succeeds, consuming nothing, when the next token is of the given kind.</summary>
    public static TokenListParser<TokenKind, Unit> PeekIs(TokenKind kind) =>
        input => NextIs(input, kind)
            ? TokenListParserResult.Value(Unit.Value, input, input)
            : TokenListParserResult.Empty<TokenKind, Unit>(input, new[] { kind.ToString() });

    /// <summary>True when the next token is of the given kind.</summary>
    public static bool NextIs(TokenList<TokenKind> input, TokenKind kind)
    {
        var t = input.ConsumeToken();
        return t.HasValue && t.Value.Kind == kind;
    }

    public static (int Line, int Col) Pos(Token<TokenKind> t) => (t.Span.Position.Line, t.Span.Position.Column);

    public static SyntaxErrorException Error(string message, Token<TokenKind> at) =>
        new(message, at.Span.Position.Line, at.Span.Position.Column);
}
