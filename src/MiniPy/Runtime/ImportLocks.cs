using System.Collections.Generic;
using System.Threading;

namespace MiniPy.Runtime;

/// <summary>
/// Per-module import locks, as CPython's: while one thread runs a module's code (it may drop the GIL at
/// any backward jump), another thread importing the same module waits for it to finish instead of
/// seeing it half-initialised. The importing thread itself (a circular import) sees the partial module.
/// </summary>
internal sealed class ImportLocks
{
    private sealed class InProgress
    {
        public required ThreadState Owner;
        public readonly ManualResetEventSlim Done = new(false);
    }

    private readonly Dictionary<string, InProgress> _running = new();

    /// <summary>Marks <paramref name="name"/> as being initialised by <paramref name="ts"/>.</summary>
    public void Begin(ThreadState ts, string name)
    {
        lock (_running) _running[name] = new InProgress { Owner = ts };
    }

    public void End(string name)
    {
        InProgress? entry;
        lock (_running)
        {
            if (!_running.Remove(name, out entry)) return;
        }
        entry.Done.Set();
    }

    /// <summary>Waits, without the GIL, while another thread initialises <paramref name="name"/>.
    /// Returns true if it had to wait (the caller looks the module up again).</summary>
    public bool WaitIfInitialising(ThreadState ts, string name)
    {
        InProgress? entry;
        lock (_running)
        {
            if (!_running.TryGetValue(name, out entry) || entry.Owner == ts) return false;
        }
        ts.BeginBlocking();
        try { entry.Done.Wait(); }
        finally { ts.EndBlocking(); }
        return true;
    }
}
