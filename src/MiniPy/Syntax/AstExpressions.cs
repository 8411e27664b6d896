using System.Collections.Generic;
using System.Numerics;

namespace MiniPy.Syntax;

/// <summary>An expression node; every node carries the 1-based line and column where it starts.</summary>
internal abstract record Expr(int Line, int Col);

internal sealed record NameExpr(string Id, int Line, int Col) : Expr(Line, Col);

/// <summary>A literal. <see cref="Value"/> holds a long or BigInteger (Int), double (Float), string (Str),
/// byte[] (Bytes), or nothing for None/True/False/Ellipsis.</summary>
internal sealed record ConstantExpr(ConstantKind Kind, object? Value, int Line, int Col) : Expr(Line, Col)
{
    /// <summary>Made by folding a sign into a number literal (<c>-5</c>): a second sign is not folded again, so
    /// that the tree keeps the nesting the nesting limits measure.</summary>
    public bool Folded { get; init; }
}

internal sealed record JoinedStrExpr(IReadOnlyList<Expr> Values, int Line, int Col) : Expr(Line, Col);

/// <summary>A replacement field of an f-string: the value, its conversion ('r', 's', 'a' or '\0') and spec.</summary>
internal sealed record FormattedValueExpr(Expr Value, char Conversion, Expr? FormatSpec, int Line, int Col) : Expr(Line, Col);

internal sealed record BinOpExpr(Expr Left, BinaryOperator Op, Expr Right, int Line, int Col) : Expr(Line, Col);

internal sealed record UnaryOpExpr(UnaryOperator Op, Expr Operand, int Line, int Col) : Expr(Line, Col);

internal sealed record BoolOpExpr(BoolOperator Op, IReadOnlyList<Expr> Values, int Line, int Col) : Expr(Line, Col);

internal sealed record CompareExpr(Expr Left, IReadOnlyList<CompareOperator> Ops, IReadOnlyList<Expr> Comparators, int Line, int Col) : Expr(Line, Col);

/// <summary>A keyword argument; a null <see cref="Name"/> means <c>**value</c>.</summary>
internal sealed record Keyword(string? Name, Expr Value);

internal sealed record CallExpr(Expr Func, IReadOnlyList<Expr> Args, IReadOnlyList<Keyword> Keywords, int Line, int Col) : Expr(Line, Col);

internal sealed record AttributeExpr(Expr Value, string Attr, int Line, int Col) : Expr(Line, Col);

internal sealed record SubscriptExpr(Expr Value, Expr Index, int Line, int Col) : Expr(Line, Col);

internal sealed record SliceExpr(Expr? Lower, Expr? Upper, Expr? Step, int Line, int Col) : Expr(Line, Col);

internal sealed record StarredExpr(Expr Value, int Line, int Col) : Expr(Line, Col);

internal sealed record ListExpr(IReadOnlyList<Expr> Elts, int Line, int Col) : Expr(Line, Col);

internal sealed record TupleExpr(IReadOnlyList<Expr> Elts, int Line, int Col) : Expr(Line, Col);

internal sealed record SetExpr(IReadOnlyList<Expr> Elts, int Line, int Col) : Expr(Line, Col);

/// <summary>A dict display; a null key means <c>**value</c>.</summary>
internal sealed record DictExpr(IReadOnlyList<Expr?> Keys, IReadOnlyList<Expr> Values, int Line, int Col) : Expr(Line, Col);

internal sealed record Comprehension(Expr Target, Expr Iter, IReadOnlyList<Expr> Ifs, bool IsAsync);

internal enum ComprehensionKind { List, Set, Generator, Dict }

/// <summary>A comprehension; <see cref="Bare"/> marks a generator expression written as a call's argument without parentheses.</summary>
internal sealed record ComprehensionExpr(ComprehensionKind Kind, Expr Element, Expr? Value, IReadOnlyList<Comprehension> Generators, int Line, int Col, bool Bare = false) : Expr(Line, Col);

internal sealed record IfExpr(Expr Test, Expr Body, Expr OrElse, int Line, int Col) : Expr(Line, Col);

internal sealed record LambdaExpr(Arguments Args, Expr Body, int Line, int Col) : Expr(Line, Col);

internal sealed record NamedExpr(NameExpr Target, Expr Value, int Line, int Col) : Expr(Line, Col);

internal sealed record YieldExpr(Expr? Value, int Line, int Col) : Expr(Line, Col);

internal sealed record YieldFromExpr(Expr Value, int Line, int Col) : Expr(Line, Col);

internal sealed record AwaitExpr(Expr Value, int Line, int Col) : Expr(Line, Col);

/// <summary>One parameter; default value (for positional) or kw default is kept in <see cref="Default"/>.</summary>
internal sealed record Parameter(string Name, Expr? Annotation, Expr? Default, int Line, int Col);

internal sealed record Arguments(
    IReadOnlyList<Parameter> PosOnly,
    IReadOnlyList<Parameter> Args,
    Parameter? VarArg,
    IReadOnlyList<Parameter> KwOnly,
    Parameter? KwArg)
{
    public static readonly Arguments Empty = new(new List<Parameter>(), new List<Parameter>(), null, new List<Parameter>(), null);
}
