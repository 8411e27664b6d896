namespace MiniPy.Syntax;

/// <summary>Checks that an expression parsed where a target is expected can be assigned or deleted.</summary>
internal static class Targets
{
    public static Expr CheckTarget(Expr e, string verb)
    {
        switch (e)
        {
            case NameExpr or AttributeExpr or SubscriptExpr:
                return e;
            case TupleExpr t:
                foreach (var x in t.Elts) CheckTarget(x, verb);
                return e;
            case ListExpr l:
                foreach (var x in l.Elts) CheckTarget(x, verb);
                return e;
            case StarredExpr s when verb != "delete":
                CheckTarget(s.Value, verb);
                return e;
            default:
                throw new SyntaxErrorException($"cannot {verb} {Describe(e)}", e.Line, e.Col);
        }
    }

    public static Expr CheckAugTarget(Expr e)
    {
        if (e is NameExpr or AttributeExpr or SubscriptExpr) return e;
        throw new SyntaxErrorException($"'{Describe(e)}' is an illegal expression for augmented assignment", e.Line, e.Col);
    }

    private static string Describe(Expr e) => e switch
    {
        CallExpr => "function call",
        ConstantExpr { Kind: ConstantKind.None or ConstantKind.True or ConstantKind.False } c => c.Kind.ToString(),
        ConstantExpr => "literal",
        BinOpExpr or UnaryOpExpr => "expression",
        CompareExpr => "comparison",
        BoolOpExpr => "expression",
        LambdaExpr => "lambda",
        IfExpr => "conditional expression",
        ComprehensionExpr { Kind: ComprehensionKind.Generator } => "generator expression",
        ComprehensionExpr => "comprehension",
        DictExpr => "dict literal",
        SetExpr => "set display",
        JoinedStrExpr => "f-string expression",
        NamedExpr => "named expression",
        StarredExpr => "starred",
        YieldExpr or YieldFromExpr => "yield expression",
        AwaitExpr => "await expression",
        _ => "expression",
    };
}
