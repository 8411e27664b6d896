using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>
/// A generator: a suspended frame with slots of its own. Each resumption runs the frame in the eval
/// loop until it yields or returns.
/// </summary>
internal sealed class PyGenerator : PyObject
{
    private Frame? _frame;
    private bool _running;
    private readonly PyObject _name, _qualName;

    public PyGenerator(ThreadState ts, Frame frame, PyFunction f)
        : base(f.Code.IsAsyncGenerator ? Types.AsyncGenerator : f.Code.IsCoroutine ? Types.Coroutine : Types.Generator)
    {
        _frame = frame;
        frame.Generator = this;
        _name = Rc.New(ts, f.Name);
        _qualName = Rc.New(ts, f.QualName);
    }

    public bool IsSuspended => _frame is not null && _frame.Pc > 0 && !_running;

    public bool IsFinished => _frame is null;

    /// <summary>Called by the eval loop when the frame returns or raises: drops the frame.</summary>
    public void Finish(ThreadState ts)
    {
        var f = _frame;
        _frame = null;
        if (f is not null) ts.PopFrame(f);
    }

    /// <summary>
    /// Resumes with <paramref name="sent"/> (borrowed). Returns the yielded value, or the return value with
    /// <paramref name="returned"/> set, or null with the exception in ts.CurrentException.
    /// </summary>
    public PyObject? Resume(ThreadState ts, PyObject sent, out bool returned, PyBaseException? thrown = null)
    {
        returned = false;
        var f = _frame;
        if (_running)
        {
            ts.CurrentException = new PyBaseException(Types.ValueError, new PyStr("generator already executing"));
            return null;
        }
        if (f is null)
        {
            if (thrown is not null) { ts.CurrentException = thrown; return null; }
            returned = true;
            return Types.None;
        }
        if (f.Pc == 0 && thrown is null)
        {
            if (sent is not PyNone)
            {
                ts.CurrentException = new PyBaseException(Types.TypeError, new PyStr("can't send non-None value to a just-started generator"));
                return null;
            }
        }
        else if (thrown is null)
        {
            Rc.Incref(ts, sent);
            f.Slots[f.Sp++].V = sent;
        }
        if (thrown is not null)
        {
            if (f.Pc == 0)
            {
                // Thrown into a generator that never started: it finishes at once.
                Finish(ts);
                ts.CurrentException = thrown;
                return null;
            }
            // Suspended in yield from / await: the exception goes to the innermost awaitable first, as
            // CPython does, so its except and finally blocks see it.
            if ((Compiler.Opcode)(byte)f.Code.Instructions[f.Pc] == Compiler.Opcode.YieldFrom)
            {
                var delegated = ThrowIntoSubiterator(ts, f, thrown, out bool subReturned);
                if (delegated is not null && !subReturned) return delegated;
                if (delegated is not null)
                {
                    // The subiterator returned: its value is the result of the yield from.
                    var sub = f.Slots[f.Sp - 1].V;
                    f.Slots[f.Sp - 1].V = delegated;
                    Rc.Decref(ts, sub);
                    f.Pc++;
                    thrown = null;
                }
                else thrown = ts.TakeExceptionValue();
            }
            if (thrown is not null) ts.CurrentException = thrown;
        }
        f.Yielded = false;
        _running = true;
        PyObject? r;
        try { r = Eval.Run(ts, f); }
        finally { _running = false; }
        if (r is null)
        {
            var exc = ts.CurrentException!;
            if (exc.Type.IsSubtypeOf(Types.StopIteration)) ts.CurrentException = StopIterationInGenerator(ts, exc);
            return null;
        }
        if (f.Yielded) return r;
        returned = true;
        return r;
    }

    /// <summary>
    /// Throws <paramref name="thrown"/> (owned) into the subiterator a suspended yield from waits on. Returns its next
    /// yielded value (<paramref name="returned"/> false), its return value (true), or null with the exception to
    /// raise here in ts.CurrentException. GeneratorExit closes the subiterator and is raised here.
    /// </summary>
    private static PyObject? ThrowIntoSubiterator(ThreadState ts, Frame f, PyBaseException thrown, out bool returned)
    {
        returned = false;
        var sub = f.Slots[f.Sp - 1].V;
        if (thrown.Type.IsSubtypeOf(Types.GeneratorExit))
        {
            try
            {
                if (sub is PyGenerator g) g.Close(ts);
                else if (Ops.TryGetAttr(ts, sub, ts.Interp.Intern("close")) is { } close)
                {
                    try { Rc.Decref(ts, Ops.Call0(ts, close)); }
                    finally { Rc.Decref(ts, close); }
                }
            }
            catch (PyException e)
            {
                Rc.Decref(ts, thrown);
                ts.CurrentException = e.Value;
                return null;
            }
            ts.CurrentException = thrown;
            return null;
        }
        if (sub is PyGenerator inner)
        {
            var r = inner.Resume(ts, Types.None, out returned, thrown);
            return r;
        }
        if (sub is PyAsyncGenAwaitable awaitable) return awaitable.Step(ts, Types.None, thrown, out returned);
        var method = Ops.TryGetAttr(ts, sub, ts.Interp.Intern("throw"));
        if (method is null)
        {
            ts.CurrentException = thrown;
            return null;
        }
        try
        {
            var y = Ops.Call1(ts, method, thrown);
            Rc.Decref(ts, thrown);
            return y;
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(Types.StopIteration))
        {
            Rc.Decref(ts, thrown);
            returned = true;
            return EvalHelpers.TakeStopIterationValue(ts, e.Value);
        }
        catch (PyException e)
        {
            Rc.Decref(ts, thrown);
            ts.CurrentException = e.Value;
            return null;
        }
        finally { Rc.Decref(ts, method); }
    }

    /// <summary>PEP 479: a StopIteration escaping a generator's frame becomes RuntimeError (takes over <paramref name="exc"/>).</summary>
    public static PyBaseException StopIterationInGenerator(ThreadState ts, PyBaseException exc)
    {
        var err = new PyBaseException(Types.RuntimeError, new PyStr("generator raised StopIteration"));
        err.SetCause(ts, exc);
        err.SuppressContext = true;
        err.SetContext(ts, exc);
        Rc.Decref(ts, exc);
        return err;
    }

    /// <summary>Whether FOR_ITER may run this generator's frame inside its own loop.</summary>
    public bool CanRunInline => _frame is not null && !_running;

    /// <summary>Resumes inside the caller's eval loop (as next()): returns the frame to continue with.</summary>
    public Frame EnterInline(ThreadState ts, Frame caller)
    {
        var f = _frame!;
        if (f.Pc > 0) f.Slots[f.Sp++].V = Types.None; // the value of the suspended yield expression
        f.Yielded = false;
        f.IsEntry = false;
        f.Back = caller;
        _running = true;
        return f;
    }

    /// <summary>The inline frame yielded, returned or raised.</summary>
    public void LeaveInline() => _running = false;

    public override PyObject Iter(ThreadState ts) =>
        Type == Types.Generator ? Rc.New(ts, this) : throw Err.TypeError($"'{Type.Name}' object is not iterable");

    public override PyObject? Next(ThreadState ts)
    {
        var r = Resume(ts, Types.None, out bool returned);
        if (r is null) throw ts.TakeException();
        if (returned)
        {
            Rc.Decref(ts, r);
            return null;
        }
        return r;
    }

    /// <summary>gen.send(value): the next yielded value, or StopIteration carrying the return value.</summary>
    public PyObject Send(ThreadState ts, PyObject value)
    {
        var r = Resume(ts, value, out bool returned);
        if (r is null) throw ts.TakeException();
        if (returned) throw Err.StopIteration(r is PyNone ? null : r);
        return r;
    }

    /// <summary>gen.throw(exc): raises exc at the suspension point.</summary>
    public PyObject Throw(ThreadState ts, PyBaseException exc)
    {
        Rc.Incref(ts, exc);
        var r = Resume(ts, Types.None, out bool returned, exc);
        if (r is null) throw ts.TakeException();
        if (returned) throw Err.StopIteration(r is PyNone ? null : r);
        return r;
    }

    /// <summary>gen.close(): GeneratorExit at the suspension point; the generator must not yield again.</summary>
    public void Close(ThreadState ts)
    {
        if (_frame is null) return;
        if (_frame.Pc == 0) { Finish(ts); return; }
        var exit = new PyBaseException(Types.GeneratorExit);
        var r = Resume(ts, Types.None, out bool returned, exit);
        if (r is null)
        {
            var e = ts.CurrentException!;
            if (e.Type.IsSubtypeOf(Types.GeneratorExit) || e.Type.IsSubtypeOf(Types.StopIteration))
            {
                ts.CurrentException = null;
                Rc.Decref(ts, e);
                return;
            }
            throw ts.TakeException();
        }
        Rc.Decref(ts, r);
        if (!returned) throw Err.RuntimeError("generator ignored GeneratorExit");
    }

    public override PyObject Repr(ThreadState ts) =>
        new PyStr($"<{Type.Name} object {((PyStr)_qualName).Value} at 0x{IdentityOf(this):x}>");

    public PyObject Name => _name;
    public PyObject QualName => _qualName;

    public override void Traverse(IReferenceVisitor visitor)
    {
        visitor.Visit(_name);
        visitor.Visit(_qualName);
        var f = _frame;
        if (f is null) return;
        visitor.Visit(f.Function);
        for (int i = f.Base; i < f.Sp; i++) visitor.Visit(f.Slots[i].V);
    }

    public override void ReleaseReferences(ThreadState ts)
    {
        Finish(ts);
        Rc.Decref(ts, _name);
        Rc.Decref(ts, _qualName);
    }
}
