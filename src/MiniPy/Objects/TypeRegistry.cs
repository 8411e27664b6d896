using System.Collections.Generic;
using MiniPy.Modules;

namespace MiniPy.Objects;

/// <summary>Fills every built-in type's dict; runs once, at the end of <see cref="Types"/>' initialisation.</summary>
internal static class TypeRegistry
{
    public static void RegisterAll()
    {
        ObjectMethods.Register();
        TypeMethods.Register();
        ExceptionMethods.Register();
        IntMethods.Register();
        FloatMethods.Register();
        StrMethods.Register();
        BytesMethods.Register();
        ListMethods.Register();
        TupleMethods.Register();
        DictMethods.Register();
        SetMethods.Register();
        MiscMethods.Register();
        PyTextIO.Register();
    }

    /// <summary>Turns on lookup caches once every built-in dict is complete.</summary>
    public static void EnableCaches(IEnumerable<PyType> types)
    {
        foreach (var t in types) t.CacheEnabled = true;
    }
}
