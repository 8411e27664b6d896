using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MiniPy.Objects;

namespace MiniPy.Runtime;

/// <summary>
/// One value-stack slot. The value stack is an array of this struct rather than of PyObject so that
/// storing a reference needs no array-covariance check (a large share of the loop's time otherwise).
/// A null <see cref="V"/> is an empty slot (or an unbound local).
/// </summary>
internal struct Slot
{
    public PyObject V;

    /// <summary>A span of slots seen as the PyObject references they hold (same layout).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<PyObject> AsObjects(Slot[] slots, int start, int count) =>
        count == 0 ? ReadOnlySpan<PyObject>.Empty : MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<Slot, PyObject>(ref slots[start]), count);
}
