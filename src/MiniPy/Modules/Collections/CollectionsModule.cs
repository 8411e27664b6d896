using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules.Collections;

/// <summary>The _collections module: the native deque that the frozen collections module re-exports (as CPython's
/// collections does), so that its appends and pops are atomic in every mode.</summary>
internal static class CollectionsModule
{
    public static PyModule Create(ThreadState ts)
    {
        var m = new PyModule(ts, "_collections");
        m.Dict.SetStr(ts, ts.Interp.Intern("deque"), CollectionsTypes.Deque);
        return m;
    }
}
