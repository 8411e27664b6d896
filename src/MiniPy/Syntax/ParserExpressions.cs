using System;
using System.Collections.Generic;
using System.Linq;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;
using static MiniPy.Syntax.ParserSupport;

namespace MiniPy.Syntax;

/// <summary>
/// The expression grammar, one field per rule of Python's grammar, in its order (from the loosest
/// binding to the tightest). Recursive references go through <c>Parse.Ref</c>.
/// </summary>
internal static partial class PythonParser
{
    // star_expressions: star_expression (',' star_expression)* [','] -- a tuple when there is a comma
    public static readonly TokenListParser<TokenKind, Expr> StarExpressions =
        Parse.Ref(() => StarExpression!).Then(first =>
            Tok(TokenKind.Comma).IgnoreThen(CommaList(StarExpression!, IsExpressionEnd))
                .Select(rest => (Expr)new TupleExpr(Prepend(first, rest.Items), first.Line, first.Col))
                .OptionalOrDefault(first));

    // star_expression: '*' bitwise_or | expression
    public static readonly TokenListParser<TokenKind, Expr> StarExpression =
        (from star in Tok(TokenKind.Star)
         from value in Parse.Ref(() => BitwiseOr!)
         select (Expr)new StarredExpr(value, Pos(star).Line, Pos(star).Col))
        .Or(Parse.Ref(() => Expression!));

    // star_named_expression: '*' bitwise_or | named_expression
    public static readonly TokenListParser<TokenKind, Expr> StarNamedExpression =
        (from star in Tok(TokenKind.Star)
         from value in Parse.Ref(() => BitwiseOr!)
         select (Expr)new StarredExpr(value, Pos(star).Line, Pos(star).Col))
        .Or(Parse.Ref(() => NamedExpression!));

    // named_expression: NAME ':=' expression | expression
    public static readonly TokenListParser<TokenKind, Expr> NamedExpression =
        (from name in Tok(TokenKind.Name).Then(n => Tok(TokenKind.Walrus).Value(n)).Try()
         from value in Parse.Ref(() => Expression!)
         select (Expr)new NamedExpr(new NameExpr(name.ToStringValue(), Pos(name).Line, Pos(name).Col), value, Pos(name).Line, Pos(name).Col))
        .Or(Parse.Ref(() => Expression!));

    // expression: disjunction ['if' disjunction 'else' expression] | lambdef
    public static readonly TokenListParser<TokenKind, Expr> Expression = Guarded(
        Parse.Ref(() => Lambda!)
        .Or(Parse.Ref(() => Disjunction!).Then(body =>
            (from _ in Tok(TokenKind.If)
             from test in Disjunction!
             from __ in Tok(TokenKind.Else)
             from orElse in Parse.Ref(() => Expression!)
             select (Expr)new IfExpr(test, body, orElse, body.Line, body.Col))
            .OptionalOrDefault(body))));

    // lambdef: 'lambda' [params] ':' expression
    public static readonly TokenListParser<TokenKind, Expr> Lambda =
        from kw in Tok(TokenKind.Lambda)
        from args in Parse.Ref(() => LambdaParameters!)
        from _ in Tok(TokenKind.Colon)
        from body in Parse.Ref(() => Expression!)
        select (Expr)new LambdaExpr(args, body, Pos(kw).Line, Pos(kw).Col);

    // disjunction: conjunction ('or' conjunction)*
    public static readonly TokenListParser<TokenKind, Expr> Disjunction =
        Parse.Ref(() => Conjunction!).AtLeastOnceDelimitedBy(Tok(TokenKind.Or))
            .Select(v => v.Length == 1 ? v[0] : new BoolOpExpr(BoolOperator.Or, v, v[0].Line, v[0].Col));

    // conjunction: inversion ('and' inversion)*
    public static readonly TokenListParser<TokenKind, Expr> Conjunction =
        Parse.Ref(() => Inversion!).AtLeastOnceDelimitedBy(Tok(TokenKind.And))
            .Select(v => v.Length == 1 ? v[0] : new BoolOpExpr(BoolOperator.And, v, v[0].Line, v[0].Col));

    // inversion: 'not' inversion | comparison
    public static readonly TokenListParser<TokenKind, Expr> Inversion =
        (from not in Tok(TokenKind.Not)
         from operand in Guarded(Parse.Ref(() => Inversion!))
         select (Expr)new UnaryOpExpr(UnaryOperator.Not, operand, Pos(not).Line, Pos(not).Col))
        .Or(Parse.Ref(() => Comparison!));

    private static readonly TokenListParser<TokenKind, CompareOperator> CompareOp =
        Tok(TokenKind.Less).Value(CompareOperator.Lt)
        .Or(Tok(TokenKind.LessEqual).Value(CompareOperator.LtE))
        .Or(Tok(TokenKind.Greater).Value(CompareOperator.Gt))
        .Or(Tok(TokenKind.GreaterEqual).Value(CompareOperator.GtE))
        .Or(Tok(TokenKind.EqEqual).Value(CompareOperator.Eq))
        .Or(Tok(TokenKind.NotEqual).Value(CompareOperator.NotEq))
        .Or(Tok(TokenKind.In).Value(CompareOperator.In))
        .Or(Tok(TokenKind.Not).IgnoreThen(Tok(TokenKind.In)).Value(CompareOperator.NotIn))
        .Or(Tok(TokenKind.Is).IgnoreThen(Tok(TokenKind.Not).Value(CompareOperator.IsNot).OptionalOrDefault(CompareOperator.Is)));

    // comparison: bitwise_or (compare_op bitwise_or)*
    public static readonly TokenListParser<TokenKind, Expr> Comparison =
        from left in Parse.Ref(() => BitwiseOr!)
        from rest in (from op in CompareOp from right in Parse.Ref(() => BitwiseOr!) select (op, right)).Many()
        select rest.Length == 0 ? left
            : (Expr)new CompareExpr(left, rest.Select(r => r.op).ToList(), rest.Select(r => r.right).ToList(), left.Line, left.Col);

    private static TokenListParser<TokenKind, Expr> Binary(TokenListParser<TokenKind, Expr> operand, params (TokenKind Kind, BinaryOperator Op)[] ops)
    {
        TokenListParser<TokenKind, BinaryOperator>? op = null;
        foreach (var (kind, bin) in ops)
        {
            var one = Tok(kind).Value(bin);
            op = op is null ? one : op.Or(one);
        }
        return Parse.Chain(op!, operand, (o, l, r) => new BinOpExpr(l, o, r, l.Line, l.Col));
    }

    public static readonly TokenListParser<TokenKind, Expr> BitwiseOr =
        Binary(Parse.Ref(() => BitwiseXor!), (TokenKind.Pipe, BinaryOperator.BitOr));

    public static readonly TokenListParser<TokenKind, Expr> BitwiseXor =
        Binary(Parse.Ref(() => BitwiseAnd!), (TokenKind.Caret, BinaryOperator.BitXor));

    public static readonly TokenListParser<TokenKind, Expr> BitwiseAnd =
        Binary(Parse.Ref(() => ShiftExpr!), (TokenKind.Amp, BinaryOperator.BitAnd));

    public static readonly TokenListParser<TokenKind, Expr> ShiftExpr =
        Binary(Parse.Ref(() => Sum!), (TokenKind.LShift, BinaryOperator.LShift), (TokenKind.RShift, BinaryOperator.RShift));

    public static readonly TokenListParser<TokenKind, Expr> Sum =
        Binary(Parse.Ref(() => Term!), (TokenKind.Plus, BinaryOperator.Add), (TokenKind.Minus, BinaryOperator.Sub));

    public static readonly TokenListParser<TokenKind, Expr> Term =
        Binary(Parse.Ref(() => Factor!), (TokenKind.Star, BinaryOperator.Mult), (TokenKind.Slash, BinaryOperator.Div),
            (TokenKind.DoubleSlash, BinaryOperator.FloorDiv), (TokenKind.Percent, BinaryOperator.Mod), (TokenKind.At, BinaryOperator.MatMult));

    /// <summary>Stops deep recursion (say 100,000 unary minus signs) before it overflows the .NET stack.</summary>
    private static TokenListParser<TokenKind, T> Guarded<T>(TokenListParser<TokenKind, T> parser) =>
        input =>
        {
            if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                var at = input.ConsumeToken();
                throw new SyntaxErrorException("Parser stack overflowed - Python source too complex to parse",
                    at.HasValue ? Pos(at.Value).Line : 1, at.HasValue ? Pos(at.Value).Col : 1, "MemoryError");
            }
            return parser(input);
        };

    // factor: ('+' | '-' | '~') factor | power
    public static readonly TokenListParser<TokenKind, Expr> Factor =
        (from op in Tok(TokenKind.Plus).Value(UnaryOperator.UAdd)
             .Or(Tok(TokenKind.Minus).Value(UnaryOperator.USub))
             .Or(Tok(TokenKind.Tilde).Value(UnaryOperator.Invert))
         from start in Parse.Return<TokenKind, int>(0)
         from operand in Guarded(Parse.Ref(() => Factor!))
         select FoldUnary(op, operand))
        .Or(Parse.Ref(() => Power!));

    private static Expr FoldUnary(UnaryOperator op, Expr operand)
    {
        // -5 is a constant in CPython's AST optimiser; folding keeps -9223372036854775808 a plain int.
        if (op == UnaryOperator.USub && operand is ConstantExpr { Kind: ConstantKind.Int or ConstantKind.Float, Folded: false } c)
        {
            object? v = c.Value switch
            {
                long l when l != long.MinValue => -l,
                long l => -(System.Numerics.BigInteger)l,
                System.Numerics.BigInteger b => b == -(System.Numerics.BigInteger)long.MinValue ? (object)long.MinValue : -b,
                double d => -d,
                _ => null,
            };
            if (v is not null) return new ConstantExpr(c.Kind, v, c.Line, c.Col - 1) { Folded = true };
        }
        return new UnaryOpExpr(op, operand, operand.Line, operand.Col - 1);
    }

    // power: await_primary ['**' factor]
    public static readonly TokenListParser<TokenKind, Expr> Power =
        Parse.Ref(() => AwaitPrimary!).Then(baseExpr =>
            Tok(TokenKind.DoubleStar).IgnoreThen(Parse.Ref(() => Factor!))
                .Select(exp => (Expr)new BinOpExpr(baseExpr, BinaryOperator.Pow, exp, baseExpr.Line, baseExpr.Col))
                .OptionalOrDefault(baseExpr));

    // await_primary: 'await' primary | primary
    public static readonly TokenListParser<TokenKind, Expr> AwaitPrimary =
        (from kw in Tok(TokenKind.Await)
         from value in Parse.Ref(() => Primary!)
         select (Expr)new AwaitExpr(value, Pos(kw).Line, Pos(kw).Col))
        .Or(Parse.Ref(() => Primary!));

    // primary: atom ('.' NAME | '(' arguments ')' | '[' slices ']')*
    public static readonly TokenListParser<TokenKind, Expr> Primary =
        from atom in Parse.Ref(() => Atom!)
        from trailers in Parse.Ref(() => Trailer!).Many()
        select trailers.Aggregate(atom, (e, t) => t(e));

    private static readonly TokenListParser<TokenKind, Func<Expr, Expr>> Trailer =
        (from dot in Tok(TokenKind.Dot)
         from name in Tok(TokenKind.Name)
         select (Func<Expr, Expr>)(e => new AttributeExpr(e, name.ToStringValue(), e.Line, e.Col)))
        .Or(from open in Tok(TokenKind.LParen)
            from args in Parse.Ref(() => CallArguments!)
            from close in Tok(TokenKind.RParen)
            select (Func<Expr, Expr>)(e => new CallExpr(e, args.Args, args.Keywords, e.Line, e.Col)))
        .Or(from open in Tok(TokenKind.LBracket)
            from index in Parse.Ref(() => Slices!)
            from close in Tok(TokenKind.RBracket)
            select (Func<Expr, Expr>)(e => new SubscriptExpr(e, index, e.Line, e.Col)));

    // slices: slice | ','.(slice | starred_expression)+ [',']
    public static readonly TokenListParser<TokenKind, Expr> Slices =
        CommaList(Parse.Ref(() => SliceItem!), k => k == TokenKind.RBracket)
            .Where(r => r.Items.Count > 0, "subscript")
            .Select(r => r.Items.Count == 1 && !r.TrailingComma ? r.Items[0]
                : new TupleExpr(r.Items, r.Items[0].Line, r.Items[0].Col));

    private static TokenListParser<TokenKind, Expr> SliceTail(Expr? lower, int line, int col) =>
        from colon in Tok(TokenKind.Colon)
        from upper in Expression.Opt()
        from step in Tok(TokenKind.Colon).IgnoreThen(Expression.Opt()).OptionalOrDefault()
        select (Expr)new SliceExpr(lower, upper, step, line, col);

    private static readonly TokenListParser<TokenKind, Expr> SliceItem =
        input =>
        {
            var first = input.ConsumeToken();
            if (first.HasValue && first.Value.Kind == TokenKind.Colon)
                return SliceTail(null, Pos(first.Value).Line, Pos(first.Value).Col)(input);
            var lower = StarNamedExpression(input);
            if (!lower.HasValue) return lower;
            if (NextIs(lower.Remainder, TokenKind.Colon))
            {
                var slice = SliceTail(lower.Value, lower.Value.Line, lower.Value.Col)(lower.Remainder);
                return slice.HasValue ? TokenListParserResult.Value(slice.Value, input, slice.Remainder) : slice;
            }
            return lower;
        };

    // atom
    public static readonly TokenListParser<TokenKind, Expr> Atom =
        Tok(TokenKind.Name).Select(t => (Expr)new NameExpr(t.ToStringValue(), Pos(t).Line, Pos(t).Col))
        .Or(Tok(TokenKind.Number).Select(t => (Expr)Literals.Number(t)))
        .Or(Parse.Ref(() => Strings!))
        .Or(Tok(TokenKind.True).Select(t => (Expr)new ConstantExpr(ConstantKind.True, null, Pos(t).Line, Pos(t).Col)))
        .Or(Tok(TokenKind.False).Select(t => (Expr)new ConstantExpr(ConstantKind.False, null, Pos(t).Line, Pos(t).Col)))
        .Or(Tok(TokenKind.None).Select(t => (Expr)new ConstantExpr(ConstantKind.None, null, Pos(t).Line, Pos(t).Col)))
        .Or(Tok(TokenKind.Ellipsis).Select(t => (Expr)new ConstantExpr(ConstantKind.Ellipsis, null, Pos(t).Line, Pos(t).Col)))
        .Or(Parse.Ref(() => ParenAtom!))
        .Or(Parse.Ref(() => ListAtom!))
        .Or(Parse.Ref(() => BraceAtom!));

    // strings: (STRING | FSTRING)+, adjacent literals concatenated
    public static readonly TokenListParser<TokenKind, Expr> Strings =
        Tok(TokenKind.String).Or(Tok(TokenKind.FString)).AtLeastOnce().Select(StringsToExpr);

    private static Expr StringsToExpr(Token<TokenKind>[] tokens)
    {
        var (line, col) = Pos(tokens[0]);
        bool anyBytes = false, anyStr = false, anyF = false;
        var parts = new List<Expr>();
        var bytes = new List<byte>();
        foreach (var t in tokens)
        {
            var (prefix, body, _) = Literals.Split(t.ToStringValue());
            bool raw = prefix.Contains('r');
            if (prefix.Contains('b'))
            {
                anyBytes = true;
                bytes.AddRange(Literals.DecodeBytes(body, raw, t));
            }
            else if (t.Kind == TokenKind.FString)
            {
                anyStr = anyF = true;
                parts.AddRange(Literals.FString(body, raw, t, (text, exprLine) => ParseFStringExpression(text, exprLine)));
            }
            else
            {
                anyStr = true;
                parts.Add(new ConstantExpr(ConstantKind.Str, Literals.DecodeStr(body, raw, t), Pos(t).Line, Pos(t).Col));
            }
            if (anyBytes && anyStr) throw Error("cannot mix bytes and nonbytes literals", t);
        }
        if (anyBytes) return new ConstantExpr(ConstantKind.Bytes, bytes.ToArray(), line, col);
        if (!anyF)
            return new ConstantExpr(ConstantKind.Str, string.Concat(parts.Select(p => (string)((ConstantExpr)p).Value!)), line, col);
        // Merge neighbouring literal parts.
        var merged = new List<Expr>();
        foreach (var p in parts)
        {
            if (p is ConstantExpr { Kind: ConstantKind.Str } c && merged.Count > 0 && merged[^1] is ConstantExpr { Kind: ConstantKind.Str } prev)
                merged[^1] = new ConstantExpr(ConstantKind.Str, (string)prev.Value! + (string)c.Value!, prev.Line, prev.Col);
            else
                merged.Add(p);
        }
        return new JoinedStrExpr(merged, line, col);
    }

    private static Expr ParseFStringExpression(string text, int line)
    {
        var padded = new string('\n', Math.Max(0, line - 1)) + "(" + text + ")";
        var tokens = PythonTokenizer.TokenizeModule(padded);
        var result = FStringField(tokens);
        if (!result.HasValue)
            throw new SyntaxErrorException("f-string: invalid syntax", line, 1);
        return result.Value;
    }

    private static readonly TokenListParser<TokenKind, Expr> FStringField =
        from e in Parse.Ref(() => Atom!)
        from _ in Tok(TokenKind.Newline).Many()
        from end in Tok(TokenKind.EndMarker)
        select e;

    // '(' ... ')': the empty tuple, a parenthesised yield, a generator expression, a group or a tuple
    public static readonly TokenListParser<TokenKind, Expr> ParenAtom =
        from open in Tok(TokenKind.LParen)
        from inner in Tok(TokenKind.RParen).Select(_ => (Expr)new TupleExpr(new List<Expr>(), Pos(open).Line, Pos(open).Col))
            .Or(Parse.Ref(() => YieldExpression!).Then(y => Tok(TokenKind.RParen).Value(y)))
            .Or(from first in StarNamedExpression
                from rest in Parse.Ref(() => ComprehensionTail!).Select(gens => (Expr)new ComprehensionExpr(ComprehensionKind.Generator, first, null, gens, Pos(open).Line, Pos(open).Col))
                    .Or(Tok(TokenKind.Comma).IgnoreThen(CommaList(StarNamedExpression, k => k == TokenKind.RParen))
                        .Select(r => (Expr)new TupleExpr(Prepend(first, r.Items), Pos(open).Line, Pos(open).Col)))
                    .OptionalOrDefault(first)
                from close in Tok(TokenKind.RParen)
                select rest)
        select inner;

    // '[' ... ']': a list display or a list comprehension
    public static readonly TokenListParser<TokenKind, Expr> ListAtom =
        from open in Tok(TokenKind.LBracket)
        from inner in Tok(TokenKind.RBracket).Select(_ => (Expr)new ListExpr(new List<Expr>(), Pos(open).Line, Pos(open).Col))
            .Or(from first in StarNamedExpression
                from rest in Parse.Ref(() => ComprehensionTail!).Select(gens => (Expr)new ComprehensionExpr(ComprehensionKind.List, first, null, gens, Pos(open).Line, Pos(open).Col))
                    .Or(Tok(TokenKind.Comma).IgnoreThen(CommaList(StarNamedExpression, k => k == TokenKind.RBracket))
                        .Select(r => (Expr)new ListExpr(Prepend(first, r.Items), Pos(open).Line, Pos(open).Col)))
                    .OptionalOrDefault(new ListExpr(new List<Expr> { first }, Pos(open).Line, Pos(open).Col))
                from close in Tok(TokenKind.RBracket)
                select rest)
        select inner;

    private sealed record DictItem(Expr? Key, Expr Value);

    private static readonly TokenListParser<TokenKind, DictItem> DictEntry =
        (from stars in Tok(TokenKind.DoubleStar)
         from value in BitwiseOr
         select new DictItem(null, value))
        .Or(from key in Expression
            from colon in Tok(TokenKind.Colon)
            from value in Expression
            select new DictItem(key, value));

    // '{' ... '}': dict and set displays and comprehensions
    public static readonly TokenListParser<TokenKind, Expr> BraceAtom =
        input =>
        {
            var open = input.ConsumeToken();
            if (!open.HasValue || open.Value.Kind != TokenKind.LBrace)
                return TokenListParserResult.Empty<TokenKind, Expr>(input, new[] { "{" });
            var (line, col) = Pos(open.Value);
            var rest = open.Remainder;
            if (NextIs(rest, TokenKind.RBrace))
                return TokenListParserResult.Value((Expr)new DictExpr(new List<Expr?>(), new List<Expr>(), line, col), input, rest.ConsumeToken().Remainder);
            // Decide between dict and set by the first item.
            var asDict = DictEntry(rest);
            Expr result;
            TokenList<TokenKind> after;
            if (asDict.HasValue)
            {
                var first = asDict.Value;
                var comp = first.Key is not null ? ComprehensionTail!(asDict.Remainder) : TokenListParserResult.Empty<TokenKind, List<Comprehension>>(asDict.Remainder);
                if (comp.HasValue)
                {
                    result = new ComprehensionExpr(ComprehensionKind.Dict, first.Key!, first.Value, comp.Value, line, col);
                    after = comp.Remainder;
                }
                else
                {
                    var keys = new List<Expr?> { first.Key };
                    var values = new List<Expr> { first.Value };
                    after = asDict.Remainder;
                    if (NextIs(after, TokenKind.Comma))
                    {
                        var more = CommaList(DictEntry, k => k == TokenKind.RBrace)(after.ConsumeToken().Remainder);
                        if (!more.HasValue) return TokenListParserResult.CastEmpty<TokenKind, (List<DictItem>, bool), Expr>(more);
                        foreach (var item in more.Value.Items) { keys.Add(item.Key); values.Add(item.Value); }
                        after = more.Remainder;
                    }
                    result = new DictExpr(keys, values, line, col);
                }
            }
            else
            {
                var firstElt = StarNamedExpression(rest);
                if (!firstElt.HasValue) return firstElt;
                var comp = ComprehensionTail!(firstElt.Remainder);
                if (comp.HasValue)
                {
                    result = new ComprehensionExpr(ComprehensionKind.Set, firstElt.Value, null, comp.Value, line, col);
                    after = comp.Remainder;
                }
                else
                {
                    var elts = new List<Expr> { firstElt.Value };
                    after = firstElt.Remainder;
                    if (NextIs(after, TokenKind.Comma))
                    {
                        var more = CommaList(StarNamedExpression, k => k == TokenKind.RBrace)(after.ConsumeToken().Remainder);
                        if (!more.HasValue) return TokenListParserResult.CastEmpty<TokenKind, (List<Expr>, bool), Expr>(more);
                        elts.AddRange(more.Value.Items);
                        after = more.Remainder;
                    }
                    result = new SetExpr(elts, line, col);
                }
            }
            var close = after.ConsumeToken();
            if (!close.HasValue || close.Value.Kind != TokenKind.RBrace)
                return TokenListParserResult.Empty<TokenKind, Expr>(after, new[] { "}" });
            return TokenListParserResult.Value(result, input, close.Remainder);
        };

    // for_if_clauses: ('async'? 'for' star_targets 'in' disjunction ('if' disjunction)*)+
    public static readonly TokenListParser<TokenKind, List<Comprehension>> ComprehensionTail =
        (from isAsync in Tok(TokenKind.Async).Value(true).OptionalOrDefault(false)
         from kw in Tok(TokenKind.For)
         from target in Parse.Ref(() => TargetList!)
         from _ in Tok(TokenKind.In)
         from iter in Disjunction
         from ifs in Tok(TokenKind.If).IgnoreThen(Disjunction).Many()
         select new Comprehension(target, iter, ifs, isAsync))
        .AtLeastOnce().Select(a => a.ToList());

    // star_targets for 'for' loops and comprehensions: bitwise_or items, so that 'in' ends them
    public static readonly TokenListParser<TokenKind, Expr> TargetList =
        CommaList(
            (from star in Tok(TokenKind.Star)
             from value in BitwiseOr
             select (Expr)new StarredExpr(value, Pos(star).Line, Pos(star).Col)).Or(BitwiseOr),
            k => k == TokenKind.In || k == TokenKind.Assign)
        .Where(r => r.Items.Count > 0, "target")
        .Select(r => r.Items.Count == 1 && !r.TrailingComma ? r.Items[0] : new TupleExpr(r.Items, r.Items[0].Line, r.Items[0].Col));

    // yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
    public static readonly TokenListParser<TokenKind, Expr> YieldExpression =
        from kw in Tok(TokenKind.Yield)
        from result in Tok(TokenKind.From).IgnoreThen(Expression).Select(v => (Expr)new YieldFromExpr(v, Pos(kw).Line, Pos(kw).Col))
            .Or(StarExpressions.Select(v => (Expr)new YieldExpr(v, Pos(kw).Line, Pos(kw).Col)))
            .OptionalOrDefault(new YieldExpr(null, Pos(kw).Line, Pos(kw).Col))
        select result;

    private sealed record ArgumentItem(Expr? Positional, Keyword? Keyword);

    private static readonly TokenListParser<TokenKind, ArgumentItem> Argument =
        (from star in Tok(TokenKind.Star)
         from value in Expression
         select new ArgumentItem(new StarredExpr(value, Pos(star).Line, Pos(star).Col), null))
        .Or(from stars in Tok(TokenKind.DoubleStar)
            from value in Expression
            select new ArgumentItem(null, new Keyword(null, value)))
        .Or(from name in Tok(TokenKind.Name).Then(n => Tok(TokenKind.Assign).Value(n)).Try()
            from value in Expression
            select new ArgumentItem(null, new Keyword(name.ToStringValue(), value)))
        .Or(from value in NamedExpression
            from gen in ComprehensionTail.Select(g => (Expr)new ComprehensionExpr(ComprehensionKind.Generator, value, null, g, value.Line, value.Col, Bare: true)).OptionalOrDefault(value)
            select new ArgumentItem(gen, null));

    internal sealed record ArgumentList(List<Expr> Args, List<Keyword> Keywords);

    public static readonly TokenListParser<TokenKind, ArgumentList> CallArguments =
        CommaList(Argument, k => k == TokenKind.RParen).Select(r =>
        {
            var args = new List<Expr>();
            var kws = new List<Keyword>();
            foreach (var item in r.Items)
            {
                if (r.Items.Count > 1 && item.Positional is ComprehensionExpr { Bare: true } bare)
                    throw new SyntaxErrorException("Generator expression must be parenthesized", bare.Line, bare.Col);
                if (item.Positional is not null)
                {
                    if (kws.Count > 0 && item.Positional is not StarredExpr)
                    {
                        var hasDoubleStar = kws.Exists(k => k.Name is null);
                        throw new SyntaxErrorException(hasDoubleStar
                            ? "positional argument follows keyword argument unpacking"
                            : "positional argument follows keyword argument", item.Positional.Line, item.Positional.Col);
                    }
                    args.Add(item.Positional);
                }
                else kws.Add(item.Keyword!);
            }
            return new ArgumentList(args, kws);
        });

    private static List<T> Prepend<T>(T first, List<T> rest)
    {
        var list = new List<T>(rest.Count + 1) { first };
        list.AddRange(rest);
        return list;
    }

    private static bool IsExpressionEnd(TokenKind k) =>
        k is TokenKind.Newline or TokenKind.Assign or TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace
            or TokenKind.Colon or TokenKind.Semicolon or TokenKind.EndMarker or TokenKind.In
            || k >= TokenKind.PlusAssign && k <= TokenKind.RShiftAssign;
}
