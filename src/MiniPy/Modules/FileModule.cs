using System;
using System.IO;
using System.Text;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>open(): text and binary files, read and written whole or by line. System calls release the GIL.</summary>
internal sealed class PyFile : PyObject
{
    private readonly GilReleasingStream _stream;
    private readonly StreamGate _gate;
    private readonly StreamReader? _reader;
    private readonly StreamWriter? _writer;
    public readonly bool Binary;
    public readonly string Path;
    private bool _closed;

    public PyFile(string path, FileStream stream, bool binary, bool write) : base(FileModule.FileType)
    {
        Path = path;
        _stream = new GilReleasingStream(stream);
        _gate = new StreamGate(_stream);
        Binary = binary;
        if (!binary)
        {
            if (write) _writer = new StreamWriter(_stream, new UTF8Encoding(false)) { NewLine = "\n" };
            else _reader = new StreamReader(_stream, Encoding.UTF8);
        }
    }

    private void CheckOpen()
    {
        if (_closed) throw Err.ValueError("I/O operation on closed file.");
    }

    public PyObject Read(ThreadState ts)
    {
        CheckOpen();
        _gate.Enter(ts);
        try
        {
            if (Binary)
            {
                var ms = new MemoryStream();
                _stream.CopyTo(ms);
                return new PyBytes(ms.ToArray());
            }
            return new PyStr(_reader!.ReadToEnd().Replace("\r\n", "\n"));
        }
        finally { _gate.Exit(); }
    }

    public PyObject? ReadLine(ThreadState ts)
    {
        CheckOpen();
        var sb = new StringBuilder();
        _gate.Enter(ts);
        try
        {
            while (true)
            {
                int c = _reader!.Read();
                if (c < 0) break;
                sb.Append((char)c);
                if (c == '\n') break;
            }
        }
        finally { _gate.Exit(); }
        return sb.Length == 0 ? null : new PyStr(sb.ToString());
    }

    public void Write(ThreadState ts, PyObject data)
    {
        CheckOpen();
        byte[]? bytes = Binary ? BytesMethods.AsBytes(ts, data) : null;
        string? text = Binary ? null : Ops.StrString(ts, data);
        _gate.Enter(ts);
        try
        {
            if (bytes is not null) _stream.Write(bytes);
            else _writer!.Write(text);
        }
        finally { _gate.Exit(); }
    }

    public void Close(ThreadState ts)
    {
        if (_closed) return;
        _closed = true;
        _gate.Enter(ts);
        try
        {
            _writer?.Flush();
            _stream.Dispose();
        }
        finally { _gate.Exit(); }
    }

    public override PyObject Iter(ThreadState ts) => Rc.New(ts, this);
    public override PyObject? Next(ThreadState ts) => ReadLine(ts);
    public override void ReleaseReferences(ThreadState ts) => Close(ts);
    public override PyObject Repr(ThreadState ts) => new PyStr($"<_io.TextIOWrapper name='{Path}'>");
}

internal static class FileModule
{
    public static readonly PyType FileType = CreateType();

    private static PyType CreateType()
    {
        var t = new PyType("TextIOWrapper", Types.Object, null, Types.Type);
        t.Dict.Type = Types.Dict;
        Reg.Method(t, "read", (ThreadState ts, PyObject? self, in Args a) => ((PyFile)self!).Read(ts));
        Reg.Method(t, "readline", (ThreadState ts, PyObject? self, in Args a) => ((PyFile)self!).ReadLine(ts) ?? new PyStr(""));
        Reg.Method(t, "readlines", (ThreadState ts, PyObject? self, in Args a) =>
        {
            var l = new PyList();
            while (((PyFile)self!).ReadLine(ts) is { } line) l.AppendOwned(line);
            return l;
        });
        Reg.Method(t, "write", (ThreadState ts, PyObject? self, in Args a) => { ((PyFile)self!).Write(ts, a[0]); return ts.NewInt(Ops.Length(ts, a[0])); });
        Reg.Method(t, "close", (ThreadState ts, PyObject? self, in Args a) => { ((PyFile)self!).Close(ts); return Types.None; });
        Reg.Method(t, "__enter__", (ThreadState ts, PyObject? self, in Args a) => Rc.New(ts, self!));
        Reg.Method(t, "__exit__", (ThreadState ts, PyObject? self, in Args a) => { ((PyFile)self!).Close(ts); return Types.None; });
        Reg.Slots(t, "__iter__", "__next__");
        return t;
    }

    public static PyObject Open(ThreadState ts, in Args a)
    {
        a.CheckKeywords("open", "file", "mode", "encoding", "errors", "newline");
        var path = Ops.StrString(ts, a.Get(0, "file") ?? throw Err.TypeError("open() missing required argument 'file' (pos 1)"));
        var mode = a.Get(1, "mode") is { } m ? Ops.StrString(ts, m) : "r";
        if (!Capabilities.Allows(ts, Hosting.ScriptCapabilities.FileSystem))
            throw Err.Make(Types.PermissionError, $"[Errno 13] Permission denied: '{path}' (the host denies file-system access)");
        bool binary = mode.Contains('b');
        bool write = mode.Contains('w') || mode.Contains('a') || mode.Contains('x');
        try
        {
            var fm = mode.Contains('w') ? FileMode.Create : mode.Contains('a') ? FileMode.Append : mode.Contains('x') ? FileMode.CreateNew : FileMode.Open;
            var stream = new FileStream(path, fm, write ? FileAccess.Write : FileAccess.Read);
            return new PyFile(path, stream, binary, write);
        }
        catch (FileNotFoundException) { throw OsError(Types.FileNotFoundError, 2, "No such file or directory", path); }
        catch (DirectoryNotFoundException) { throw OsError(Types.FileNotFoundError, 2, "No such file or directory", path); }
        catch (UnauthorizedAccessException) { throw OsError(Types.PermissionError, 13, "Permission denied", path); }
        catch (IOException e) { throw OsError(Types.OSError, 5, e.Message, path); }
    }

    private static PyException OsError(PyType type, int errno, string message, string path)
    {
        return new PyException(new PyBaseException(type, new PyStr($"[Errno {errno}] {message}: '{path}'")));
    }
}
