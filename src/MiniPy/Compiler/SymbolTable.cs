using System.Collections.Generic;
using MiniPy.Syntax;

namespace MiniPy.Compiler;

internal enum ScopeKind { Module, Class, Function, Lambda, Comprehension }

/// <summary>How a name is reached from the code of one scope.</summary>
internal enum NameKind { Local, Cell, Free, GlobalExplicit, GlobalImplicit, NameScope }

/// <summary>One scope: its bindings, uses and declarations, and after resolution how each name is reached.</summary>
internal sealed class Scope
{
    public readonly ScopeKind Kind;
    public readonly string Name;
    public readonly Scope? Parent;
    public readonly List<Scope> Children = new();
    public readonly List<string> Params = new();
    public readonly List<string> Order = new();
    public readonly HashSet<string> Assigned = new();
    public readonly HashSet<string> Used = new();
    public readonly HashSet<string> Globals = new();
    public readonly HashSet<string> Nonlocals = new();
    public readonly Dictionary<string, NameKind> Resolved = new();
    public readonly List<string> CellOrder = new();
    public readonly List<string> FreeOrder = new();
    public bool IsGenerator;
    /// <summary>An <c>async def</c>: a coroutine function, or an asynchronous generator if it also yields.</summary>
    public bool IsCoroutine;
    public bool UsesClassCell;
    public bool NeedsClassCell;

    public Scope(ScopeKind kind, string name, Scope? parent)
    {
        Kind = kind;
        Name = name;
        Parent = parent;
        parent?.Children.Add(this);
    }

    public bool IsFunctionLike => Kind is ScopeKind.Function or ScopeKind.Lambda or ScopeKind.Comprehension;

    public void Note(string name)
    {
        if (!Order.Contains(name)) Order.Add(name);
    }

    public void AddCell(string name)
    {
        Resolved[name] = NameKind.Cell;
        if (!CellOrder.Contains(name)) CellOrder.Add(name);
    }

    public void AddFree(string name)
    {
        if (!Resolved.TryGetValue(name, out var k) || k != NameKind.Cell) Resolved[name] = NameKind.Free;
        if (!FreeOrder.Contains(name)) FreeOrder.Add(name);
    }

    public NameKind Lookup(string name) =>
        Resolved.TryGetValue(name, out var k) ? k
        : Kind is ScopeKind.Module or ScopeKind.Class ? NameKind.NameScope : NameKind.GlobalImplicit;
}

/// <summary>
/// Scope analysis: a first pass records bindings and uses per scope; a second decides for each name
/// whether it is a fast local, a cell, a free variable, a global, or lives in a namespace dict.
/// </summary>
internal sealed class SymbolTable
{
    public readonly Dictionary<object, Scope> Scopes = new(ReferenceEqualityComparer.Instance);
    public Scope Root = null!;

    public static SymbolTable Build(IReadOnlyList<Stmt> body)
    {
        var table = new SymbolTable();
        table.Root = new Scope(ScopeKind.Module, "<module>", null);
        var builder = new Builder(table);
        foreach (var s in body) builder.Statement(table.Root, s);
        Resolve(table.Root);
        return table;
    }

    public static SymbolTable BuildExpression(Expr e)
    {
        var table = new SymbolTable();
        table.Root = new Scope(ScopeKind.Module, "<module>", null);
        new Builder(table).Expression(table.Root, e);
        Resolve(table.Root);
        return table;
    }

    private static void Resolve(Scope scope)
    {
        // Own bindings first.
        foreach (var name in scope.Order)
        {
            if (scope.Globals.Contains(name)) scope.Resolved[name] = NameKind.GlobalExplicit;
            else if (scope.Nonlocals.Contains(name)) { }
            else if (scope.IsFunctionLike && scope.Assigned.Contains(name)) scope.Resolved[name] = NameKind.Local;
        }
        foreach (var child in scope.Children) Resolve(child);
        // Then free references (children have marked what they need from us by now).
        foreach (var name in scope.Order)
        {
            if (scope.Resolved.ContainsKey(name) && scope.Resolved[name] != NameKind.Free) continue;
            bool isNonlocal = scope.Nonlocals.Contains(name);
            if (!isNonlocal && scope.Kind != ScopeKind.Class && scope.Assigned.Contains(name)) continue;
            if (!isNonlocal && scope.Kind is ScopeKind.Module) continue;
            if (!isNonlocal && scope.Kind == ScopeKind.Class && scope.Assigned.Contains(name)) continue;
            if (FindEnclosing(scope, name, isNonlocal)) scope.AddFree(name);
            else if (isNonlocal)
                throw new SyntaxErrorException($"no binding for nonlocal '{name}' found", 1, 1);
        }
        if (scope.NeedsClassCell && scope.Kind == ScopeKind.Class) scope.AddCell("__class__");
    }

    /// <summary>Finds a binding of <paramref name="name"/> in an enclosing function; marks it a cell and
    /// every scope in between a free (pass-through) reference.</summary>
    private static bool FindEnclosing(Scope scope, string name, bool nonlocal)
    {
        var path = new List<Scope>();
        for (var p = scope.Parent; p is not null; p = p.Parent)
        {
            if (p.Kind == ScopeKind.Module) return false;
            if (p.Kind == ScopeKind.Class)
            {
                if (name == "__class__") { p.NeedsClassCell = true; foreach (var q in path) q.AddFree(name); return true; }
                path.Add(p); // a class body passes the cell on to its methods
                continue;
            }
            if (p.Globals.Contains(name)) return false;
            bool binds = p.Assigned.Contains(name) && !p.Nonlocals.Contains(name) || p.Resolved.TryGetValue(name, out var k) && k == NameKind.Cell;
            if (binds)
            {
                p.AddCell(name);
                foreach (var q in path) q.AddFree(name);
                return true;
            }
            if (p.Nonlocals.Contains(name) || p.Resolved.TryGetValue(name, out var k2) && k2 == NameKind.Free)
            {
                foreach (var q in path) q.AddFree(name);
                p.AddFree(name);
                return FindEnclosing(p, name, true) || true;
            }
            path.Add(p);
        }
        return false;
    }

    private sealed class Builder
    {
        private readonly SymbolTable _table;

        public Builder(SymbolTable table) { _table = table; }

        private static void Bind(Scope s, string name)
        {
            s.Assigned.Add(name);
            s.Note(name);
        }

        private static void Use(Scope s, string name)
        {
            s.Used.Add(name);
            s.Note(name);
        }

        public void Statements(Scope s, IReadOnlyList<Stmt> body)
        {
            foreach (var st in body) Statement(s, st);
        }

        private Scope NewFunction(Scope parent, object node, ScopeKind kind, string name, Arguments args)
        {
            var scope = new Scope(kind, name, parent);
            _table.Scopes[node] = scope;
            foreach (var p in args.PosOnly) { scope.Params.Add(p.Name); Bind(scope, p.Name); }
            foreach (var p in args.Args) { scope.Params.Add(p.Name); Bind(scope, p.Name); }
            foreach (var p in args.KwOnly) { scope.Params.Add(p.Name); Bind(scope, p.Name); }
            if (args.VarArg is not null) { scope.Params.Add(args.VarArg.Name); Bind(scope, args.VarArg.Name); }
            if (args.KwArg is not null) { scope.Params.Add(args.KwArg.Name); Bind(scope, args.KwArg.Name); }
            return scope;
        }

        private void Defaults(Scope s, Arguments args)
        {
            foreach (var p in args.PosOnly) { if (p.Default is not null) Expression(s, p.Default); if (p.Annotation is not null) Expression(s, p.Annotation); }
            foreach (var p in args.Args) { if (p.Default is not null) Expression(s, p.Default); if (p.Annotation is not null) Expression(s, p.Annotation); }
            foreach (var p in args.KwOnly) { if (p.Default is not null) Expression(s, p.Default); if (p.Annotation is not null) Expression(s, p.Annotation); }
        }

        public void Statement(Scope s, Stmt st)
        {
            switch (st)
            {
                case FunctionDefStmt f:
                    foreach (var d in f.Decorators) Expression(s, d);
                    Defaults(s, f.Args);
                    if (f.Returns is not null) Expression(s, f.Returns);
                    Bind(s, f.Name);
                    var fs = NewFunction(s, f, ScopeKind.Function, f.Name, f.Args);
                    fs.IsCoroutine = f.IsAsync;
                    Statements(fs, f.Body);
                    break;
                case ClassDefStmt c:
                    foreach (var d in c.Decorators) Expression(s, d);
                    foreach (var b in c.Bases) Expression(s, b);
                    foreach (var k in c.Keywords) Expression(s, k.Value);
                    Bind(s, c.Name);
                    var cs = new Scope(ScopeKind.Class, c.Name, s);
                    _table.Scopes[c] = cs;
                    Statements(cs, c.Body);
                    break;
                case ReturnStmt r:
                    if (s.Kind is ScopeKind.Module or ScopeKind.Class) throw new SyntaxErrorException("'return' outside function", r.Line, r.Col);
                    if (r.Value is not null) Expression(s, r.Value);
                    break;
                case DeleteStmt d:
                    foreach (var t in d.Targets) Target(s, t);
                    break;
                case AssignStmt a:
                    Expression(s, a.Value);
                    foreach (var t in a.Targets) Target(s, t);
                    break;
                case AugAssignStmt a:
                    Expression(s, a.Value);
                    if (a.Target is NameExpr n) { Use(s, n.Id); Bind(s, n.Id); }
                    else Expression(s, a.Target);
                    break;
                case AnnAssignStmt a:
                    if (a.Value is not null) Expression(s, a.Value);
                    if (a.Target is NameExpr an) Bind(s, an.Id); else Expression(s, a.Target);
                    break;
                case ForStmt f:
                    if (f.IsAsync) RequireAsync(s, "'async for'", f.Line, f.Col);
                    Expression(s, f.Iter);
                    Target(s, f.Target);
                    Statements(s, f.Body);
                    Statements(s, f.OrElse);
                    break;
                case WhileStmt w:
                    Expression(s, w.Test);
                    Statements(s, w.Body);
                    Statements(s, w.OrElse);
                    break;
                case IfStmt i:
                    Expression(s, i.Test);
                    Statements(s, i.Body);
                    Statements(s, i.OrElse);
                    break;
                case WithStmt w:
                    if (w.IsAsync) RequireAsync(s, "'async with'", w.Line, w.Col);
                    foreach (var item in w.Items)
                    {
                        Expression(s, item.Context);
                        if (item.Target is not null) Target(s, item.Target);
                    }
                    Statements(s, w.Body);
                    break;
                case RaiseStmt r:
                    if (r.Exc is not null) Expression(s, r.Exc);
                    if (r.Cause is not null) Expression(s, r.Cause);
                    break;
                case TryStmt t:
                    Statements(s, t.Body);
                    foreach (var h in t.Handlers)
                    {
                        if (h.Type is not null) Expression(s, h.Type);
                        if (h.Name is not null) Bind(s, h.Name);
                        Statements(s, h.Body);
                    }
                    Statements(s, t.OrElse);
                    Statements(s, t.FinalBody);
                    break;
                case AssertStmt a:
                    Expression(s, a.Test);
                    if (a.Msg is not null) Expression(s, a.Msg);
                    break;
                case ImportStmt imp:
                    foreach (var alias in imp.Names) Bind(s, alias.AsName ?? alias.Name.Split('.')[0]);
                    break;
                case ImportFromStmt imp:
                    foreach (var alias in imp.Names)
                    {
                        if (alias.Name == "*")
                        {
                            if (s.Kind != ScopeKind.Module) throw new SyntaxErrorException("import * only allowed at module level", imp.Line, imp.Col);
                            continue;
                        }
                        Bind(s, alias.AsName ?? alias.Name);
                    }
                    break;
                case GlobalStmt g:
                    foreach (var nm in g.Names)
                    {
                        if (s.Assigned.Contains(nm) || s.Used.Contains(nm))
                            throw new SyntaxErrorException($"name '{nm}' is {(s.Params.Contains(nm) ? "parameter" : s.Assigned.Contains(nm) ? "assigned to" : "used")} prior to global declaration", g.Line, g.Col);
                        s.Globals.Add(nm);
                        s.Note(nm);
                    }
                    break;
                case NonlocalStmt nl:
                    if (s.Kind == ScopeKind.Module) throw new SyntaxErrorException("nonlocal declaration not allowed at module level", nl.Line, nl.Col);
                    foreach (var nm in nl.Names)
                    {
                        if (s.Params.Contains(nm)) throw new SyntaxErrorException($"name '{nm}' is parameter and nonlocal", nl.Line, nl.Col);
                        s.Nonlocals.Add(nm);
                        s.Note(nm);
                    }
                    break;
                case ExprStmt e:
                    Expression(s, e.Value);
                    break;
            }
        }

        private void Target(Scope s, Expr t)
        {
            switch (t)
            {
                case NameExpr n: Bind(s, n.Id); break;
                case TupleExpr tu: foreach (var e in tu.Elts) Target(s, e); break;
                case ListExpr l: foreach (var e in l.Elts) Target(s, e); break;
                case StarredExpr st: Target(s, st.Value); break;
                default: Expression(s, t); break;
            }
        }

        /// <summary>CPython 3.13's parser gives up (MemoryError) when right-nested constructs go deeper than
        /// its stack of 6,000 rule levels: unary operators, <c>not</c>, <c>await</c> and conditional
        /// expressions take one level each, lambdas and powers two, so 5,968 unary minus signs parse and
        /// 5,969 do not.</summary>
        public const int MaxParserLevel = 5968;

        /// <summary>CPython 3.13's compiler recurses over the tree and stops (RecursionError) beyond its C
        /// recursion limit: a chain of 9,996 binary operators, attributes or subscripts compiles, 9,997 do not.</summary>
        public const int MaxExpressionDepth = 9997;

        private int _expressionDepth, _parserLevel;

        /// <summary>Walks one expression, refusing the nesting that CPython refuses (the same programs fail, with
        /// the same exceptions, and nothing deeper reaches the code generator).</summary>
        public void Expression(Scope s, Expr e)
        {
            int weight = e switch
            {
                UnaryOpExpr or AwaitExpr or IfExpr => 1,
                LambdaExpr or BinOpExpr { Op: BinaryOperator.Pow } => 2,
                _ => 0,
            };
            _parserLevel += weight;
            if (_parserLevel > MaxParserLevel)
                throw new SyntaxErrorException("Parser stack overflowed - Python source too complex to parse", e.Line, e.Col, "MemoryError");
            if (++_expressionDepth > MaxExpressionDepth || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
                throw new SyntaxErrorException("maximum recursion depth exceeded during compilation", e.Line, e.Col, "RecursionError");
            try { ExpressionNode(s, e); }
            finally
            {
                _expressionDepth--;
                _parserLevel -= weight;
            }
        }

        private void ExpressionNode(Scope s, Expr e)
        {
            switch (e)
            {
                case NameExpr n:
                    Use(s, n.Id);
                    if (n.Id == "super" && s.IsFunctionLike) MarkClassCell(s);
                    if (n.Id == "__class__" && s.IsFunctionLike) MarkClassCell(s);
                    break;
                case ConstantExpr: break;
                case JoinedStrExpr j: foreach (var v in j.Values) Expression(s, v); break;
                case FormattedValueExpr f:
                    Expression(s, f.Value);
                    if (f.FormatSpec is not null) Expression(s, f.FormatSpec);
                    break;
                case BinOpExpr b: Expression(s, b.Left); Expression(s, b.Right); break;
                case UnaryOpExpr u: Expression(s, u.Operand); break;
                case BoolOpExpr b: foreach (var v in b.Values) Expression(s, v); break;
                case CompareExpr c:
                    Expression(s, c.Left);
                    foreach (var v in c.Comparators) Expression(s, v);
                    break;
                case CallExpr c:
                    Expression(s, c.Func);
                    foreach (var a in c.Args) Expression(s, a);
                    foreach (var k in c.Keywords) Expression(s, k.Value);
                    break;
                case AttributeExpr a: Expression(s, a.Value); break;
                case SubscriptExpr sub: Expression(s, sub.Value); Expression(s, sub.Index); break;
                case SliceExpr sl:
                    if (sl.Lower is not null) Expression(s, sl.Lower);
                    if (sl.Upper is not null) Expression(s, sl.Upper);
                    if (sl.Step is not null) Expression(s, sl.Step);
                    break;
                case StarredExpr st: Expression(s, st.Value); break;
                case ListExpr l: foreach (var v in l.Elts) Expression(s, v); break;
                case TupleExpr t: foreach (var v in t.Elts) Expression(s, v); break;
                case SetExpr se: foreach (var v in se.Elts) Expression(s, v); break;
                case DictExpr d:
                    foreach (var k in d.Keys) if (k is not null) Expression(s, k);
                    foreach (var v in d.Values) Expression(s, v);
                    break;
                case ComprehensionExpr c:
                    Expression(s, c.Generators[0].Iter);
                    var name = c.Kind switch { ComprehensionKind.List => "<listcomp>", ComprehensionKind.Set => "<setcomp>", ComprehensionKind.Dict => "<dictcomp>", _ => "<genexpr>" };
                    var cs = new Scope(ScopeKind.Comprehension, name, s);
                    _table.Scopes[c] = cs;
                    cs.Params.Add(".0");
                    Bind(cs, ".0");
                    if (c.Kind == ComprehensionKind.Generator) cs.IsGenerator = true;
                    // In an async function a list, set or dict comprehension is itself a coroutine (it may
                    // await and use async for); it is awaited where it stands.
                    else if (s.IsCoroutine) cs.IsCoroutine = true;
                    for (int i = 0; i < c.Generators.Count; i++)
                    {
                        var g = c.Generators[i];
                        if (g.IsAsync && !cs.IsCoroutine)
                            throw new SyntaxErrorException(s.IsCoroutine ? "asynchronous generator expressions are not supported by MiniPy"
                                : "asynchronous comprehension outside of an asynchronous function", e.Line, e.Col);
                        if (i > 0) Expression(cs, g.Iter);
                        Target(cs, g.Target);
                        foreach (var cond in g.Ifs) Expression(cs, cond);
                    }
                    Expression(cs, c.Element);
                    if (c.Value is not null) Expression(cs, c.Value);
                    break;
                case IfExpr i: Expression(s, i.Test); Expression(s, i.Body); Expression(s, i.OrElse); break;
                case LambdaExpr l:
                    Defaults(s, l.Args);
                    var ls = NewFunction(s, l, ScopeKind.Lambda, "<lambda>", l.Args);
                    Expression(ls, l.Body);
                    break;
                case NamedExpr ne:
                    Expression(s, ne.Value);
                    // In a comprehension the target binds in the enclosing function (PEP 572).
                    var target = s;
                    while (target.Kind == ScopeKind.Comprehension) target = target.Parent!;
                    if (target.Kind == ScopeKind.Class) throw new SyntaxErrorException("assignment expression within a comprehension cannot be used in a class body", ne.Line, ne.Col);
                    Bind(target, ne.Target.Id);
                    if (!ReferenceEquals(target, s))
                    {
                        if (target.Kind == ScopeKind.Module) { for (var q = s; q != target; q = q.Parent!) { q.Globals.Add(ne.Target.Id); q.Note(ne.Target.Id); } }
                        else for (var q = s; q != target; q = q.Parent!) { q.Nonlocals.Add(ne.Target.Id); q.Note(ne.Target.Id); }
                    }
                    break;
                case YieldExpr y:
                    MarkGenerator(s, e);
                    if (y.Value is not null) Expression(s, y.Value);
                    break;
                case YieldFromExpr y:
                    MarkGenerator(s, e);
                    Expression(s, y.Value);
                    break;
                case AwaitExpr a:
                    if (s.Kind == ScopeKind.Comprehension && s.IsGenerator && s.Parent is { IsCoroutine: true })
                        throw new SyntaxErrorException("asynchronous generator expressions are not supported by MiniPy", a.Line, a.Col);
                    if (!s.IsCoroutine)
                        throw new SyntaxErrorException(s.IsFunctionLike ? "'await' outside async function" : "'await' outside function", a.Line, a.Col);
                    Expression(s, a.Value);
                    break;
            }
        }

        private static void RequireAsync(Scope s, string what, int line, int col)
        {
            if (!s.IsCoroutine) throw new SyntaxErrorException($"{what} outside async function", line, col);
        }

        private static void MarkGenerator(Scope s, Expr e)
        {
            if (s.IsCoroutine && e is YieldFromExpr)
                throw new SyntaxErrorException("'yield from' inside async function", e.Line, e.Col);
            if (!s.IsFunctionLike) throw new SyntaxErrorException("'yield' outside function", e.Line, e.Col);
            if (s.Kind == ScopeKind.Comprehension && !s.IsGenerator)
                throw new SyntaxErrorException("'yield' inside list comprehension", e.Line, e.Col);
            s.IsGenerator = true;
        }

        private static void MarkClassCell(Scope s)
        {
            for (var p = s.Parent; p is not null; p = p.Parent)
            {
                if (p.Kind == ScopeKind.Class)
                {
                    s.UsesClassCell = true;
                    s.Used.Add("__class__");
                    s.Note("__class__");
                    return;
                }
                if (p.Kind == ScopeKind.Module) return;
            }
        }
    }
}
