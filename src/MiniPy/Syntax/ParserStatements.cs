using System;
using System.Collections.Generic;
using System.Linq;
using Superpower;
using Superpower.Model;
using static MiniPy.Syntax.ParserSupport;

namespace MiniPy.Syntax;

/// <summary>The statement grammar: simple statements, compound statements and blocks.</summary>
internal static partial class PythonParser
{
    /// <summary>Parses a whole module. Throws <see cref="SyntaxErrorException"/> on malformed input.</summary>
    public static ModuleNode ParseModule(string source)
    {
        var tokens = PythonTokenizer.TokenizeModule(source);
        var result = File(tokens);
        if (!result.HasValue)
        {
            var at = result.Remainder.ConsumeToken();
            if (at.HasValue)
            {
                var (line, col) = Pos(at.Value);
                if (at.Value.Kind == TokenKind.Indent) throw new SyntaxErrorException("unexpected indent", line, col, "IndentationError");
                if (at.Value.Kind == TokenKind.Dedent) throw new SyntaxErrorException("unindent does not match any outer indentation level", line, col, "IndentationError");
                if (at.Value.Kind == TokenKind.EndMarker || at.Value.Kind == TokenKind.Newline && result.Remainder.ConsumeToken().Remainder.IsAtEnd)
                    throw new SyntaxErrorException("invalid syntax", line, col);
                throw new SyntaxErrorException("invalid syntax", line, col);
            }
            throw new SyntaxErrorException("invalid syntax", 1, 1);
        }
        return result.Value;
    }

    /// <summary>Parses the input of eval(): one expression list, optionally followed by newlines.</summary>
    public static Expr ParseExpressionInput(string source)
    {
        var tokens = PythonTokenizer.TokenizeModule(source.Trim());
        var result = EvalInput(tokens);
        if (!result.HasValue)
        {
            var at = result.Remainder.ConsumeToken();
            var (line, col) = at.HasValue ? Pos(at.Value) : (1, 1);
            throw new SyntaxErrorException("invalid syntax", line, col);
        }
        return result.Value;
    }

    private static readonly TokenListParser<TokenKind, Expr> EvalInput =
        from e in Parse.Ref(() => StarExpressions!)
        from nl in Tok(TokenKind.Newline).Many()
        from end in Tok(TokenKind.EndMarker)
        select e;

    // file: statements ENDMARKER
    private static readonly TokenListParser<TokenKind, ModuleNode> File =
        from body in Parse.Ref(() => Statement!).Many()
        from end in Tok(TokenKind.EndMarker)
        select new ModuleNode(body.SelectMany(s => s).ToList());

    // statement: compound_stmt | simple_stmts  (a simple_stmts line may hold several statements)
    public static readonly TokenListParser<TokenKind, List<Stmt>> Statement =
        input =>
        {
            var next = input.ConsumeToken();
            if (next.HasValue && next.Value.Kind == TokenKind.Indent)
                throw new SyntaxErrorException("unexpected indent", Pos(next.Value).Line, Pos(next.Value).Col, "IndentationError");
            var compound = CompoundStatement!(input);
            if (compound.HasValue)
                return TokenListParserResult.Value(new List<Stmt> { compound.Value }, input, compound.Remainder);
            if (compound.Remainder != input)
                return TokenListParserResult.CastEmpty<TokenKind, Stmt, List<Stmt>>(compound);
            return SimpleStatements!(input);
        };

    // simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
    public static readonly TokenListParser<TokenKind, List<Stmt>> SimpleStatements =
        from first in Parse.Ref(() => SimpleStatement!)
        from rest in Tok(TokenKind.Semicolon).IgnoreThen(Parse.Ref(() => SimpleStatement!)).Try().Many()
        from semi in Tok(TokenKind.Semicolon).Optional()
        from nl in Tok(TokenKind.Newline)
        select Prepend(first, rest.ToList());

    public static readonly TokenListParser<TokenKind, Stmt> SimpleStatement =
        Parse.Ref(() => ReturnStatement!)
        .Or(Parse.Ref(() => ImportStatement!))
        .Or(Parse.Ref(() => FromImportStatement!))
        .Or(Parse.Ref(() => RaiseStatement!))
        .Or(Tok(TokenKind.Pass).Select(t => (Stmt)new PassStmt(Pos(t).Line, Pos(t).Col)))
        .Or(Tok(TokenKind.Break).Select(t => (Stmt)new BreakStmt(Pos(t).Line, Pos(t).Col)))
        .Or(Tok(TokenKind.Continue).Select(t => (Stmt)new ContinueStmt(Pos(t).Line, Pos(t).Col)))
        .Or(Parse.Ref(() => DeleteStatement!))
        .Or(Parse.Ref(() => AssertStatement!))
        .Or(Parse.Ref(() => GlobalStatement!))
        .Or(Parse.Ref(() => NonlocalStatement!))
        .Or(Parse.Ref(() => ExpressionOrAssignment!));

    private static readonly TokenListParser<TokenKind, Expr> StarExpressionsOrYield =
        YieldExpression.Or(StarExpressions);

    private static readonly TokenListParser<TokenKind, BinaryOperator> AugOperator =
        Tok(TokenKind.PlusAssign).Value(BinaryOperator.Add)
        .Or(Tok(TokenKind.MinusAssign).Value(BinaryOperator.Sub))
        .Or(Tok(TokenKind.StarAssign).Value(BinaryOperator.Mult))
        .Or(Tok(TokenKind.SlashAssign).Value(BinaryOperator.Div))
        .Or(Tok(TokenKind.DoubleSlashAssign).Value(BinaryOperator.FloorDiv))
        .Or(Tok(TokenKind.PercentAssign).Value(BinaryOperator.Mod))
        .Or(Tok(TokenKind.AtAssign).Value(BinaryOperator.MatMult))
        .Or(Tok(TokenKind.DoubleStarAssign).Value(BinaryOperator.Pow))
        .Or(Tok(TokenKind.AmpAssign).Value(BinaryOperator.BitAnd))
        .Or(Tok(TokenKind.PipeAssign).Value(BinaryOperator.BitOr))
        .Or(Tok(TokenKind.CaretAssign).Value(BinaryOperator.BitXor))
        .Or(Tok(TokenKind.LShiftAssign).Value(BinaryOperator.LShift))
        .Or(Tok(TokenKind.RShiftAssign).Value(BinaryOperator.RShift));

    // assignment | augassign | annotated assignment | star_expressions
    public static readonly TokenListParser<TokenKind, Stmt> ExpressionOrAssignment =
        StarExpressionsOrYield.Then(first =>
            (from op in AugOperator
             from value in StarExpressionsOrYield
             select (Stmt)new AugAssignStmt(Targets.CheckAugTarget(first), op, value, first.Line, first.Col))
            .Or(from colon in Tok(TokenKind.Colon)
                from annotation in Expression
                from value in Tok(TokenKind.Assign).IgnoreThen(StarExpressionsOrYield).Opt()
                select (Stmt)new AnnAssignStmt(Targets.CheckTarget(first, "assign to"), annotation, value, first.Line, first.Col))
            .Or(Tok(TokenKind.Assign).IgnoreThen(StarExpressionsOrYield).Many().Select(rest =>
            {
                if (rest.Length == 0) return (Stmt)new ExprStmt(first, first.Line, first.Col);
                var all = Prepend(first, rest.ToList());
                var targets = all.Take(all.Count - 1).Select(t => Targets.CheckTarget(t, "assign to")).ToList();
                return new AssignStmt(targets, all[^1], first.Line, first.Col);
            })));

    public static readonly TokenListParser<TokenKind, Stmt> ReturnStatement =
        from kw in Tok(TokenKind.Return)
        from value in StarExpressions.Opt()
        select (Stmt)new ReturnStmt(value, Pos(kw).Line, Pos(kw).Col);

    public static readonly TokenListParser<TokenKind, Stmt> RaiseStatement =
        from kw in Tok(TokenKind.Raise)
        from exc in Expression.Opt()
        from cause in Tok(TokenKind.From).IgnoreThen(Expression).Opt()
        select (Stmt)new RaiseStmt(exc, cause, Pos(kw).Line, Pos(kw).Col);

    public static readonly TokenListParser<TokenKind, Stmt> DeleteStatement =
        from kw in Tok(TokenKind.Del)
        from targets in CommaList(BitwiseOr, k => k == TokenKind.Newline || k == TokenKind.Semicolon)
        select (Stmt)new DeleteStmt(targets.Items.Select(t => Targets.CheckTarget(t, "delete")).ToList(), Pos(kw).Line, Pos(kw).Col);

    public static readonly TokenListParser<TokenKind, Stmt> AssertStatement =
        from kw in Tok(TokenKind.Assert)
        from test in Expression
        from msg in Tok(TokenKind.Comma).IgnoreThen(Expression).Opt()
        select (Stmt)new AssertStmt(test, msg, Pos(kw).Line, Pos(kw).Col);

    private static readonly TokenListParser<TokenKind, string[]> NameList =
        Tok(TokenKind.Name).Select(t => t.ToStringValue()).AtLeastOnceDelimitedBy(Tok(TokenKind.Comma));

    public static readonly TokenListParser<TokenKind, Stmt> GlobalStatement =
        from kw in Tok(TokenKind.Global)
        from names in NameList
        select (Stmt)new GlobalStmt(names, Pos(kw).Line, Pos(kw).Col);

    public static readonly TokenListParser<TokenKind, Stmt> NonlocalStatement =
        from kw in Tok(TokenKind.Nonlocal)
        from names in NameList
        select (Stmt)new NonlocalStmt(names, Pos(kw).Line, Pos(kw).Col);

    private static readonly TokenListParser<TokenKind, string> DottedName =
        Tok(TokenKind.Name).Select(t => t.ToStringValue()).AtLeastOnceDelimitedBy(Tok(TokenKind.Dot)).Select(p => string.Join(".", p));

    public static readonly TokenListParser<TokenKind, Stmt> ImportStatement =
        from kw in Tok(TokenKind.Import)
        from names in (from name in DottedName
                       from asName in Tok(TokenKind.As).IgnoreThen(Tok(TokenKind.Name)).Select(t => t.ToStringValue()).Opt()
                       select new Alias(name, asName)).AtLeastOnceDelimitedBy(Tok(TokenKind.Comma))
        select (Stmt)new ImportStmt(names, Pos(kw).Line, Pos(kw).Col);

    private static readonly TokenListParser<TokenKind, Alias> ImportAlias =
        from name in Tok(TokenKind.Name)
        from asName in Tok(TokenKind.As).IgnoreThen(Tok(TokenKind.Name)).Select(t => t.ToStringValue()).Opt()
        select new Alias(name.ToStringValue(), asName);

    public static readonly TokenListParser<TokenKind, Stmt> FromImportStatement =
        from kw in Tok(TokenKind.From)
        from dots in Tok(TokenKind.Dot).Select(_ => 1).Or(Tok(TokenKind.Ellipsis).Select(_ => 3)).Many()
        from module in DottedName.Opt()
        from imp in Tok(TokenKind.Import)
        from names in Tok(TokenKind.Star).Select(_ => new List<Alias> { new("*", null) })
            .Or(Tok(TokenKind.LParen).IgnoreThen(CommaList(ImportAlias, k => k == TokenKind.RParen)).Then(r => Tok(TokenKind.RParen).Value(r.Items)))
            .Or(ImportAlias.AtLeastOnceDelimitedBy(Tok(TokenKind.Comma)).Select(a => a.ToList()))
        select (Stmt)new ImportFromStmt(module, names, dots.Sum(), Pos(kw).Line, Pos(kw).Col);

    // block: NEWLINE INDENT statements DEDENT | simple_stmts
    private static TokenListParser<TokenKind, IReadOnlyList<Stmt>> Block(string after, Token<TokenKind> header) =>
        input =>
        {
            var colon = input.ConsumeToken();
            if (!colon.HasValue || colon.Value.Kind != TokenKind.Colon)
                return TokenListParserResult.Empty<TokenKind, IReadOnlyList<Stmt>>(input, new[] { "':'" });
            var rest = colon.Remainder;
            var nl = rest.ConsumeToken();
            if (!nl.HasValue || nl.Value.Kind != TokenKind.Newline)
            {
                var simple = SimpleStatements(rest);
                if (!simple.HasValue) return TokenListParserResult.CastEmpty<TokenKind, List<Stmt>, IReadOnlyList<Stmt>>(simple);
                return TokenListParserResult.Value((IReadOnlyList<Stmt>)simple.Value, input, simple.Remainder);
            }
            var indent = nl.Remainder.ConsumeToken();
            if (!indent.HasValue || indent.Value.Kind != TokenKind.Indent)
            {
                var at = indent.HasValue ? indent.Value : nl.Value;
                throw new SyntaxErrorException($"expected an indented block after {after} on line {Pos(header).Line}",
                    Pos(at).Line, Pos(at).Col, "IndentationError");
            }
            var body = new List<Stmt>();
            rest = indent.Remainder;
            while (true)
            {
                var next = rest.ConsumeToken();
                if (next.HasValue && next.Value.Kind == TokenKind.Dedent)
                {
                    rest = next.Remainder;
                    break;
                }
                var stmt = Statement(rest);
                if (!stmt.HasValue) return TokenListParserResult.CastEmpty<TokenKind, List<Stmt>, IReadOnlyList<Stmt>>(stmt);
                body.AddRange(stmt.Value);
                rest = stmt.Remainder;
            }
            return TokenListParserResult.Value((IReadOnlyList<Stmt>)body, input, rest);
        };

    public static readonly TokenListParser<TokenKind, Stmt> CompoundStatement =
        Parse.Ref(() => FunctionDef!)
        .Or(Parse.Ref(() => IfStatement!))
        .Or(Parse.Ref(() => ClassDef!))
        .Or(Parse.Ref(() => Decorated!))
        .Or(Parse.Ref(() => WithStatement!))
        .Or(Parse.Ref(() => ForStatement!))
        .Or(Parse.Ref(() => TryStatement!))
        .Or(Parse.Ref(() => WhileStatement!))
        .Or(Parse.Ref(() => AsyncStatement!))
        .Or(Parse.Ref(() => MatchStatement!));

    // 'match' is a soft keyword; MiniPy refuses the statement by name.
    private static readonly TokenListParser<TokenKind, Stmt> MatchStatement =
        input =>
        {
            var t = input.ConsumeToken();
            if (t.HasValue && t.Value.Kind == TokenKind.Name && t.Value.ToStringValue() == "match")
            {
                var after = t.Remainder.ConsumeToken();
                if (after.HasValue && after.Value.Kind is TokenKind.Name or TokenKind.Number or TokenKind.String or TokenKind.LParen or TokenKind.LBracket or TokenKind.LBrace)
                {
                    // Only a match statement has a line ending in ':' after 'match <subject>'.
                    var rest = t.Remainder;
                    int depth = 0;
                    while (true)
                    {
                        var tok = rest.ConsumeToken();
                        if (!tok.HasValue || tok.Value.Kind == TokenKind.Newline) break;
                        if (tok.Value.Kind is TokenKind.LParen or TokenKind.LBracket or TokenKind.LBrace) depth++;
                        if (tok.Value.Kind is TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace) depth--;
                        if (tok.Value.Kind == TokenKind.Assign && depth == 0) break;
                        var next = tok.Remainder.ConsumeToken();
                        if (depth == 0 && tok.Value.Kind == TokenKind.Colon && next.HasValue && next.Value.Kind == TokenKind.Newline)
                            throw Error("match statements are not supported by MiniPy", t.Value);
                        rest = tok.Remainder;
                    }
                }
            }
            return TokenListParserResult.Empty<TokenKind, Stmt>(input);
        };

    public static readonly TokenListParser<TokenKind, Stmt> IfStatement =
        from kw in Tok(TokenKind.If)
        from test in NamedExpression
        from body in Block("'if' statement", kw)
        from orElse in Parse.Ref(() => ElifOrElse!)
        select (Stmt)new IfStmt(test, body, orElse, Pos(kw).Line, Pos(kw).Col);

    private static readonly TokenListParser<TokenKind, IReadOnlyList<Stmt>> ElifOrElse =
        (from kw in Tok(TokenKind.Elif)
         from test in NamedExpression
         from body in Block("'elif' statement", kw)
         from orElse in Parse.Ref(() => ElifOrElse!)
         select (IReadOnlyList<Stmt>)new List<Stmt> { new IfStmt(test, body, orElse, Pos(kw).Line, Pos(kw).Col) })
        .Or(ElseBlock)
        .OptionalOrDefault(Array.Empty<Stmt>());

    private static TokenListParser<TokenKind, IReadOnlyList<Stmt>> ElseBlock =>
        from kw in Tok(TokenKind.Else)
        from body in Block("'else' statement", kw)
        select body;

    public static readonly TokenListParser<TokenKind, Stmt> WhileStatement =
        from kw in Tok(TokenKind.While)
        from test in NamedExpression
        from body in Block("'while' statement", kw)
        from orElse in ElseBlock.OptionalOrDefault(Array.Empty<Stmt>())
        select (Stmt)new WhileStmt(test, body, orElse, Pos(kw).Line, Pos(kw).Col);

    private static TokenListParser<TokenKind, Stmt> ForStatementFrom(bool isAsync) =>
        from kw in Tok(TokenKind.For)
        from target in TargetList
        from _ in Tok(TokenKind.In)
        from iter in StarExpressions
        from body in Block("'for' statement", kw)
        from orElse in ElseBlock.OptionalOrDefault(Array.Empty<Stmt>())
        select (Stmt)new ForStmt(Targets.CheckTarget(target, "assign to"), iter, body, orElse, isAsync, Pos(kw).Line, Pos(kw).Col);

    public static readonly TokenListParser<TokenKind, Stmt> ForStatement = ForStatementFrom(false);

    private static readonly TokenListParser<TokenKind, WithItem> WithItemParser =
        from context in Expression
        from target in Tok(TokenKind.As).IgnoreThen(Parse.Ref(() => StarTarget!).Select(t => Targets.CheckTarget(t, "assign to"))).Opt()
        select new WithItem(context, target);

    // star_target: a single target (a parenthesised or bracketed list of targets is one atom)
    private static readonly TokenListParser<TokenKind, Expr> StarTarget =
        (from star in Tok(TokenKind.Star)
         from value in BitwiseOr
         select (Expr)new StarredExpr(value, Pos(star).Line, Pos(star).Col)).Or(BitwiseOr);

    private static TokenListParser<TokenKind, Stmt> WithStatementFrom(bool isAsync) =>
        from kw in Tok(TokenKind.With)
        from items in (from open in Tok(TokenKind.LParen)
                       from items in CommaList(WithItemParser, k => k == TokenKind.RParen)
                       from close in Tok(TokenKind.RParen)
                       from colon in PeekIs(TokenKind.Colon)
                       select items.Items).Try()
            .Or(WithItemParser.AtLeastOnceDelimitedBy(Tok(TokenKind.Comma)).Select(a => a.ToList()))
        from body in Block("'with' statement", kw)
        select (Stmt)new WithStmt(items, body, isAsync, Pos(kw).Line, Pos(kw).Col);

    public static readonly TokenListParser<TokenKind, Stmt> WithStatement = WithStatementFrom(false);

    private static readonly TokenListParser<TokenKind, ExceptHandler> ExceptClause =
        from kw in Tok(TokenKind.Except)
        from star in Tok(TokenKind.Star).Optional()
        from type in Expression.Then(first =>
                Tok(TokenKind.Comma).IgnoreThen(CommaList(Expression, k => k == TokenKind.Colon || k == TokenKind.As))
                    .Select(r => (Expr)new TupleExpr(Prepend(first, r.Items), first.Line, first.Col))
                    .OptionalOrDefault(first))
            .Opt()
        from name in Tok(TokenKind.As).IgnoreThen(Tok(TokenKind.Name)).Select(t => t.ToStringValue()).Opt()
        from body in Block("'except' statement", kw)
        select star is not null ? throw Error("except* is not supported by MiniPy", star.Value)
            : new ExceptHandler(type, name, body, Pos(kw).Line, Pos(kw).Col);

    public static readonly TokenListParser<TokenKind, Stmt> TryStatement =
        from kw in Tok(TokenKind.Try)
        from body in Block("'try' statement", kw)
        from handlers in ExceptClause.Many()
        from orElse in ElseBlock.OptionalOrDefault(Array.Empty<Stmt>())
        from final in (from fk in Tok(TokenKind.Finally) from fb in Block("'finally' statement", fk) select fb).OptionalOrDefault(Array.Empty<Stmt>())
        select CheckTry(kw, body, handlers, orElse, final);

    private static Stmt CheckTry(Token<TokenKind> kw, IReadOnlyList<Stmt> body, ExceptHandler[] handlers, IReadOnlyList<Stmt> orElse, IReadOnlyList<Stmt> final)
    {
        if (handlers.Length == 0 && final.Count == 0)
            throw new SyntaxErrorException("expected 'except' or 'finally' block", Pos(kw).Line, Pos(kw).Col);
        for (int i = 0; i < handlers.Length - 1; i++)
            if (handlers[i].Type is null)
                throw new SyntaxErrorException("default 'except:' must be last", handlers[i].Line, handlers[i].Col);
        return new TryStmt(body, handlers, orElse, final, Pos(kw).Line, Pos(kw).Col);
    }

    // Parameters of def (with annotations) and lambda (without).
    private sealed record ParamItem(char Kind, Parameter? Param, Token<TokenKind> At); // Kind: 'p' plain, '/' , '*', 'k' (**)

    private static TokenListParser<TokenKind, ParamItem> ParamItemParser(bool annotations)
    {
        var annotation = annotations
            ? Tok(TokenKind.Colon).IgnoreThen(Parse.Ref(() => Expression!)).Opt()
            : Parse.Return<TokenKind, Expr?>(null);
        var plain =
            from name in Tok(TokenKind.Name)
            from ann in annotation
            from dflt in Tok(TokenKind.Assign).IgnoreThen(Parse.Ref(() => Expression!)).Opt()
            select new ParamItem('p', new Parameter(name.ToStringValue(), ann, dflt, Pos(name).Line, Pos(name).Col), name);
        return Tok(TokenKind.Slash).Select(t => new ParamItem('/', null, t))
            .Or(from stars in Tok(TokenKind.DoubleStar)
                from name in Tok(TokenKind.Name)
                from ann in annotation
                select new ParamItem('k', new Parameter(name.ToStringValue(), ann, null, Pos(name).Line, Pos(name).Col), stars))
            .Or(from star in Tok(TokenKind.Star)
                from p in (from name in Tok(TokenKind.Name)
                           from ann in annotation
                           select new Parameter(name.ToStringValue(), ann, null, Pos(name).Line, Pos(name).Col)).Opt()
                select new ParamItem('*', p, star))
            .Or(plain);
    }

    private static Arguments BuildArguments(List<ParamItem> items)
    {
        var posOnly = new List<Parameter>();
        var args = new List<Parameter>();
        var kwOnly = new List<Parameter>();
        Parameter? varArg = null, kwArg = null;
        bool seenStar = false, seenDefault = false;
        var names = new HashSet<string>();
        foreach (var item in items)
        {
            if (kwArg is not null) throw Error("arguments cannot follow var-keyword argument", item.At);
            if (item.Param is not null && !names.Add(item.Param.Name))
                throw Error($"duplicate argument '{item.Param.Name}' in function definition", item.At);
            switch (item.Kind)
            {
                case '/':
                    if (seenStar || posOnly.Count > 0 || args.Count == 0) throw Error("invalid syntax", item.At);
                    posOnly.AddRange(args);
                    args.Clear();
                    break;
                case '*':
                    if (seenStar) throw Error("* argument may appear only once", item.At);
                    seenStar = true;
                    varArg = item.Param;
                    break;
                case 'k':
                    kwArg = item.Param;
                    break;
                default:
                    if (seenStar) kwOnly.Add(item.Param!);
                    else
                    {
                        if (item.Param!.Default is not null) seenDefault = true;
                        else if (seenDefault) throw Error("parameter without a default follows parameter with a default", item.At);
                        args.Add(item.Param);
                    }
                    break;
            }
        }
        if (seenStar && varArg is null && kwOnly.Count == 0)
            throw new SyntaxErrorException("named arguments must follow bare *", items[^1].At.Span.Position.Line, items[^1].At.Span.Position.Column);
        return new Arguments(posOnly, args, varArg, kwOnly, kwArg);
    }

    private static readonly TokenListParser<TokenKind, Arguments> Parameters =
        CommaList(ParamItemParser(true), k => k == TokenKind.RParen).Select(r => BuildArguments(r.Items));

    public static readonly TokenListParser<TokenKind, Arguments> LambdaParameters =
        CommaList(ParamItemParser(false), k => k == TokenKind.Colon).Select(r => BuildArguments(r.Items));

    private static TokenListParser<TokenKind, Stmt> FunctionDefFrom(bool isAsync, IReadOnlyList<Expr> decorators) =>
        from kw in Tok(TokenKind.Def)
        from name in Tok(TokenKind.Name)
        from open in Tok(TokenKind.LParen)
        from args in Parameters
        from close in Tok(TokenKind.RParen)
        from returns in Tok(TokenKind.Arrow).IgnoreThen(Expression).Opt()
        from body in Block("function definition", kw)
        select (Stmt)new FunctionDefStmt(name.ToStringValue(), args, body, decorators, returns, isAsync, Pos(kw).Line, Pos(kw).Col);

    public static readonly TokenListParser<TokenKind, Stmt> FunctionDef = FunctionDefFrom(false, Array.Empty<Expr>());

    private static TokenListParser<TokenKind, Stmt> ClassDefFrom(IReadOnlyList<Expr> decorators) =>
        from kw in Tok(TokenKind.Class)
        from name in Tok(TokenKind.Name)
        from args in Tok(TokenKind.LParen).IgnoreThen(CallArguments).Then(a => Tok(TokenKind.RParen).Value(a))
            .OptionalOrDefault(new ArgumentList(new List<Expr>(), new List<Keyword>()))
        from body in Block("class definition", kw)
        select (Stmt)new ClassDefStmt(name.ToStringValue(), args.Args, args.Keywords, body, decorators, Pos(kw).Line, Pos(kw).Col);

    public static readonly TokenListParser<TokenKind, Stmt> ClassDef = ClassDefFrom(Array.Empty<Expr>());

    // decorators: ('@' named_expression NEWLINE)+ (class_def | function_def)
    public static readonly TokenListParser<TokenKind, Stmt> Decorated =
        from decorators in (from at in Tok(TokenKind.At) from e in NamedExpression from nl in Tok(TokenKind.Newline) select e).AtLeastOnce()
        from def in FunctionDefFrom(false, decorators)
            .Or(ClassDefFrom(decorators))
            .Or(Tok(TokenKind.Async).IgnoreThen(FunctionDefFrom(true, decorators)))
        select def;

    public static readonly TokenListParser<TokenKind, Stmt> AsyncStatement =
        from kw in Tok(TokenKind.Async)
        from stmt in FunctionDefFrom(true, Array.Empty<Expr>()).Or(ForStatementFrom(true)).Or(WithStatementFrom(true))
        select stmt;

    private static List<Stmt> Prepend(Stmt first, List<Stmt> rest)
    {
        rest.Insert(0, first);
        return rest;
    }
}
