using System.Text;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>dict.keys(), dict.values(), dict.items(): live views of a dict.</summary>
internal sealed class PyDictView : PyObject
{
    public readonly PyDict Dict;
    public readonly DictIterKind Kind;

    public PyDictView(ThreadState ts, PyDict dict, DictIterKind kind)
        : base(kind == DictIterKind.Keys ? Types.DictKeys : kind == DictIterKind.Values ? Types.DictValues : Types.DictItems)
    {
        Dict = dict;
        Kind = kind;
        Rc.Incref(ts, dict);
    }

    public override bool HasLength => true;
    public override long Length(ThreadState ts) => Dict.Count;
    public override bool IsTrue(ThreadState ts) => Dict.Count > 0;
    public override PyObject Iter(ThreadState ts) => new PyDictIterator(ts, Dict, Kind);

    public override bool Contains(ThreadState ts, PyObject item)
    {
        if (Kind == DictIterKind.Keys) return Dict.ContainsKey(ts, item);
        if (Kind == DictIterKind.Items && item is PyTuple { Count: 2 } t)
        {
            var v = Dict.GetItemOrNull(ts, t.Items[0]);
            return v is not null && Ops.EqualsBool(ts, v, t.Items[1]);
        }
        return Ops.ContainsByIteration(ts, this, item);
    }

    public override PyObject Repr(ThreadState ts)
    {
        var list = Ops.ToList(ts, this);
        try { return new PyStr(Type.Name + "(" + Ops.ReprString(ts, list) + ")"); }
        finally { Rc.Decref(ts, list); }
    }

    private PySet ToSet(ThreadState ts)
    {
        var s = new PySet(false);
        s.UpdateFrom(ts, this);
        return s;
    }

    public override PyObject? RichCompare(ThreadState ts, PyObject other, CompareOp op)
    {
        if (Kind == DictIterKind.Values) return null;
        if (other is not PySet && other is not PyDictView) return null;
        var a = ToSet(ts);
        var b = other is PySet ? Rc.New(ts, other) : ((PyDictView)other).ToSet(ts);
        try { return a.RichCompare(ts, b, op); }
        finally { Rc.Decref(ts, a); Rc.Decref(ts, b); }
    }

    public override PyObject? BinaryOp(ThreadState ts, BinaryOp op, PyObject other, bool reflected)
    {
        if (Kind == DictIterKind.Values) return null;
        var a = ToSet(ts);
        PySet b;
        if (other is PySet os) b = Rc.New(ts, os);
        else
        {
            b = new PySet(false);
            b.UpdateFrom(ts, other);
        }
        try { return reflected ? b.BinaryOp(ts, op, a, false) : a.BinaryOp(ts, op, b, false); }
        finally { Rc.Decref(ts, a); Rc.Decref(ts, b); }
    }

    public override void Traverse(IReferenceVisitor visitor) => visitor.Visit(Dict);
    public override void ReleaseReferences(ThreadState ts) => Rc.Decref(ts, Dict);
}
