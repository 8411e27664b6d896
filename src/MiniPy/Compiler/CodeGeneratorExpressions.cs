using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using MiniPy.Objects;
using MiniPy.Syntax;

namespace MiniPy.Compiler;

internal sealed partial class CodeGenerator
{
    private static BinaryOp ToBinaryOp(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => BinaryOp.Add,
        BinaryOperator.Sub => BinaryOp.Sub,
        BinaryOperator.Mult => BinaryOp.Mul,
        BinaryOperator.MatMult => BinaryOp.MatMul,
        BinaryOperator.Div => BinaryOp.TrueDiv,
        BinaryOperator.Mod => BinaryOp.Mod,
        BinaryOperator.Pow => BinaryOp.Pow,
        BinaryOperator.LShift => BinaryOp.LShift,
        BinaryOperator.RShift => BinaryOp.RShift,
        BinaryOperator.BitOr => BinaryOp.Or,
        BinaryOperator.BitXor => BinaryOp.Xor,
        BinaryOperator.BitAnd => BinaryOp.And,
        _ => BinaryOp.FloorDiv,
    };

    private PyObject? ConstantValue(Expr e)
    {
        if (e is not ConstantExpr c) return null;
        return c.Kind switch
        {
            ConstantKind.None => Types.None,
            ConstantKind.True => Types.True,
            ConstantKind.False => Types.False,
            ConstantKind.Ellipsis => Types.Ellipsis,
            ConstantKind.Int => c.Value is long l ? IntConst(l) : new PyBigInt((BigInteger)c.Value!),
            ConstantKind.Float => new PyFloat((double)c.Value!),
            ConstantKind.Str => new PyStr((string)c.Value!),
            ConstantKind.Bytes => new PyBytes((byte[])c.Value!),
            _ => throw new SyntaxErrorException("complex numbers are not supported by MiniPy", c.Line, c.Col),
        };
    }

    private void Expression(Expr e)
    {
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new SyntaxErrorException("maximum recursion depth exceeded during compilation", e.Line, e.Col, "RecursionError");
        int savedLine = _line;
        _line = e.Line;
        switch (e)
        {
            case ConstantExpr c:
                LoadConst(ConstantValue(c)!);
                break;
            case NameExpr n:
                LoadName(n.Id);
                break;
            case BinOpExpr b:
                Expression(b.Left);
                Expression(b.Right);
                _line = e.Line;
                Emit(Opcode.BinaryOp, (int)ToBinaryOp(b.Op));
                break;
            case UnaryOpExpr u:
                Expression(u.Operand);
                if (u.Op == UnaryOperator.Not) Emit(Opcode.UnaryNot);
                else Emit(Opcode.UnaryOp, (int)(u.Op switch { UnaryOperator.Invert => UnaryOp.Invert, UnaryOperator.UAdd => UnaryOp.Pos, _ => UnaryOp.Neg }));
                break;
            case BoolOpExpr b:
            {
                var end = new Label();
                for (int i = 0; i < b.Values.Count; i++)
                {
                    Expression(b.Values[i]);
                    if (i < b.Values.Count - 1)
                        EmitJump(b.Op == BoolOperator.And ? Opcode.JumpIfFalseOrPop : Opcode.JumpIfTrueOrPop, end);
                }
                Bind(end);
                break;
            }
            case CompareExpr c: Compare(c); break;
            case CallExpr c: Call(c); break;
            case AttributeExpr a:
                Expression(a.Value);
                _line = e.Line;
                Emit(Opcode.LoadAttr, Name(a.Attr));
                break;
            case SubscriptExpr s:
                Expression(s.Value);
                SubscriptIndex(s.Index);
                Emit(Opcode.BinarySubscr);
                break;
            case SliceExpr sl:
                SubscriptIndex(sl);
                break;
            case ListExpr l: Sequence(l.Elts, Opcode.BuildList); break;
            case TupleExpr t:
                if (t.Elts.Count > 0 && t.Elts.All(x => x is ConstantExpr))
                    LoadConst(new PyTuple(t.Elts.Select(x => ConstantValue(x)!).ToArray()));
                else Sequence(t.Elts, Opcode.BuildTuple);
                break;
            case SetExpr s: Sequence(s.Elts, Opcode.BuildSet); break;
            case DictExpr d: Dict(d); break;
            case ComprehensionExpr c: Comprehension(c); break;
            case IfExpr i:
            {
                var orElse = new Label();
                var end = new Label();
                Condition(i.Test, orElse, false);
                Expression(i.Body);
                EmitJump(Opcode.Jump, end);
                Bind(orElse);
                Expression(i.OrElse);
                Bind(end);
                break;
            }
            case LambdaExpr l:
                MakeFunction(l, "<lambda>", l.Args, child =>
                {
                    child.Expression(l.Body);
                    child.Emit(Opcode.ReturnValue);
                }, l.Line, null);
                break;
            case NamedExpr n:
                Expression(n.Value);
                Emit(Opcode.Copy, 1);
                StoreName(n.Target.Id);
                break;
            case YieldExpr y:
                if (y.Value is null) LoadConst(Types.None); else Expression(y.Value);
                // An async generator's own yields are told apart from the awaits it passes through.
                if (_scope.IsCoroutine) Emit(Opcode.AsyncGenWrap);
                Emit(Opcode.YieldValue);
                break;
            case AwaitExpr a:
                Expression(a.Value);
                Await();
                break;
            case YieldFromExpr y:
                Expression(y.Value);
                Emit(Opcode.GetYieldFromIter);
                LoadConst(Types.None);
                Emit(Opcode.YieldFrom);
                break;
            case JoinedStrExpr j: JoinedStr(j); break;
            case FormattedValueExpr f: FormattedValue(f); break;
            case StarredExpr st:
                throw new SyntaxErrorException("can't use starred expression here", st.Line, st.Col);
            default:
                throw new SyntaxErrorException($"{e.GetType().Name} is not supported by MiniPy", e.Line, e.Col);
        }
        _line = savedLine;
    }

    private void SubscriptIndex(Expr index)
    {
        if (index is SliceExpr sl)
        {
            if (sl.Lower is null) LoadConst(Types.None); else Expression(sl.Lower);
            if (sl.Upper is null) LoadConst(Types.None); else Expression(sl.Upper);
            if (sl.Step is not null) Expression(sl.Step);
            Emit(Opcode.BuildSlice, sl.Step is null ? 2 : 3);
            return;
        }
        if (index is TupleExpr t && t.Elts.Any(x => x is SliceExpr))
        {
            foreach (var x in t.Elts) SubscriptIndex(x);
            Emit(Opcode.BuildTuple, t.Elts.Count);
            return;
        }
        Expression(index);
    }

    private void Compare(CompareExpr c)
    {
        Expression(c.Left);
        if (c.Ops.Count == 1)
        {
            Expression(c.Comparators[0]);
            _line = c.Line;
            EmitCompare(c.Ops[0]);
            return;
        }
        var cleanup = new Label();
        var end = new Label();
        for (int i = 0; i < c.Ops.Count; i++)
        {
            Expression(c.Comparators[i]);
            if (i < c.Ops.Count - 1)
            {
                Emit(Opcode.Swap, 2);
                Emit(Opcode.Copy, 2);
                EmitCompare(c.Ops[i]);
                EmitJump(Opcode.JumpIfFalseOrPop, cleanup);
            }
            else EmitCompare(c.Ops[i]);
        }
        EmitJump(Opcode.Jump, end);
        Bind(cleanup);
        Emit(Opcode.Swap, 2);
        Emit(Opcode.PopTop);
        Bind(end);
    }

    private void EmitCompare(CompareOperator op)
    {
        switch (op)
        {
            case CompareOperator.Is: Emit(Opcode.IsOp, 0); break;
            case CompareOperator.IsNot: Emit(Opcode.IsOp, 1); break;
            case CompareOperator.In: Emit(Opcode.ContainsOp, 0); break;
            case CompareOperator.NotIn: Emit(Opcode.ContainsOp, 1); break;
            default:
                Emit(Opcode.CompareOp, (int)(op switch
                {
                    CompareOperator.Lt => CompareOp.Lt,
                    CompareOperator.LtE => CompareOp.Le,
                    CompareOperator.Eq => CompareOp.Eq,
                    CompareOperator.NotEq => CompareOp.Ne,
                    CompareOperator.Gt => CompareOp.Gt,
                    _ => CompareOp.Ge,
                }));
                break;
        }
    }

    private void Call(CallExpr c)
    {
        bool simple = !c.Args.Any(a => a is StarredExpr) && !c.Keywords.Any(k => k.Name is null);
        if (c.Func is AttributeExpr attr && simple)
        {
            Expression(attr.Value);
            _line = c.Line;
            Emit(Opcode.LoadMethod, Name(attr.Attr));
        }
        else
        {
            Expression(c.Func);
            Emit(Opcode.PushNull);
        }
        CallWith(0, c.Args, c.Keywords);
    }

    /// <summary>Emits the arguments and the call; <paramref name="already"/> positional arguments are on the stack.</summary>
    private void CallWith(int already, IReadOnlyList<Expr> args, IReadOnlyList<Keyword> keywords)
    {
        int line = _line;
        bool simple = !args.Any(a => a is StarredExpr) && !keywords.Any(k => k.Name is null);
        if (simple)
        {
            foreach (var a in args) Expression(a);
            foreach (var k in keywords) Expression(k.Value);
            _line = line;
            if (keywords.Count > 0)
            {
                var names = keywords.Select(k => k.Name!).ToList();
                if (names.Distinct().Count() != names.Count)
                    throw new SyntaxErrorException($"keyword argument repeated: {names.GroupBy(n => n).First(g => g.Count() > 1).Key}", line, 1);
                LoadConst(new PyTuple(names.Select(n => (PyObject)_interp.Intern(n)).ToArray()));
                Emit(Opcode.CallKw, already + args.Count + keywords.Count);
            }
            else Emit(Opcode.Call, already + args.Count);
            return;
        }
        Emit(Opcode.BuildList, already);
        foreach (var a in args)
        {
            if (a is StarredExpr s)
            {
                Expression(s.Value);
                Emit(Opcode.ListExtend, 1);
            }
            else
            {
                Expression(a);
                Emit(Opcode.ListAppend, 1);
            }
        }
        Emit(Opcode.ListToTuple);
        if (keywords.Count > 0)
        {
            Emit(Opcode.BuildMap, 0);
            foreach (var k in keywords)
            {
                if (k.Name is null)
                {
                    Expression(k.Value);
                    Emit(Opcode.DictMerge, 1);
                }
                else
                {
                    LoadConst(_interp.Intern(k.Name));
                    Expression(k.Value);
                    Emit(Opcode.MapAdd, 1);
                }
            }
        }
        _line = line;
        Emit(Opcode.CallEx, keywords.Count > 0 ? 1 : 0);
    }

    private void Sequence(IReadOnlyList<Expr> elts, Opcode build)
    {
        if (!elts.Any(x => x is StarredExpr))
        {
            foreach (var x in elts) Expression(x);
            Emit(build, elts.Count);
            return;
        }
        bool isSet = build == Opcode.BuildSet;
        Emit(isSet ? Opcode.BuildSet : Opcode.BuildList, 0);
        foreach (var x in elts)
        {
            if (x is StarredExpr s)
            {
                Expression(s.Value);
                Emit(isSet ? Opcode.SetUpdate : Opcode.ListExtend, 1);
            }
            else
            {
                Expression(x);
                Emit(isSet ? Opcode.SetAdd : Opcode.ListAppend, 1);
            }
        }
        if (build == Opcode.BuildTuple) Emit(Opcode.ListToTuple);
    }

    private void Dict(DictExpr d)
    {
        if (d.Keys.All(k => k is not null) && d.Keys.Count < 256)
        {
            for (int i = 0; i < d.Keys.Count; i++)
            {
                Expression(d.Keys[i]!);
                Expression(d.Values[i]);
            }
            Emit(Opcode.BuildMap, d.Keys.Count);
            return;
        }
        Emit(Opcode.BuildMap, 0);
        for (int i = 0; i < d.Keys.Count; i++)
        {
            if (d.Keys[i] is null)
            {
                Expression(d.Values[i]);
                Emit(Opcode.DictUpdate, 1);
            }
            else
            {
                Expression(d.Keys[i]!);
                Expression(d.Values[i]);
                Emit(Opcode.MapAdd, 1);
            }
        }
    }

    private void JoinedStr(JoinedStrExpr j)
    {
        if (j.Values.Count == 0) { LoadConst(new PyStr("")); return; }
        foreach (var v in j.Values)
        {
            if (v is FormattedValueExpr f) FormattedValue(f);
            else Expression(v);
        }
        if (j.Values.Count > 1) Emit(Opcode.BuildString, j.Values.Count);
        else if (j.Values[0] is not FormattedValueExpr && j.Values[0] is not ConstantExpr) Emit(Opcode.FormatValue, 1);
    }

    private void FormattedValue(FormattedValueExpr f)
    {
        Expression(f.Value);
        int flags = f.Conversion switch { 's' => 1, 'r' => 2, 'a' => 3, _ => 0 };
        if (f.FormatSpec is not null)
        {
            JoinedStr((JoinedStrExpr)f.FormatSpec);
            flags |= 4;
        }
        Emit(Opcode.FormatValue, flags);
    }

    private void Comprehension(ComprehensionExpr c)
    {
        var scope = _symbols.Scopes[c];
        var name = scope.Name;
        MakeFunction(c, name, new Arguments(new List<Parameter>(), new List<Parameter> { new(".0", null, null, c.Line, c.Col) }, null, new List<Parameter>(), null), child =>
        {
            if (c.Kind != ComprehensionKind.Generator)
                child.Emit(c.Kind switch { ComprehensionKind.List => Opcode.BuildList, ComprehensionKind.Set => Opcode.BuildSet, _ => Opcode.BuildMap }, 0);
            child.ComprehensionLoop(c, 0);
            if (c.Kind == ComprehensionKind.Generator) child.LoadConst(Types.None);
            child.Emit(Opcode.ReturnValue);
        }, c.Line, null);
        Expression(c.Generators[0].Iter);
        Emit(c.Generators[0].IsAsync ? Opcode.GetAIter : Opcode.GetIter);
        // [function, iterator] -> [function, NULL, iterator] -> CALL 1
        Emit(Opcode.PushNull);
        Emit(Opcode.Swap, 2);
        Emit(Opcode.Call, 1);
        if (scope.IsCoroutine) Await();
    }

    private void ComprehensionLoop(ComprehensionExpr c, int index)
    {
        var g = c.Generators[index];
        var start = new Label();
        var end = new Label();
        if (index == 0) Emit(Opcode.LoadFast, 0);
        else
        {
            Expression(g.Iter);
            Emit(g.IsAsync ? Opcode.GetAIter : Opcode.GetIter);
        }
        Label? stop = null;
        Bind(start);
        if (g.IsAsync)
        {
            int depthWithIterator = _depth;
            var outer = _handler;
            stop = new Label { Depth = depthWithIterator + 1 };
            _handler = new Handler(stop, depthWithIterator);
            Emit(Opcode.GetANext);
            LoadConst(Types.None);
            Emit(Opcode.YieldFrom);
            _handler = outer;
        }
        else EmitJump(Opcode.ForIter, end);
        Store(g.Target);
        foreach (var cond in g.Ifs) Condition(cond, start, false);
        if (index + 1 < c.Generators.Count) ComprehensionLoop(c, index + 1);
        else
        {
            int depth = c.Generators.Count + 1; // the collection sits below one iterator per loop
            switch (c.Kind)
            {
                case ComprehensionKind.List:
                    Expression(c.Element);
                    Emit(Opcode.ListAppend, depth);
                    break;
                case ComprehensionKind.Set:
                    Expression(c.Element);
                    Emit(Opcode.SetAdd, depth);
                    break;
                case ComprehensionKind.Dict:
                    Expression(c.Element);
                    Expression(c.Value!);
                    Emit(Opcode.MapAdd, depth);
                    break;
                default:
                    Expression(c.Element);
                    Emit(Opcode.YieldValue);
                    Emit(Opcode.PopTop);
                    break;
            }
        }
        EmitJump(Opcode.Jump, start);
        if (stop is not null)
        {
            Bind(stop);
            EmitJump(Opcode.EndAsyncFor, end);
            Emit(Opcode.Reraise);
        }
        Bind(end);
    }
}
