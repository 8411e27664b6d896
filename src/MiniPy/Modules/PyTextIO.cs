using System.IO;
using MiniPy.Objects;
using MiniPy.Runtime;


namespace MiniPy.Modules;

/// <summary>A text stream (sys.stdout, sys.stderr, a file opened in text mode).</summary>
internal sealed class PyTextIO : PyObject
{
    public readonly TextWriter Writer;
    public readonly TextReader? Reader;
    public readonly string Name;
    private readonly bool _autoFlush;
    public bool Closed;

    /// <summary>Serialises writers: the stream may be shared by several Python threads.</summary>
    private readonly StreamGate _gate;

    /// <summary>Another interpreter's view of the same stream: same writer, same lock, its own object.</summary>
    public PyTextIO(PyTextIO shared) : base(Types.TextIO)
    {
        Writer = shared.Writer;
        Reader = shared.Reader;
        Name = shared.Name;
        _autoFlush = shared._autoFlush;
        _gate = shared._gate;
    }

    public PyTextIO(TextWriter writer, string name, bool autoFlush = false, TextReader? reader = null, GilReleasingStream? console = null)
        : base(Types.TextIO)
    {
        Writer = writer;
        Reader = reader;
        Name = name;
        _autoFlush = autoFlush;
        _gate = new StreamGate(console);
    }

    /// <summary>Writes outside Python code (reports at exit, the REPL's echo), without touching the GIL.</summary>
    public void Write(string s)
    {
        if (Closed) throw Err.ValueError("I/O operation on closed file.");
        _gate.EnterOutsidePython();
        try
        {
            Writer.Write(s);
            if (_autoFlush) Writer.Flush();
        }
        finally { _gate.Exit(); }
    }

    /// <summary>Writes for a Python thread: the GIL is released while the OS write blocks.</summary>
    public void Write(ThreadState ts, string s)
    {
        if (Closed) throw Err.ValueError("I/O operation on closed file.");
        _gate.Enter(ts);
        try
        {
            Writer.Write(s);
            if (_autoFlush) Writer.Flush();
        }
        finally { _gate.Exit(); }
    }

    public void Flush(ThreadState ts)
    {
        _gate.Enter(ts);
        try { Writer.Flush(); }
        finally { _gate.Exit(); }
    }

    /// <summary>Flushes outside Python code.</summary>
    public void Flush()
    {
        _gate.EnterOutsidePython();
        try { Writer.Flush(); }
        finally { _gate.Exit(); }
    }

    public override PyObject Repr(ThreadState ts) => new PyStr($"<_io.TextIOWrapper name='{Name}' mode='w' encoding='utf-8'>");

    public static void Register()
    {
        var t = Types.TextIO;
        Reg.Method(t, "write", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("write", 1, 1);
            var s = a[0] as PyStr ?? throw Err.TypeError($"write() argument must be str, not {a[0].Type.Name}");
            ((PyTextIO)self!).Write(ts, s.Value);
            return ts.NewInt(s.CodePointLength);
        });
        Reg.Method(t, "flush", (ThreadState ts, PyObject? self, in Args a) => { ((PyTextIO)self!).Flush(ts); return Types.None; });
        Reg.Method(t, "writelines", (ThreadState ts, PyObject? self, in Args a) =>
        {
            foreach (var x in Ops.ToArray(ts, a[0])) { ((PyTextIO)self!).Write(ts, Ops.StrString(ts, x)); Rc.Decref(ts, x); }
            return Types.None;
        });
        Reg.Method(t, "isatty", (ThreadState ts, PyObject? self, in Args a) => Types.False);
        Reg.Method(t, "fileno", (ThreadState ts, PyObject? self, in Args a) => ts.NewInt(((PyTextIO)self!).Name == "<stderr>" ? 2 : 1));
        Reg.GetSet(t, "name", (ts, self) => new PyStr(((PyTextIO)self).Name));
        Reg.GetSet(t, "encoding", (ts, self) => new PyStr("utf-8"));
        Reg.GetSet(t, "closed", (ts, self) => PyBool.Of(((PyTextIO)self).Closed));
    }
}
