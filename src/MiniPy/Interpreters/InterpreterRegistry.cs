using System.Collections.Generic;
using System.Threading;
using MiniPy.Runtime;

namespace MiniPy.Interpreters;

/// <summary>
/// The interpreters of one runtime, by id, and the figures <c>--stats</c> reports about them. Shared by
/// all of them; every member is thread-safe.
/// </summary>
internal sealed class InterpreterRegistry
{
    private readonly Dictionary<long, Interpreter> _live = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HostModuleFactory> _hostModules = new();

    /// <summary>Makes a module written by the host importable in every interpreter of the runtime.</summary>
    public void AddHostModule(string name, HostModuleFactory factory) => _hostModules[name] = factory;

    public bool TryGetHostModule(string name, out HostModuleFactory factory) => _hostModules.TryGetValue(name, out factory!);

    public System.Collections.Generic.IEnumerable<string> HostModuleNames => _hostModules.Keys;
    private long _nextId;
    private long _nextQueueId;
    private long _created, _queuePuts, _queueGets;

    /// <summary>The id of an interpreter being made (0 for the first, the main one).</summary>
    public long NewInterpreterId() => Interlocked.Increment(ref _nextId) - 1;

    /// <summary>Makes a fully built interpreter visible to list_all() and lookups by id.</summary>
    public void Add(Interpreter interp)
    {
        lock (_live)
        {
            _live[interp.Id] = interp;
            _created++;
        }
    }

    public void Remove(Interpreter interp)
    {
        lock (_live) _live.Remove(interp.Id);
    }

    public Interpreter? Find(long id)
    {
        lock (_live) return _live.TryGetValue(id, out var i) ? i : null;
    }

    /// <summary>The live interpreters, by ascending id.</summary>
    public Interpreter[] All()
    {
        lock (_live)
        {
            var all = new Interpreter[_live.Count];
            _live.Values.CopyTo(all, 0);
            System.Array.Sort(all, static (a, b) => a.Id.CompareTo(b.Id));
            return all;
        }
    }

    public long NewQueueId() => Interlocked.Increment(ref _nextQueueId);

    /// <summary>How many exec'd scripts of one process may go through the on-disk code cache.</summary>
    private const int ExecCacheSlots = 16;
    private int _execCacheUses;

    /// <summary>True for the first <see cref="ExecCacheSlots"/> exec'd scripts of the process.</summary>
    public bool TryTakeExecCacheSlot() => Interlocked.Increment(ref _execCacheUses) <= ExecCacheSlots;

    public void CountPut() => Interlocked.Increment(ref _queuePuts);
    public void CountGet() => Interlocked.Increment(ref _queueGets);

    /// <summary>Interpreters created (the main one included), items put into and taken from queues.</summary>
    public (long Created, long Puts, long Gets) Stats()
    {
        lock (_live) return (_created, Interlocked.Read(ref _queuePuts), Interlocked.Read(ref _queueGets));
    }
}
