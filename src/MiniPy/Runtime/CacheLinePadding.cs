using System.Runtime.InteropServices;

namespace MiniPy.Runtime;

/// <summary>128 bytes of nothing: a field of this type keeps an object's hot fields on cache lines of their own.</summary>
[StructLayout(LayoutKind.Sequential, Size = 128)]
internal readonly struct CacheLinePadding
{
}
