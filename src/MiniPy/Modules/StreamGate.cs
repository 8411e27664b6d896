using System.Threading;
using MiniPy.Runtime;
using ThreadState = MiniPy.Runtime.ThreadState;

namespace MiniPy.Modules;

/// <summary>
/// The lock of one Python-level stream (sys.stdout, a file): several Python threads may share the stream,
/// and its buffers are not thread-safe. A thread that must wait for the lock releases the GIL meanwhile,
/// because the holder may itself be waiting for the GIL to come back from a system call.
/// </summary>
internal sealed class StreamGate
{
    private readonly object _sync = new();
    private readonly GilReleasingStream? _stream;

    public StreamGate(GilReleasingStream? stream) { _stream = stream; }

    public void Enter(ThreadState ts)
    {
        if (!Monitor.TryEnter(_sync))
        {
            ts.BeginBlocking();
            try { Monitor.Enter(_sync); }
            finally { ts.EndBlocking(); }
        }
        if (_stream is not null) _stream.Caller = ts;
    }

    /// <summary>Enters without a Python thread (reports at exit): system calls keep whatever GIL state there is.</summary>
    public void EnterOutsidePython() => Monitor.Enter(_sync);

    public void Exit()
    {
        if (_stream is not null) _stream.Caller = null;
        Monitor.Exit(_sync);
    }
}
