using System.Collections.Generic;

namespace MiniPy.Syntax;

/// <summary>A statement node, with the 1-based line and column where it starts.</summary>
internal abstract record Stmt(int Line, int Col);

internal sealed record FunctionDefStmt(string Name, Arguments Args, IReadOnlyList<Stmt> Body, IReadOnlyList<Expr> Decorators, Expr? Returns, bool IsAsync, int Line, int Col) : Stmt(Line, Col);

internal sealed record ClassDefStmt(string Name, IReadOnlyList<Expr> Bases, IReadOnlyList<Keyword> Keywords, IReadOnlyList<Stmt> Body, IReadOnlyList<Expr> Decorators, int Line, int Col) : Stmt(Line, Col);

internal sealed record ReturnStmt(Expr? Value, int Line, int Col) : Stmt(Line, Col);

internal sealed record DeleteStmt(IReadOnlyList<Expr> Targets, int Line, int Col) : Stmt(Line, Col);

internal sealed record AssignStmt(IReadOnlyList<Expr> Targets, Expr Value, int Line, int Col) : Stmt(Line, Col);

internal sealed record AugAssignStmt(Expr Target, BinaryOperator Op, Expr Value, int Line, int Col) : Stmt(Line, Col);

internal sealed record AnnAssignStmt(Expr Target, Expr Annotation, Expr? Value, int Line, int Col) : Stmt(Line, Col);

internal sealed record ForStmt(Expr Target, Expr Iter, IReadOnlyList<Stmt> Body, IReadOnlyList<Stmt> OrElse, bool IsAsync, int Line, int Col) : Stmt(Line, Col);

internal sealed record WhileStmt(Expr Test, IReadOnlyList<Stmt> Body, IReadOnlyList<Stmt> OrElse, int Line, int Col) : Stmt(Line, Col);

internal sealed record IfStmt(Expr Test, IReadOnlyList<Stmt> Body, IReadOnlyList<Stmt> OrElse, int Line, int Col) : Stmt(Line, Col);

internal sealed record WithItem(Expr Context, Expr? Target);

internal sealed record WithStmt(IReadOnlyList<WithItem> Items, IReadOnlyList<Stmt> Body, bool IsAsync, int Line, int Col) : Stmt(Line, Col);

internal sealed record RaiseStmt(Expr? Exc, Expr? Cause, int Line, int Col) : Stmt(Line, Col);

internal sealed record ExceptHandler(Expr? Type, string? Name, IReadOnlyList<Stmt> Body, int Line, int Col);

internal sealed record TryStmt(IReadOnlyList<Stmt> Body, IReadOnlyList<ExceptHandler> Handlers, IReadOnlyList<Stmt> OrElse, IReadOnlyList<Stmt> FinalBody, int Line, int Col) : Stmt(Line, Col);

internal sealed record AssertStmt(Expr Test, Expr? Msg, int Line, int Col) : Stmt(Line, Col);

internal sealed record Alias(string Name, string? AsName);

internal sealed record ImportStmt(IReadOnlyList<Alias> Names, int Line, int Col) : Stmt(Line, Col);

internal sealed record ImportFromStmt(string? Module, IReadOnlyList<Alias> Names, int Level, int Line, int Col) : Stmt(Line, Col);

internal sealed record GlobalStmt(IReadOnlyList<string> Names, int Line, int Col) : Stmt(Line, Col);

internal sealed record NonlocalStmt(IReadOnlyList<string> Names, int Line, int Col) : Stmt(Line, Col);

internal sealed record ExprStmt(Expr Value, int Line, int Col) : Stmt(Line, Col);

internal sealed record PassStmt(int Line, int Col) : Stmt(Line, Col);

internal sealed record BreakStmt(int Line, int Col) : Stmt(Line, Col);

internal sealed record ContinueStmt(int Line, int Col) : Stmt(Line, Col);

internal sealed record ModuleNode(IReadOnlyList<Stmt> Body);
