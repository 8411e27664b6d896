using System.Threading;
using MiniPy.Runtime;

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
        if (Monitor.TryEnter(_sync))
        {
            Hold(ts);
            return;
        }
        ts.BeginBlocking();
        try
        {
            Monitor.Enter(_sync);
            // Recorded before the GIL is taken back: if the interpreter is shutting down, this thread parks in
            // EndBlocking for good, and the park path must find the gate to abandon it (or the main thread's
            // final flush would wait for it forever).
            Hold(ts);
        }
        finally { ts.EndBlocking(); }
    }

    private void Hold(ThreadState ts)
    {
        if (_stream is not null) _stream.Caller = ts;
        _holder = ts;
        ts.HeldGate = this;
    }

    private ThreadState? _holder;

    /// <summary>The holder will never run again (a daemon thread stopped at shutdown in the middle of a
    /// system call): let others use the stream. Its buffers are consistent, since the stopped thread was
    /// inside the operating-system call, after the buffer had been handed over.</summary>
    public void Abandon(ThreadState ts)
    {
        if (_holder != ts) return;
        ts.HeldGate = null;
        Exit();
    }

    /// <summary>Enters without a Python thread (reports at exit): system calls keep whatever GIL state there is.</summary>
    public void EnterOutsidePython() => Monitor.Enter(_sync);

    public void Exit()
    {
        if (_stream is not null) _stream.Caller = null;
        if (_holder is not null)
        {
            _holder.HeldGate = null;
            _holder = null;
        }
        Monitor.Exit(_sync);
    }
}
