using System;
using System.IO;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>
/// The operating-system stream under sys.stdout, sys.stderr and open() files: a read or write may block
/// (a full pipe, a slow terminal, a disk), so the thread named as <see cref="Caller"/> releases the GIL
/// around it, as CPython's buffered I/O does. The buffering layers above only reach this stream when
/// their buffer must be filled or emptied, so the GIL is released per system call, not per Python call.
/// </summary>
internal sealed class GilReleasingStream : Stream
{
    private readonly Stream _inner;

    public GilReleasingStream(Stream inner) { _inner = inner; }

    /// <summary>The thread doing I/O right now (set by <see cref="StreamGate"/> while it holds the stream's
    /// lock), or null when the I/O happens outside Python code (start-up, the final flush).</summary>
    public ThreadState? Caller { get; set; }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var ts = Caller;
        if (ts is null) return _inner.Read(buffer);
        ts.BeginBlocking();
        try { return _inner.Read(buffer); }
        finally { ts.EndBlocking(); }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var ts = Caller;
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
    public override bool CanRead => _inner.CanRead;
    public override bool CanSeek => false;
    public override bool CanWrite => _inner.CanWrite;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
