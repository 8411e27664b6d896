using System;
using System.IO;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>
/// The console stream under sys.stdout and sys.stderr: the operating-system write may block (a full pipe,
/// a slow terminal), so the thread that the text stream names as <see cref="Writer"/> releases the GIL
/// around it, as CPython's buffered writer does.
/// </summary>
internal sealed class GilReleasingStream : Stream
{
    private readonly Stream _inner;

    public GilReleasingStream(Stream inner) { _inner = inner; }

    /// <summary>The thread writing right now (set by the text stream while it holds its own lock), or null
    /// when the write happens outside Python code (start-up, the final flush).</summary>
    public ThreadState? Writer { get; set; }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var ts = Writer;
        if (ts is null)
        {
            _inner.Write(buffer);
            return;
        }
        ts.BeginBlocking();
        try { _inner.Write(buffer); }
        finally { ts.EndBlocking(); }
    }

    public override void Flush() => _inner.Flush();
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
