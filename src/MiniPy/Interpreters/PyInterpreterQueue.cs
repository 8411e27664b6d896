using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Interpreters;

/// <summary>interpreters.Queue: this interpreter's handle to a cross-interpreter queue. Handles to one
/// queue in different interpreters compare equal (by id).</summary>
internal sealed class PyInterpreterQueue : PyObject
{
    public readonly InterpreterQueue Queue;

    public PyInterpreterQueue(InterpreterQueue queue) : base(InterpreterTypes.Queue) { Queue = queue; }

    public override PyObject Repr(ThreadState ts) => new PyStr($"interpreters.Queue({Queue.Id})");

    public override long Hash(ThreadState ts) => Queue.Id;

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op)
    {
        if (op is not (CompareOp.Eq or CompareOp.Ne) || other is not PyInterpreterQueue q) return null;
        return PyBool.Of((q.Queue == Queue) == (op == CompareOp.Eq));
    }
}
