using System;

namespace MiniPy.Hosting;

/// <summary>What scripts may reach outside the interpreter. A script denied a capability gets a Python
/// <c>PermissionError</c> where it would have used it.</summary>
[Flags]
public enum ScriptCapabilities
{
    /// <summary>Nothing outside the interpreter.</summary>
    None = 0,
    /// <summary><c>open()</c>, and imports of <c>.py</c>/<c>.mpy</c> files from <c>sys.path</c>.</summary>
    FileSystem = 1,
    /// <summary><c>os.environ</c>, <c>os.getenv</c>, <c>os.getcwd</c>, <c>os.getpid</c>.</summary>
    Environment = 2,
    /// <summary>The wall clock and timers: <c>time.time</c>, <c>time.perf_counter</c>, <c>time.sleep</c>, ...</summary>
    Clock = 4,
    /// <summary>Starting threads (<c>_thread</c>, <c>threading</c>, thread pools).</summary>
    Threads = 8,
    /// <summary>Everything (the default, and what the command-line tool uses).</summary>
    All = FileSystem | Environment | Clock | Threads,
}
