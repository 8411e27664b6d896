using System;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Memory;

/// <summary>
/// Size arithmetic for everything that allocates by a computed length (repetition, concatenation, padding,
/// <c>bytes(n)</c>, list growth). CPython computes sizes in <c>Py_ssize_t</c> and raises OverflowError or
/// MemoryError when they do not fit; MiniPy does the same arithmetic in 64 bits with CPython's errors, then
/// refuses with MemoryError, before allocating, any size that .NET cannot give in one piece (an array
/// holds at most <see cref="Array.MaxLength"/> items, a string <see cref="MaxStringLength"/> characters)
/// or that exceeds the memory the process may use. A size that passes may still fail to allocate: the
/// eval loop turns that <see cref="OutOfMemoryException"/> into MemoryError too.
/// </summary>
internal static class SizeLimits
{
    /// <summary>The longest .NET string, in UTF-16 code units.</summary>
    public const int MaxStringLength = 0x3FFFFFDF;

    /// <summary>Allocations below this many bytes are not checked against the available memory.</summary>
    private const long LargeAllocation = 64L << 20;

    public static PyException NoMemory() => Err.Make(Types.MemoryError, "");

    /// <summary>The length of <paramref name="count"/> repetitions of <paramref name="length"/> items (both
    /// positive). A product beyond <c>Py_ssize_t</c> raises OverflowError with <paramref name="overflowMessage"/>,
    /// or MemoryError when it is null (CPython's choice differs by type); beyond <paramref name="maxLength"/>,
    /// MemoryError.</summary>
    public static int Repeat(long length, long count, int maxLength, string? overflowMessage, int itemBytes)
    {
        if (length > long.MaxValue / count)
            throw overflowMessage is null ? NoMemory() : Err.Overflow(overflowMessage);
        return Length(length * count, maxLength, itemBytes);
    }

    /// <summary>The length of two pieces joined (both non-negative).</summary>
    public static int Sum(long a, long b, int maxLength, int itemBytes) =>
        Length(a > long.MaxValue - b ? long.MaxValue : a + b, maxLength, itemBytes);

    /// <summary><paramref name="n"/> as an allocation length: MemoryError when .NET cannot allocate it.</summary>
    public static int Length(long n, int maxLength, int itemBytes)
    {
        if ((ulong)n > (ulong)maxLength) throw NoMemory();
        EnsureAvailable(n * itemBytes);
        return (int)n;
    }

    /// <summary>An array length for <paramref name="n"/> references.</summary>
    public static int ArrayLength(long n) => Length(n, Array.MaxLength, IntPtr.Size);

    /// <summary>A byte-array length.</summary>
    public static int ByteLength(long n) => Length(n, Array.MaxLength, 1);

    /// <summary>A string length, in UTF-16 code units.</summary>
    public static int StringLength(long n) => Length(n, MaxStringLength, sizeof(char));

    /// <summary>MemoryError when one allocation of <paramref name="bytes"/> cannot fit in the memory the
    /// process may use (a container limit counts), instead of paging the machine to death first.</summary>
    public static void EnsureAvailable(long bytes)
    {
        if (bytes < LargeAllocation) return;
        var info = GC.GetGCMemoryInfo();
        if (info.TotalAvailableMemoryBytes <= 0) return;
        long available = info.TotalAvailableMemoryBytes - info.MemoryLoadBytes;
        if (bytes > available) throw NoMemory();
    }

    /// <summary>The capacity to grow a buffer of <paramref name="current"/> items to, so that it holds at least
    /// <paramref name="min"/>: about 1.5 times larger, capped at .NET's limit; MemoryError beyond it.</summary>
    public static int GrownCapacity(int current, long min, int itemBytes)
    {
        if ((ulong)min > (ulong)Array.MaxLength) throw NoMemory();
        long grown = current < 4 ? 4 : current + (current >> 1) + 4;
        long capacity = Math.Min(Math.Max(min, grown), Array.MaxLength);
        EnsureAvailable(capacity * itemBytes);
        return (int)capacity;
    }
}
