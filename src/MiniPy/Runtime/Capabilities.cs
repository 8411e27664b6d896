using MiniPy.Hosting;
using MiniPy.Objects;

namespace MiniPy.Runtime;

/// <summary>The host's <see cref="ScriptCapabilities"/> as scripts meet them: a PermissionError where a
/// denied capability would be used.</summary>
internal static class Capabilities
{
    public static bool Allows(ThreadState ts, ScriptCapabilities capability) =>
        (ts.Interp.Options.Capabilities & capability) == capability;

    public static void Require(ThreadState ts, ScriptCapabilities capability, string what)
    {
        if (!Allows(ts, capability))
            throw Err.Make(Types.PermissionError, $"{what} is not allowed: the host denies {capability.ToString().ToLowerInvariant()} access");
    }

    /// <summary>Replaces each named function of <paramref name="module"/> with one that raises PermissionError.</summary>
    public static void Deny(ThreadState ts, PyModule module, ScriptCapabilities capability, params string[] names)
    {
        foreach (var name in names)
        {
            string qualified = $"{module.Name}.{name}()";
            NativeFn denied = (ThreadState ts2, PyObject? self, in Args a) =>
                throw Err.Make(Types.PermissionError, $"{qualified} is not allowed: the host denies {capability.ToString().ToLowerInvariant()} access");
            module.Dict.SetStrOwned(ts, ts.Interp.Intern(name), new PyBuiltinFunction(name, denied));
        }
    }
}
