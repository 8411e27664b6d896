using MiniPy.Objects;

namespace MiniPy.Modules;

/// <summary>The hash object type of hashlib: immortal, shared by every interpreter, immutable once made.</summary>
internal static class HashTypes
{
    public static readonly PyType Hash;

    static HashTypes()
    {
        Types.EnsureInitialized();
        Hash = new PyType("HASH", Types.Object, null, Types.Type) { IsBaseType = false, Module = "_hashlib" };
        Hash.New = null;
        Hash.Dict.Type = Types.Dict;
        PyHash.Register(Hash);
        Hash.CacheEnabled = true;
    }
}
