using System;
using System.Collections.Generic;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>_thread._local (threading.local): an object whose attributes are separate in every thread.</summary>
internal sealed class PyThreadLocal : PyObject
{
    private readonly Interpreter _interp;
    /// <summary>One attribute dict per thread ident (owned).</summary>
    private readonly Dictionary<int, PyDict> _dicts = new();

    public PyThreadLocal(Interpreter interp) : base(ThreadTypes.Local) { _interp = interp; }

    /// <summary>The calling thread's dict, made on its first use there.</summary>
    public override PyDict? InstanceDict
    {
        get
        {
            int ident = Environment.CurrentManagedThreadId;
            lock (_dicts)
            {
                if (_dicts.TryGetValue(ident, out var d)) return d;
                d = new PyDict();
                _dicts[ident] = d;
                // The thread drops its dict when it ends.
                foreach (var ts in _interp.Threads())
                    if (ts.Ident == ident) (ts.Locals ??= new List<PyThreadLocal>()).Add(this);
                return d;
            }
        }
    }

    /// <summary>A thread is ending: release its dict.</summary>
    public void DropThread(ThreadState ts)
    {
        PyDict? d;
        lock (_dicts)
        {
            if (!_dicts.Remove(ts.Ident, out d)) return;
        }
        Rc.Decref(ts, d);
    }

    public override void Traverse(IReferenceVisitor visitor)
    {
        lock (_dicts)
            foreach (var d in _dicts.Values) visitor.Visit(d);
    }

    public override void ReleaseReferences(ThreadState ts)
    {
        PyDict[] dicts;
        lock (_dicts)
        {
            dicts = new PyDict[_dicts.Count];
            _dicts.Values.CopyTo(dicts, 0);
            _dicts.Clear();
        }
        foreach (var d in dicts) Rc.Decref(ts, d);
    }
}
