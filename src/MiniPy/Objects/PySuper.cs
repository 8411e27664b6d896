using MiniPy.Runtime;

namespace MiniPy.Objects;

/// <summary>super(type, obj): attribute lookup that starts after <see cref="ThisType"/> in obj's MRO.</summary>
internal sealed class PySuper : PyObject
{
    public readonly PyType ThisType;
    public readonly PyObject Obj;
    public readonly PyType ObjType;

    public PySuper(ThreadState ts, PyType thisType, PyObject obj) : base(Types.Super)
    {
        ThisType = thisType;
        Obj = obj;
        ObjType = obj is PyType t && t.IsSubtypeOf(thisType) ? t : obj.Type;
        Rc.Incref(ts, thisType);
        Rc.Incref(ts, obj);
    }

    public PyObject? Lookup(ThreadState ts, PyStr name)
    {
        var mro = ObjType.Mro;
        int i = 0;
        while (i < mro.Length && !ReferenceEquals(mro[i], ThisType)) i++;
        for (i++; i < mro.Length; i++)
        {
            var v = mro[i].Dict.GetItemOrNull(name);
            if (v is null) continue;
            var instance = ReferenceEquals(Obj, ObjType) ? null : Obj;
            if (v is PyFunction) return instance is null ? Rc.New(ts, v) : new PyMethod(ts, v, instance);
            var g = v.DescriptorGet(ts, instance, ObjType);
            if (g is not null) return g;
            if (v.Type.IsHeap && v.Type.Lookup(Types.Strs.Get) is { } hget)
                return Ops.CallDunder(ts, hget, v, (PyObject?)instance ?? Types.None, ObjType);
            return Rc.New(ts, v);
        }
        return null;
    }

    public override PyObject Repr(ThreadState ts) => new PyStr($"<super: <class '{ThisType.Name}'>, <{ObjType.Name} object>>");

    public override void Traverse(IReferenceVisitor visitor) { visitor.Visit(ThisType); visitor.Visit(Obj); }
    public override void ReleaseReferences(ThreadState ts) { Rc.Decref(ts, ThisType); Rc.Decref(ts, Obj); }
}
