using System.Threading;
using MiniPy.Objects;

namespace MiniPy.Interpreters;

/// <summary>
/// The bytes behind a memoryview on their way to another interpreter: the same array, never a copy, so a
/// write on either side is seen on the other. A bytearray counts every view over it, in any interpreter,
/// as an export, and refuses to change size (and so to move its array) while it has one.
/// </summary>
internal sealed class SharedBuffer
{
    public readonly byte[] Data;
    public readonly int Start, Length;
    public readonly bool ReadOnly;
    /// <summary>The bytearray that owns <see cref="Data"/>; only its export count is touched from other interpreters.</summary>
    public readonly PyByteArray? Exporter;

    public SharedBuffer(byte[] data, int start, int length, bool readOnly, PyByteArray? exporter)
    {
        Data = data;
        Start = start;
        Length = length;
        ReadOnly = readOnly;
        Exporter = exporter;
    }

    /// <summary>A new view takes an export; false if the bytearray was re-sized since the buffer was shared.</summary>
    public bool TryAddExport()
    {
        if (Exporter is null) return true;
        Interlocked.Increment(ref Exporter.Exports);
        if (ReferenceEquals(Volatile.Read(ref Exporter.Buffer), Data)) return true;
        Interlocked.Decrement(ref Exporter.Exports);
        return false;
    }

    public void ReleaseExport()
    {
        if (Exporter is not null) Interlocked.Decrement(ref Exporter.Exports);
    }
}
