using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>
/// What an async generator's <c>__anext__()</c>, <c>asend(v)</c>, <c>athrow(e)</c> and <c>aclose()</c> return:
/// an awaitable that runs the generator until it yields a value of its own (the await's result), returns
/// (StopAsyncIteration), or passes up something an inner await yielded (the event loop's business).
/// </summary>
internal sealed class PyAsyncGenAwaitable : PyObject
{
    public enum Mode { Send, Throw, Close }

    private readonly PyGenerator _gen;
    private readonly Mode _mode;
    private PyObject? _first;            // the value to send first (asend), owned
    private PyBaseException? _firstThrow; // the exception to throw first (athrow, aclose), owned
    private bool _done;

    public PyAsyncGenAwaitable(ThreadState ts, PyGenerator gen, Mode mode, PyObject? first, PyBaseException? firstThrow)
        : base(Types.AsyncGenAwaitable)
    {
        _gen = gen;
        Rc.Incref(ts, gen);
        _mode = mode;
        _first = first;
        _firstThrow = firstThrow;
    }

    /// <summary>One step: the value to yield outward (<paramref name="returned"/> false), the await's result
    /// (true), or null with the exception in ts.CurrentException. <paramref name="thrown"/> is owned.</summary>
    public PyObject? Step(ThreadState ts, PyObject sent, PyBaseException? thrown, out bool returned)
    {
        returned = false;
        if (_done)
        {
            Rc.XDecref(ts, thrown);
            ts.CurrentException = new PyBaseException(Types.RuntimeError, new PyStr("cannot reuse already awaited __anext__()/asend()"));
            return null;
        }
        if (_first is not null)
        {
            sent = _first;
            _first = null;
            try { return Finish(ts, _gen.Resume(ts, sent, out bool r1), r1, out returned); }
            finally { Rc.Decref(ts, sent); }
        }
        if (_firstThrow is not null && thrown is null)
        {
            thrown = _firstThrow;
            _firstThrow = null;
        }
        return Finish(ts, _gen.Resume(ts, sent, out bool r2, thrown), r2, out returned);
    }

    private PyObject? Finish(ThreadState ts, PyObject? r, bool genReturned, out bool returned)
    {
        returned = false;
        if (r is null)
        {
            _done = true;
            var e = ts.CurrentException!;
            if (_mode == Mode.Close && (e.Type.IsSubtypeOf(Types.GeneratorExit) || e.Type.IsSubtypeOf(Types.StopAsyncIteration)))
            {
                ts.CurrentException = null;
                Rc.Decref(ts, e);
                returned = true;
                return Types.None;
            }
            return null;
        }
        if (genReturned)
        {
            _done = true;
            Rc.Decref(ts, r);
            if (_mode == Mode.Close)
            {
                returned = true;
                return Types.None;
            }
            ts.CurrentException = new PyBaseException(Types.StopAsyncIteration);
            return null;
        }
        if (r is PyAsyncGenWrapped w)
        {
            _done = true;
            if (_mode == Mode.Close)
            {
                Rc.Decref(ts, r);
                ts.CurrentException = new PyBaseException(Types.RuntimeError, new PyStr("async generator ignored GeneratorExit"));
                return null;
            }
            var value = Rc.New(ts, w.Value);
            Rc.Decref(ts, r);
            returned = true;
            return value;
        }
        return r;
    }

    /// <summary>send(v) as a coroutine: the next value to pass up, or StopIteration carrying the result.</summary>
    public PyObject Send(ThreadState ts, PyObject sent, PyBaseException? thrown)
    {
        var r = Step(ts, sent, thrown, out bool returned);
        if (r is null) throw ts.TakeException();
        if (returned) throw Err.StopIteration(r is PyNone ? null : r);
        return r;
    }

    public override PyObject Iter(ThreadState ts) => Rc.New(ts, this);

    public override PyObject? Next(ThreadState ts) => Send(ts, Types.None, null);

    public override void Traverse(IReferenceVisitor visitor)
    {
        visitor.Visit(_gen);
        visitor.Visit(_first);
        visitor.Visit(_firstThrow);
    }

    public override void ReleaseReferences(ThreadState ts)
    {
        Rc.Decref(ts, _gen);
        Rc.XDecref(ts, _first);
        Rc.XDecref(ts, _firstThrow);
    }
}
