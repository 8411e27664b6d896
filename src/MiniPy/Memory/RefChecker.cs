using System.Collections.Generic;
using System.Text;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Memory;

/// <summary>
/// The reference checker (<c>--check-refs</c>, <c>sys._check_refs()</c>): walks everything reachable from
/// the interpreter's roots, counts the references each object really has, and compares that with the
/// count in its header. Unreachable garbage (cycles left to .NET's GC) is not visited.
/// </summary>
internal sealed class RefChecker
{
    private readonly Interpreter _interp;
    public int UseAfterFree;

    public RefChecker(Interpreter interp) { _interp = interp; }

    public readonly record struct Report(int Checked, int Mismatches, string Text);

    public void ReportUseAfterFree(PyObject o, string what)
    {
        UseAfterFree++;
        _interp.Stderr.Write($"check-refs: {o.Type.Name} object {what}\n");
    }

    private sealed class Counter : IReferenceVisitor
    {
        public readonly Dictionary<PyObject, int> Found = new(ReferenceEqualityComparer.Instance);
        public readonly Queue<PyObject> Pending = new();

        public void Visit(PyObject? referent)
        {
            if (referent is null) return;
            if (Found.TryGetValue(referent, out int n)) Found[referent] = n + 1;
            else
            {
                Found[referent] = 1;
                Pending.Enqueue(referent);
            }
        }
    }

    private Counter Walk(IEnumerable<PyObject>? extraRoots)
    {
        var counter = new Counter();
        // References the interpreter itself holds.
        counter.Visit(_interp.Modules);
        counter.Visit(_interp.Builtins);
        counter.Visit(_interp.BuiltinsModule);
        counter.Visit(_interp.Sys);
        counter.Visit(_interp.MainModule);
        counter.Visit(_interp.Stdout);
        counter.Visit(_interp.Stderr);
        foreach (var c in _interp.InterpreterErrorClasses()) counter.Visit(c);
        if (extraRoots is not null) foreach (var r in extraRoots) counter.Visit(r);
        // Every thread's frames, exceptions and start-up arguments (threads blocked or waiting for the GIL
        // stand still at an instruction boundary or inside a blocking call).
        foreach (var t in _interp.Threads())
        {
            counter.Visit(t.HandledException);
            counter.Visit(t.CurrentException);
            counter.Visit(t.BootFunction);
            counter.Visit(t.BootArgs);
            counter.Visit(t.BootKwargs);
            counter.Visit(t.Sentinel);
            // An object queued for a count merge holds one reference in the queue.
            foreach (var queued in t.QueuedForMerge()) counter.Visit(queued);
            foreach (var f in t.Frames())
            {
                if (f.Generator is not null) continue; // counted through its generator object
                for (int i = f.Base; i < f.Sp; i++) counter.Visit(f.Slots[i].V);
                counter.Visit(f.Locals);
                counter.Visit(f.Function);
            }
        }
        while (counter.Pending.Count > 0) counter.Pending.Dequeue().Traverse(counter);
        return counter;
    }

    /// <summary>Every counted object reachable from the interpreter's roots: when an interpreter closes,
    /// each of them must be freed once its modules are cleared and its roots dropped.</summary>
    public List<PyObject> ReachableObjects()
    {
        var found = new List<PyObject>();
        foreach (var o in Walk(null).Found.Keys)
            if (!o.IsImmortal) found.Add(o);
        return found;
    }

    /// <summary>The objects in <paramref name="objects"/> still alive (neither freed nor immortal).</summary>
    public static List<PyObject> StillAlive(List<PyObject> objects)
    {
        var alive = new List<PyObject>();
        foreach (var o in objects)
            if ((o.Flags & PyObject.DeadFlag) == 0 && !o.IsImmortal) alive.Add(o);
        return alive;
    }

    public Report Check(ThreadState ts, IEnumerable<PyObject>? extraRoots)
    {
        var counter = Walk(extraRoots);
        bool noneScheme = ts.RcMode is RcMode.None or RcMode.NoneGeneral;
        int mismatches = 0, checkedCount = 0;
        var sb = new StringBuilder();
        foreach (var (o, found) in counter.Found)
        {
            if (o.IsImmortal) continue;
            if (noneScheme && (o.Flags & PyObject.FinalizerFlag) == 0) continue;
            checkedCount++;
            if ((o.Flags & PyObject.DeadFlag) != 0)
            {
                mismatches++;
                sb.Append($"check-refs: {o.Type.Name} object at 0x{PyObject.IdentityOf(o):x} is used after it was deallocated\n");
                continue;
            }
            long count = BiasedCounting.TrueCount(o);
            if (count != found)
            {
                mismatches++;
                if (mismatches <= 50)
                    sb.Append($"check-refs: {o.Type.Name} object at 0x{PyObject.IdentityOf(o):x}: header count {count}, references found {found}\n");
            }
        }
        mismatches += UseAfterFree;
        sb.Append($"check-refs: {checkedCount} objects checked, {mismatches} mismatches\n");
        return new Report(checkedCount, mismatches, sb.ToString());
    }
}
