using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules.Collections;

/// <summary>Iterates over a deque (forwards or, for reversed(), backwards); a deque changed since the iterator was
/// made raises RuntimeError, as in CPython.</summary>
internal sealed class PyDequeIterator : PyObject
{
    private readonly PyDeque _deque;
    private readonly long _state;
    private readonly bool _reversed;
    private int _done;

    public PyDequeIterator(ThreadState ts, PyDeque deque, bool reversed)
        : base(reversed ? CollectionsTypes.DequeReverseIterator : CollectionsTypes.DequeIterator)
    {
        _deque = deque;
        Rc.Incref(ts, deque);
        _state = deque.State;
        _reversed = reversed;
    }

    public override PyObject Iter(ThreadState ts) => Rc.New(ts, this);

    public override PyObject? Next(ThreadState ts)
    {
        using var cs = new Concurrency.CriticalSection(ts, _deque);
        if (_deque.State != _state)
        {
            _done = int.MaxValue;
            throw PyDeque.Mutated();
        }
        if (_done >= _deque.Count) return null;
        int i = _reversed ? _deque.Count - 1 - _done : _done;
        _done++;
        return Rc.New(ts, _deque.At(i));
    }

    public override long Length(ThreadState ts) => System.Math.Max(0, _deque.Count - _done);

    public override void Traverse(IReferenceVisitor visitor) => visitor.Visit(_deque);
    public override void ReleaseReferences(ThreadState ts) => Rc.Decref(ts, _deque);
}
