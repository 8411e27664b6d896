using System;
using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>enumerate(iterable, start).</summary>
internal sealed class PyEnumerate : PyObject
{
    private readonly PyObject _it;
    private long _index;

    public PyEnumerate(ThreadState ts, PyObject iterator, long start) : base(Types.Enumerate) { _it = iterator; _index = start; }

    public override PyObject Iter(ThreadState ts) => Rc.New(ts, this);

    public override PyObject? Next(ThreadState ts)
    {
        var x = Ops.Next(ts, _it);
        if (x is null) return null;
        return ts.NewTuple(new[] { ts.NewInt(_index++), x });
    }

    public override void Traverse(IReferenceVisitor visitor) => visitor.Visit(_it);
    public override void ReleaseReferences(ThreadState ts) => Rc.Decref(ts, _it);
}

/// <summary>zip(*iterables, strict=False).</summary>
internal sealed class PyZip : PyObject
{
    private readonly PyObject[] _its;
    private readonly bool _strict;

    /// <summary>Takes ownership of the iterators.</summary>
    public PyZip(PyObject[] iterators, bool strict) : base(Types.Zip) { _its = iterators; _strict = strict; }

    public override PyObject Iter(ThreadState ts) => Rc.New(ts, this);

    public override PyObject? Next(ThreadState ts)
    {
        if (_its.Length == 0) return null;
        var items = new PyObject[_its.Length];
        for (int i = 0; i < _its.Length; i++)
        {
            var x = Ops.Next(ts, _its[i]);
            if (x is null)
            {
                for (int j = 0; j < i; j++) Rc.Decref(ts, items[j]);
                if (_strict)
                {
                    if (i > 0) throw Err.ValueError($"zip() argument {i + 1} is shorter than argument{(i == 1 ? "" : "s")} 1{(i == 1 ? "" : "-" + i)}");
                    for (int j = 1; j < _its.Length; j++)
                    {
                        var y = Ops.Next(ts, _its[j]);
                        if (y is not null)
                        {
                            Rc.Decref(ts, y);
                            throw Err.ValueError($"zip() argument {j + 1} is longer than argument{(j == 1 ? "" : "s")} 1{(j == 1 ? "" : "-" + j)}");
                        }
                    }
                }
                return null;
            }
            items[i] = x;
        }
        return ts.NewTuple(items);
    }

    public override void Traverse(IReferenceVisitor visitor) { foreach (var i in _its) visitor.Visit(i); }
    public override void ReleaseReferences(ThreadState ts) { foreach (var i in _its) Rc.Decref(ts, i); }
}

/// <summary>map(function, *iterables).</summary>
internal sealed class PyMap : PyObject
{
    private readonly PyObject _fn;
    private readonly PyObject[] _its;

    /// <summary>Adds a reference to the function; takes ownership of the iterators.</summary>
    public PyMap(ThreadState ts, PyObject fn, PyObject[] iterators) : base(Types.Map)
    {
        _fn = fn;
        Rc.Incref(ts, fn);
        _its = iterators;
    }

    public override PyObject Iter(ThreadState ts) => Rc.New(ts, this);

    public override PyObject? Next(ThreadState ts)
    {
        var args = new PyObject[_its.Length];
        int got = 0;
        try
        {
            for (; got < _its.Length; got++)
            {
                var x = Ops.Next(ts, _its[got]);
                if (x is null) return null;
                args[got] = x;
            }
            return Ops.Call(ts, _fn, args);
        }
        finally { for (int j = 0; j < got; j++) Rc.Decref(ts, args[j]); }
    }

    public override void Traverse(IReferenceVisitor visitor)
    {
        visitor.Visit(_fn);
        foreach (var i in _its) visitor.Visit(i);
    }

    public override void ReleaseReferences(ThreadState ts)
    {
        Rc.Decref(ts, _fn);
        foreach (var i in _its) Rc.Decref(ts, i);
    }
}

/// <summary>filter(function or None, iterable).</summary>
internal sealed class PyFilter : PyObject
{
    private readonly PyObject _fn;
    private readonly PyObject _it;

    public PyFilter(ThreadState ts, PyObject fn, PyObject iterator) : base(Types.Filter)
    {
        _fn = fn;
        Rc.Incref(ts, fn);
        _it = iterator;
    }

    public override PyObject Iter(ThreadState ts) => Rc.New(ts, this);

    public override PyObject? Next(ThreadState ts)
    {
        while (true)
        {
            var x = Ops.Next(ts, _it);
            if (x is null) return null;
            bool keep;
            try
            {
                if (_fn is PyNone) keep = Ops.IsTrue(ts, x);
                else
                {
                    var r = Ops.Call1(ts, _fn, x);
                    keep = Ops.IsTrue(ts, r);
                    Rc.Decref(ts, r);
                }
            }
            catch
            {
                Rc.Decref(ts, x);
                throw;
            }
            if (keep) return x;
            Rc.Decref(ts, x);
        }
    }

    public override void Traverse(IReferenceVisitor visitor) { visitor.Visit(_fn); visitor.Visit(_it); }
    public override void ReleaseReferences(ThreadState ts) { Rc.Decref(ts, _fn); Rc.Decref(ts, _it); }
}

/// <summary>reversed(sequence): indexes from the end with __getitem__.</summary>
internal sealed class PyReversed : PyObject
{
    private readonly PyObject _seq;
    private long _index;

    public PyReversed(ThreadState ts, PyObject seq, long length) : base(Types.Reversed)
    {
        _seq = seq;
        Rc.Incref(ts, seq);
        _index = length - 1;
    }

    public override PyObject Iter(ThreadState ts) => Rc.New(ts, this);

    public override PyObject? Next(ThreadState ts)
    {
        if (_index < 0) return null;
        if (_seq is PyList l)
        {
            if (_index >= l.Count) { _index = -1; return null; }
            return Rc.New(ts, l.Items[_index--]);
        }
        var key = ts.NewInt(_index--);
        try { return Ops.GetItem(ts, _seq, key); }
        finally { Rc.Decref(ts, key); }
    }

    public override long Length(ThreadState ts) => Math.Max(0, _index + 1);

    public override void Traverse(IReferenceVisitor visitor) => visitor.Visit(_seq);
    public override void ReleaseReferences(ThreadState ts) => Rc.Decref(ts, _seq);
}

/// <summary>iter(callable, sentinel).</summary>
internal sealed class PyCallableIterator : PyObject
{
    private readonly PyObject _fn, _sentinel;
    private bool _done;

    public PyCallableIterator(ThreadState ts, PyObject fn, PyObject sentinel) : base(Types.CallableIterator)
    {
        _fn = fn;
        _sentinel = sentinel;
        Rc.Incref(ts, fn);
        Rc.Incref(ts, sentinel);
    }

    public override PyObject Iter(ThreadState ts) => Rc.New(ts, this);

    public override PyObject? Next(ThreadState ts)
    {
        if (_done) return null;
        var r = Ops.Call0(ts, _fn);
        if (Ops.EqualsBool(ts, r, _sentinel))
        {
            Rc.Decref(ts, r);
            _done = true;
            return null;
        }
        return r;
    }

    public override void Traverse(IReferenceVisitor visitor) { visitor.Visit(_fn); visitor.Visit(_sentinel); }
    public override void ReleaseReferences(ThreadState ts) { Rc.Decref(ts, _fn); Rc.Decref(ts, _sentinel); }
}
