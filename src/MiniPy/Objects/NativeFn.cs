using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>A built-in function or method: <paramref name="self"/> is the bound object (null for plain
/// functions). It borrows its arguments and returns a new reference.</summary>
internal delegate PyObject NativeFn(ThreadState ts, PyObject? self, in Args args);
