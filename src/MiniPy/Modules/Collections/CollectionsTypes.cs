using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules.Collections;

/// <summary>The built-in types of the _collections module: immortal, shared by every interpreter, immutable once made.</summary>
internal static class CollectionsTypes
{
    public static readonly PyType Deque, DequeIterator, DequeReverseIterator;

    static CollectionsTypes()
    {
        Types.EnsureInitialized();
        Deque = new PyType("deque", Types.Object, (ThreadState ts, PyType cls, in Args a) =>
        {
            if (cls.IsHeap) Rc.Incref(ts, cls); // an instance of a subclass owns a reference to its class
            return new PyDeque(cls);
        }, Types.Type) { Module = "collections", SupportsSubclassLayout = true };
        DequeIterator = new PyType("_deque_iterator", Types.Object, null, Types.Type) { IsBaseType = false, Module = "collections" };
        DequeReverseIterator = new PyType("_deque_reverse_iterator", Types.Object, null, Types.Type) { IsBaseType = false, Module = "collections" };
        foreach (var t in new[] { Deque, DequeIterator, DequeReverseIterator }) t.Dict.Type = Types.Dict;
        DequeMethods.Register(Deque);
        Reg.Slots(DequeIterator, "__iter__", "__next__");
        Reg.Slots(DequeReverseIterator, "__iter__", "__next__");
        Deque.CacheEnabled = DequeIterator.CacheEnabled = DequeReverseIterator.CacheEnabled = true;
    }
}
