using System.Collections.Generic;
using System.Linq;
using MiniPy.Objects;
using MiniPy.Syntax;

namespace MiniPy.Compiler;

internal sealed partial class CodeGenerator
{
    private void Statement(Stmt s)
    {
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw new SyntaxErrorException("maximum recursion depth exceeded during compilation", s.Line, s.Col, "RecursionError");
        _line = s.Line;
        if (_depth < 0) _depth = BaseDepth(); // unreachable code still needs a consistent depth
        switch (s)
        {
            case FunctionDefStmt f: FunctionDef(f); break;
            case ClassDefStmt c: ClassDef(c); break;
            case ReturnStmt r: Return(r); break;
            case DeleteStmt d: foreach (var t in d.Targets) Delete(t); break;
            case AssignStmt a when IsParallelAssignment(a):
                ParallelAssign(a);
                break;
            case AssignStmt a:
                Expression(a.Value);
                for (int i = 0; i < a.Targets.Count; i++)
                {
                    if (i < a.Targets.Count - 1) Emit(Opcode.Copy, 1);
                    Store(a.Targets[i]);
                }
                break;
            case AugAssignStmt a: AugAssign(a); break;
            case AnnAssignStmt a:
                if (a.Value is not null)
                {
                    Expression(a.Value);
                    Store(a.Target);
                }
                // A simple name annotated in a module or class body is recorded in __annotations__.
                if (a.Target is NameExpr annotated && _scope.Kind is ScopeKind.Module or ScopeKind.Class)
                {
                    _line = a.Line;
                    Emit(Opcode.SetupAnnotations);
                    Expression(a.Annotation);
                    Emit(Opcode.LoadName, Name("__annotations__"));
                    LoadConst(_interp.Intern(annotated.Id));
                    Emit(Opcode.StoreSubscr);
                }
                break;
            case ForStmt f when f.IsAsync: AsyncFor(f); break;
            case ForStmt f: For(f); break;
            case WhileStmt w: While(w); break;
            case IfStmt i: If(i); break;
            case WithStmt w: With(w, 0); break;
            case RaiseStmt r:
                if (r.Exc is null) Emit(Opcode.RaiseVarargs, 0);
                else
                {
                    Expression(r.Exc);
                    if (r.Cause is not null) Expression(r.Cause);
                    Emit(Opcode.RaiseVarargs, r.Cause is null ? 1 : 2);
                }
                break;
            case TryStmt t: Try(t); break;
            case AssertStmt a: Assert(a); break;
            case ImportStmt imp: Import(imp); break;
            case ImportFromStmt imp: ImportFrom(imp); break;
            case GlobalStmt or NonlocalStmt or PassStmt: break;
            case BreakStmt b: BreakOrContinue(true, b); break;
            case ContinueStmt c: BreakOrContinue(false, c); break;
            case ExprStmt e:
                Expression(e.Value);
                Emit(Opcode.PopTop);
                break;
            default:
                throw new SyntaxErrorException($"{s.GetType().Name} is not supported by MiniPy", s.Line, s.Col);
        }
    }

    private void Return(ReturnStmt r)
    {
        if (_scope.IsGenerator && r.Value is not null && (_scope.Kind == ScopeKind.Comprehension || _scope.IsCoroutine))
            throw new SyntaxErrorException("'return' with value in async generator", r.Line, r.Col);
        if (r.Value is null) LoadConst(Types.None);
        else Expression(r.Value);
        UnwindAll(preserveTop: true);
        Emit(Opcode.ReturnValue);
    }

    /// <summary>Emits the cleanup of every enclosing block (innermost first), for return.</summary>
    private void UnwindAll(bool preserveTop)
    {
        var saved = _handler;
        for (int i = _blocks.Count - 1; i >= 0; i--) UnwindBlock(i, preserveTop);
        _handler = saved;
    }

    /// <summary>The code that leaves block <paramref name="index"/> early; emitted under the block's outer handler.</summary>
    private void UnwindBlock(int index, bool preserveTop)
    {
        var b = _blocks[index];
        _handler = b.OuterHandler;
        switch (b.Kind)
        {
            case BlockKind.ForLoop:
                if (preserveTop) Emit(Opcode.Swap, 2);
                Emit(Opcode.PopTop);
                break;
            case BlockKind.WhileLoop:
                break;
            case BlockKind.TryFinally:
            {
                // Run the finally body with this block (and those inside it) no longer active.
                var removed = _blocks.GetRange(index, _blocks.Count - index);
                _blocks.RemoveRange(index, _blocks.Count - index);
                foreach (var st in b.FinalBody!) Statement(st);
                _blocks.AddRange(removed);
                break;
            }
            case BlockKind.FinallyEnd:
                // Stack: prev, exc (an exception is being handled by the finally body).
                if (preserveTop) Emit(Opcode.Swap, 2);
                Emit(Opcode.PopTop);
                if (preserveTop) Emit(Opcode.Swap, 2);
                Emit(Opcode.PopExcept);
                break;
            case BlockKind.HandlerCleanup:
                if (preserveTop) Emit(Opcode.Swap, 2);
                Emit(Opcode.PopExcept);
                if (b.HandlerName is not null)
                {
                    LoadConst(Types.None);
                    StoreName(b.HandlerName);
                    DeleteName(b.HandlerName);
                }
                break;
            case BlockKind.With:
                if (preserveTop) Emit(Opcode.Swap, 2);
                ExitWithNones(b.IsAsync);
                break;
        }
    }

    /// <summary>Calls the context manager's exit with three Nones (awaiting it for async with) and drops the result.</summary>
    private void ExitWithNones(bool isAsync)
    {
        if (!isAsync)
        {
            Emit(Opcode.CallExitWithNones);
            return;
        }
        Emit(Opcode.CallExitResult);
        Await();
        Emit(Opcode.PopTop);
    }

    private void BreakOrContinue(bool isBreak, Stmt s)
    {
        int loop = -1;
        for (int i = _blocks.Count - 1; i >= 0; i--)
            if (_blocks[i].Kind is BlockKind.ForLoop or BlockKind.WhileLoop) { loop = i; break; }
        if (loop < 0) throw new SyntaxErrorException(isBreak ? "'break' outside loop" : "'continue' not properly in loop", s.Line, s.Col);
        var saved = _handler;
        for (int i = _blocks.Count - 1; i > loop; i--) UnwindBlock(i, false);
        var target = _blocks[loop];
        _handler = target.OuterHandler;
        if (isBreak)
        {
            if (target.Kind == BlockKind.ForLoop) Emit(Opcode.PopTop);
            EmitJump(Opcode.Jump, target.End!);
        }
        else EmitJump(Opcode.Jump, target.Start!);
        _handler = saved;
    }

    /// <summary>The stack depth at statement level: what the enclosing blocks keep on the stack.</summary>
    private int BaseDepth()
    {
        int d = 0;
        foreach (var b in _blocks)
            d += b.Kind switch { BlockKind.ForLoop or BlockKind.With or BlockKind.HandlerCleanup => 1, BlockKind.FinallyEnd => 2, _ => 0 };
        return d;
    }

    private static PyObject IntConst(long v) => v >= -5 && v <= 256 ? Types.SmallInts[v + 5] : new PyInt(v);

    private Block PushBlock(BlockKind kind, Label? start = null, Label? end = null)
    {
        var b = new Block { Kind = kind, Start = start, End = end, OuterHandler = _handler };
        _blocks.Add(b);
        return b;
    }

    private void PopBlock() => _blocks.RemoveAt(_blocks.Count - 1);

    private void If(IfStmt i)
    {
        var orElse = new Label();
        var end = new Label();
        Condition(i.Test, orElse, false);
        foreach (var s in i.Body) Statement(s);
        if (i.OrElse.Count > 0)
        {
            EmitJump(Opcode.Jump, end);
            Bind(orElse);
            foreach (var s in i.OrElse) Statement(s);
            Bind(end);
        }
        else
        {
            Bind(orElse);
            Bind(end);
        }
    }

    /// <summary>Jumps to <paramref name="target"/> when the test's truth equals <paramref name="jumpIf"/>.</summary>
    private void Condition(Expr test, Label target, bool jumpIf)
    {
        switch (test)
        {
            case UnaryOpExpr { Op: UnaryOperator.Not } u:
                Condition(u.Operand, target, !jumpIf);
                return;
            case BoolOpExpr b:
            {
                bool isAnd = b.Op == BoolOperator.And;
                if (isAnd != jumpIf)
                {
                    // and-chain jumping on false, or or-chain jumping on true: every operand may jump.
                    foreach (var v in b.Values) Condition(v, target, jumpIf);
                }
                else
                {
                    var skip = new Label();
                    for (int k = 0; k < b.Values.Count - 1; k++) Condition(b.Values[k], skip, !jumpIf);
                    Condition(b.Values[^1], target, jumpIf);
                    Bind(skip);
                }
                return;
            }
        }
        Expression(test);
        EmitJump(jumpIf ? Opcode.PopJumpIfTrue : Opcode.PopJumpIfFalse, target);
    }

    private void While(WhileStmt w)
    {
        var start = new Label();
        var orElse = new Label();
        var end = new Label();
        Bind(start);
        Condition(w.Test, orElse, false);
        PushBlock(BlockKind.WhileLoop, start, end);
        foreach (var s in w.Body) Statement(s);
        EmitJump(Opcode.Jump, start);
        PopBlock();
        Bind(orElse);
        foreach (var s in w.OrElse) Statement(s);
        Bind(end);
    }

    private void For(ForStmt f)
    {
        var start = new Label();
        var exhausted = new Label();
        var end = new Label();
        Expression(f.Iter);
        Emit(Opcode.GetIter);
        Bind(start);
        _line = f.Line;
        EmitJump(Opcode.ForIter, exhausted);
        Store(f.Target);
        PushBlock(BlockKind.ForLoop, start, end);
        foreach (var s in f.Body) Statement(s);
        EmitJump(Opcode.Jump, start);
        PopBlock();
        Bind(exhausted);
        foreach (var s in f.OrElse) Statement(s);
        Bind(end);
    }

    /// <summary>await on the value on the stack: GET_AWAITABLE, then YIELD_FROM until it completes.</summary>
    private void Await()
    {
        Emit(Opcode.GetAwaitable);
        LoadConst(Types.None);
        Emit(Opcode.YieldFrom);
    }

    /// <summary>async for: __aiter__ once, then await __anext__() until it raises StopAsyncIteration.</summary>
    private void AsyncFor(ForStmt f)
    {
        var start = new Label();
        var exhausted = new Label();
        var end = new Label();
        Expression(f.Iter);
        _line = f.Line;
        Emit(Opcode.GetAIter);
        int depthWithIterator = _depth;
        Bind(start);
        var outer = _handler;
        var stop = new Label { Depth = depthWithIterator + 1 };
        _handler = new Handler(stop, depthWithIterator);
        Emit(Opcode.GetANext);
        LoadConst(Types.None);
        Emit(Opcode.YieldFrom);
        _handler = outer;
        Store(f.Target);
        PushBlock(BlockKind.ForLoop, start, end);
        foreach (var s in f.Body) Statement(s);
        EmitJump(Opcode.Jump, start);
        PopBlock();
        // [aiter, exc]: StopAsyncIteration ends the loop; anything else goes on up.
        Bind(stop);
        EmitJump(Opcode.EndAsyncFor, exhausted);
        Emit(Opcode.Reraise);
        Bind(exhausted);
        foreach (var s in f.OrElse) Statement(s);
        Bind(end);
    }

    private void Assert(AssertStmt a)
    {
        var end = new Label();
        Condition(a.Test, end, true);
        Emit(Opcode.LoadAssertionError);
        if (a.Msg is not null)
        {
            Emit(Opcode.PushNull);
            Expression(a.Msg);
            Emit(Opcode.Call, 1);
        }
        Emit(Opcode.RaiseVarargs, 1);
        Bind(end);
    }

    private void Import(ImportStmt imp)
    {
        foreach (var alias in imp.Names)
        {
            LoadConst(IntConst(0));
            bool leaf = alias.AsName is not null && alias.Name.Contains('.');
            LoadConst(leaf ? Tuple(new PyStr("*")) : Types.None);
            Emit(Opcode.ImportName, Name(alias.Name));
            StoreName(alias.AsName ?? alias.Name.Split('.')[0]);
        }
    }

    private PyTuple Tuple(params PyObject[] items) => new(items);

    private void ImportFrom(ImportFromStmt imp)
    {
        LoadConst(IntConst(imp.Level));
        LoadConst(Tuple(imp.Names.Select(n => (PyObject)new PyStr(n.Name)).ToArray()));
        Emit(Opcode.ImportName, Name(imp.Module ?? ""));
        if (imp.Names.Count == 1 && imp.Names[0].Name == "*")
        {
            Emit(Opcode.ImportStar);
            return;
        }
        foreach (var alias in imp.Names)
        {
            Emit(Opcode.ImportFrom, Name(alias.Name));
            StoreName(alias.AsName ?? alias.Name);
        }
        Emit(Opcode.PopTop);
    }

    private void With(WithStmt w, int itemIndex)
    {
        var item = w.Items[itemIndex];
        Expression(item.Context);
        _line = w.Line;
        if (w.IsAsync)
        {
            Emit(Opcode.BeforeAsyncWith);   // [exit, awaitable of __aenter__()]
            Await();
        }
        else Emit(Opcode.BeforeWith);
        var handler = new Label();
        var end = new Label();
        int depthAtWith = _depth - 1; // the exit function stays below
        var outer = _handler;
        var block = PushBlock(BlockKind.With);
        block.IsAsync = w.IsAsync;
        _handler = new Handler(handler, depthAtWith);
        if (item.Target is not null) Store(item.Target);
        else Emit(Opcode.PopTop);
        if (itemIndex + 1 < w.Items.Count) With(w, itemIndex + 1);
        else foreach (var s in w.Body) Statement(s);
        _handler = outer;
        PopBlock();
        // Normal exit: exit(None, None, None).
        _line = w.Line;
        ExitWithNones(w.IsAsync);
        EmitJump(Opcode.Jump, end);
        // Exceptional exit: stack is [exit, exc].
        handler.Depth = depthAtWith + 1;
        Bind(handler);
        Emit(Opcode.PushExcInfo);                           // [exit, prev, exc]
        var cleanup = new Label();
        _handler = new Handler(cleanup, depthAtWith + 1);   // keeps exit and prev
        Emit(Opcode.WithExceptStart);                       // [exit, prev, exc, result]
        if (w.IsAsync) Await();
        var suppress = new Label();
        EmitJump(Opcode.PopJumpIfTrue, suppress);
        Emit(Opcode.Reraise);
        Bind(suppress);                                     // [exit, prev, exc]
        _handler = outer;
        Emit(Opcode.PopTop);
        Emit(Opcode.PopExcept);
        Emit(Opcode.PopTop);
        EmitJump(Opcode.Jump, end);
        cleanup.Depth = depthAtWith + 2;
        Bind(cleanup);                                      // [exit, prev, exc2]
        Emit(Opcode.PopExceptAndReraise);
        Bind(end);
        _ = block;
    }

    private void Try(TryStmt t)
    {
        if (t.FinalBody.Count > 0) TryFinally(t);
        else TryExcept(t);
    }

    private void TryFinally(TryStmt t)
    {
        var handler = new Label();
        var end = new Label();
        int depth = _depth;
        var outer = _handler;
        var block = PushBlock(BlockKind.TryFinally);
        block.FinalBody = t.FinalBody;
        _handler = new Handler(handler, depth);
        if (t.Handlers.Count > 0) TryExcept(t with { FinalBody = new List<Stmt>() });
        else foreach (var s in t.Body) Statement(s);
        _handler = outer;
        PopBlock();
        // Normal path: run the finally body once.
        foreach (var s in t.FinalBody) Statement(s);
        EmitJump(Opcode.Jump, end);
        // Exception path: [exc] -> [prev, exc], run the body, re-raise.
        handler.Depth = depth + 1;
        Bind(handler);
        Emit(Opcode.PushExcInfo);
        var cleanup = new Label();
        _handler = new Handler(cleanup, depth + 1);
        PushBlock(BlockKind.FinallyEnd).OuterHandler = outer;
        foreach (var s in t.FinalBody) Statement(s);
        PopBlock();
        Emit(Opcode.Reraise);
        cleanup.Depth = depth + 2;
        _handler = outer;
        Bind(cleanup);
        Emit(Opcode.PopExceptAndReraise);
        Bind(end);
    }

    private void TryExcept(TryStmt t)
    {
        var handler = new Label();
        var end = new Label();
        int depth = _depth;
        var outer = _handler;
        _handler = new Handler(handler, depth);
        foreach (var s in t.Body) Statement(s);
        _handler = outer;
        foreach (var s in t.OrElse) Statement(s);
        EmitJump(Opcode.Jump, end);

        handler.Depth = depth + 1;
        Bind(handler);                                      // [exc]
        Emit(Opcode.PushExcInfo);                           // [prev, exc]
        var cleanup = new Label();
        var handlerRegion = new Handler(cleanup, depth + 1);
        _handler = handlerRegion;
        foreach (var h in t.Handlers)
        {
            _line = h.Line;
            var next = new Label();
            if (h.Type is not null)
            {
                Expression(h.Type);
                Emit(Opcode.CheckExcMatch);                 // [prev, exc, bool]
                EmitJump(Opcode.PopJumpIfFalse, next);
            }
            if (h.Name is not null) StoreName(h.Name);      // [prev]
            else Emit(Opcode.PopTop);
            var block = PushBlock(BlockKind.HandlerCleanup);
            block.HandlerName = h.Name;
            block.OuterHandler = outer;
            foreach (var s in h.Body) Statement(s);
            PopBlock();
            _handler = outer;
            Emit(Opcode.PopExcept);
            if (h.Name is not null)
            {
                LoadConst(Types.None);
                StoreName(h.Name);
                DeleteName(h.Name);
            }
            EmitJump(Opcode.Jump, end);
            _handler = handlerRegion;
            Bind(next);
        }
        // No clause matched: re-raise with the exception still on top.
        if (t.Handlers.Count == 0 || t.Handlers[^1].Type is not null) Emit(Opcode.Reraise);
        cleanup.Depth = depth + 2;
        _handler = outer;
        Bind(cleanup);
        Emit(Opcode.PopExceptAndReraise);
        Bind(end);
    }

    private void AugAssign(AugAssignStmt a)
    {
        var op = ToBinaryOp(a.Op);
        switch (a.Target)
        {
            case NameExpr n:
                LoadName(n.Id);
                Expression(a.Value);
                Emit(Opcode.InplaceOp, (int)op);
                StoreName(n.Id);
                break;
            case AttributeExpr at:
                Expression(at.Value);
                Emit(Opcode.Copy, 1);
                Emit(Opcode.LoadAttr, Name(at.Attr));
                Expression(a.Value);
                Emit(Opcode.InplaceOp, (int)op);
                Emit(Opcode.Swap, 2);
                Emit(Opcode.StoreAttr, Name(at.Attr));
                break;
            case SubscriptExpr sub:
                Expression(sub.Value);
                SubscriptIndex(sub.Index);
                Emit(Opcode.Copy, 2);
                Emit(Opcode.Copy, 2);
                Emit(Opcode.BinarySubscr);
                Expression(a.Value);
                Emit(Opcode.InplaceOp, (int)op);
                Emit(Opcode.Swap, 3);
                Emit(Opcode.Swap, 2);
                Emit(Opcode.StoreSubscr);
                break;
        }
    }

    /// <summary><c>a, b = b, a + b</c>: one target tuple and a value tuple of the same length (2 or 3, no
    /// starred items). CPython compiles these without building the tuple; so do we.</summary>
    private static bool IsParallelAssignment(AssignStmt a)
    {
        if (a.Targets.Count != 1) return false;
        var targets = a.Targets[0] switch { TupleExpr t => t.Elts, ListExpr l => l.Elts, _ => null };
        if (targets is null || a.Value is not TupleExpr values) return false;
        if (targets.Count != values.Elts.Count || targets.Count is < 2 or > 3) return false;
        foreach (var e in targets) if (e is StarredExpr) return false;
        foreach (var e in values.Elts) if (e is StarredExpr) return false;
        return true;
    }

    private void ParallelAssign(AssignStmt a)
    {
        var targets = a.Targets[0] is TupleExpr t ? t.Elts : ((ListExpr)a.Targets[0]).Elts;
        // Evaluate every value first, then store left to right: SWAP puts the first value on top.
        foreach (var v in ((TupleExpr)a.Value).Elts) Expression(v);
        Emit(Opcode.Swap, targets.Count);
        foreach (var target in targets) Store(target);
    }

    private void Store(Expr target)
    {
        switch (target)
        {
            case NameExpr n: StoreName(n.Id); break;
            case AttributeExpr a:
                Expression(a.Value);
                Emit(Opcode.StoreAttr, Name(a.Attr));
                break;
            case SubscriptExpr s:
                Expression(s.Value);
                SubscriptIndex(s.Index);
                Emit(Opcode.StoreSubscr);
                break;
            case TupleExpr t: StoreSequence(t.Elts, t); break;
            case ListExpr l: StoreSequence(l.Elts, l); break;
            case StarredExpr st:
                throw new SyntaxErrorException("starred assignment target must be in a list or tuple", st.Line, st.Col);
            default:
                throw new SyntaxErrorException("cannot assign to expression", target.Line, target.Col);
        }
    }

    private void StoreSequence(IReadOnlyList<Expr> elts, Expr node)
    {
        int star = -1;
        for (int i = 0; i < elts.Count; i++)
        {
            if (elts[i] is StarredExpr)
            {
                if (star >= 0) throw new SyntaxErrorException("multiple starred expressions in assignment", node.Line, node.Col);
                star = i;
            }
        }
        if (star < 0) Emit(Opcode.UnpackSequence, elts.Count);
        else Emit(Opcode.UnpackEx, star | ((elts.Count - star - 1) << 8));
        foreach (var e in elts) Store(e is StarredExpr s ? s.Value : e);
    }

    private void Delete(Expr target)
    {
        switch (target)
        {
            case NameExpr n: DeleteName(n.Id); break;
            case AttributeExpr a:
                Expression(a.Value);
                Emit(Opcode.DeleteAttr, Name(a.Attr));
                break;
            case SubscriptExpr s:
                Expression(s.Value);
                SubscriptIndex(s.Index);
                Emit(Opcode.DeleteSubscr);
                break;
            case TupleExpr t: foreach (var e in t.Elts) Delete(e); break;
            case ListExpr l: foreach (var e in l.Elts) Delete(e); break;
            default: throw new SyntaxErrorException("cannot delete expression", target.Line, target.Col);
        }
    }
}
