using System;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Interpreters;

/// <summary>A host module as the runtime sees it: how to build an interpreter's copy, and whether it may
/// run without the GIL.</summary>
internal sealed record HostModuleFactory(Func<ThreadState, PyModule> Create, bool FreeThreadingSafe);
