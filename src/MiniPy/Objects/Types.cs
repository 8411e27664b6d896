using System.Collections.Generic;
using MiniPy.Modules;

namespace MiniPy.Objects;

/// <summary>
/// The built-in types and singletons: process-wide, immortal and, once start-up is over, immutable
/// (DESIGN.md section 4). Types are created first, singletons next, and methods are registered last,
/// so that no registration sees a type that does not exist yet.
/// </summary>
internal static class Types
{
    public static readonly PyType Object, Type, Str, Int, Bool, Float, Bytes, ByteArray, MemoryView, List, Tuple, Dict,
        Set, FrozenSet, Range, Slice, NoneType, EllipsisType, NotImplementedType, Function, BuiltinFunction,
        MethodDescriptor, GetSetDescriptor, Method, Property, StaticMethod, ClassMethod, Super, Module, Cell, Code,
        Generator, Traceback, StrIterator, SeqIterator, DictIterator, SetIterator, RangeIterator, Enumerate, Zip, Map,
        Filter, Reversed, DictKeys, DictValues, DictItems, TextIO, BytesIterator, CallableIterator, Coroutine,
        AsyncGenerator, AsyncGenAwaitable, AsyncGenWrappedValue;

    public static readonly PyType BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError,
        FloatingPointError, LookupError, IndexError, KeyError, ValueError, UnicodeError, UnicodeDecodeError,
        UnicodeEncodeError, TypeError, NameError, UnboundLocalError, AttributeError, RuntimeError, NotImplementedError,
        RecursionError, StopIteration, StopAsyncIteration, GeneratorExit, KeyboardInterrupt, SystemExit, AssertionError,
        ImportError, ModuleNotFoundError, OSError, FileNotFoundError, FileExistsError, PermissionError,
        IsADirectoryError, NotADirectoryError, TimeoutError, ConnectionError, EOFError, MemoryError, SyntaxError,
        IndentationError, TabError, SystemError, BufferError, Warning, UserWarning, DeprecationWarning, RuntimeWarning,
        SyntaxWarning, PendingDeprecationWarning, ResourceWarning, FutureWarning, ImportWarning, UnicodeWarning,
        BytesWarning, EncodingWarning, ReferenceError, ScriptTerminated;

    public static readonly PyNone None;
    public static readonly PyBool True, False;
    public static readonly PySingleton Ellipsis, NotImplemented;
    public static readonly PyTuple EmptyTuple;
    public static readonly PyInt[] SmallInts;

    /// <summary>Every built-in exception type by name (for the builtins module).</summary>
    public static readonly IReadOnlyList<PyType> ExceptionTypes;

    static Types()
    {
        Object = new PyType("object", null, ObjectMethods.New, null);
        Type = new PyType("type", Object, TypeMethods.New, null);
        Object.Type = Type;
        var all = new List<PyType> { Object, Type };
        PyType Make(string name, PyType? baseType = null, NewFn? newFn = null, bool subclassable = true)
        {
            var t = new PyType(name, baseType ?? Object, newFn, Type);
            t.IsBaseType = subclassable;
            all.Add(t);
            return t;
        }
        Str = Make("str");
        Int = Make("int");
        Bool = Make("bool", Int, subclassable: false);
        Float = Make("float");
        Bytes = Make("bytes");
        ByteArray = Make("bytearray");
        MemoryView = Make("memoryview", subclassable: false);
        List = Make("list");
        Tuple = Make("tuple");
        Dict = Make("dict");
        Set = Make("set");
        FrozenSet = Make("frozenset");
        List.SupportsSubclassLayout = Dict.SupportsSubclassLayout = Set.SupportsSubclassLayout = true;
        Range = Make("range", subclassable: false);
        Slice = Make("slice", subclassable: false);
        NoneType = Make("NoneType", subclassable: false);
        EllipsisType = Make("ellipsis", subclassable: false);
        NotImplementedType = Make("NotImplementedType", subclassable: false);
        Function = Make("function", subclassable: false);
        BuiltinFunction = Make("builtin_function_or_method", subclassable: false);
        MethodDescriptor = Make("method_descriptor", subclassable: false);
        GetSetDescriptor = Make("getset_descriptor", subclassable: false);
        Method = Make("method", subclassable: false);
        Property = Make("property");
        StaticMethod = Make("staticmethod");
        ClassMethod = Make("classmethod");
        Super = Make("super");
        Module = Make("module");
        Cell = Make("cell", subclassable: false);
        Code = Make("code", subclassable: false);
        Generator = Make("generator", subclassable: false);
        Traceback = Make("traceback", subclassable: false);
        StrIterator = Make("str_ascii_iterator", subclassable: false);
        SeqIterator = Make("iterator", subclassable: false);
        DictIterator = Make("dict_keyiterator", subclassable: false);
        SetIterator = Make("set_iterator", subclassable: false);
        RangeIterator = Make("range_iterator", subclassable: false);
        Enumerate = Make("enumerate");
        Zip = Make("zip");
        Map = Make("map");
        Filter = Make("filter");
        Reversed = Make("reversed");
        DictKeys = Make("dict_keys", subclassable: false);
        DictValues = Make("dict_values", subclassable: false);
        DictItems = Make("dict_items", subclassable: false);
        TextIO = Make("TextIOWrapper", subclassable: false);
        BytesIterator = Make("bytes_iterator", subclassable: false);
        CallableIterator = Make("callable_iterator", subclassable: false);
        Coroutine = Make("coroutine", subclassable: false);
        AsyncGenerator = Make("async_generator", subclassable: false);
        AsyncGenAwaitable = Make("async_generator_asend", subclassable: false);
        AsyncGenWrappedValue = Make("async_generator_wrapped_value", subclassable: false);

        var exceptions = new List<PyType>();
        PyType Exc(string name, PyType? baseType)
        {
            var t = new PyType(name, baseType ?? Object, ExceptionMethods.New, Type);
            exceptions.Add(t);
            all.Add(t);
            return t;
        }
        BaseException = Exc("BaseException", null);
        Exception = Exc("Exception", BaseException);
        ArithmeticError = Exc("ArithmeticError", Exception);
        ZeroDivisionError = Exc("ZeroDivisionError", ArithmeticError);
        OverflowError = Exc("OverflowError", ArithmeticError);
        FloatingPointError = Exc("FloatingPointError", ArithmeticError);
        LookupError = Exc("LookupError", Exception);
        IndexError = Exc("IndexError", LookupError);
        KeyError = Exc("KeyError", LookupError);
        ValueError = Exc("ValueError", Exception);
        UnicodeError = Exc("UnicodeError", ValueError);
        UnicodeDecodeError = Exc("UnicodeDecodeError", UnicodeError);
        UnicodeEncodeError = Exc("UnicodeEncodeError", UnicodeError);
        TypeError = Exc("TypeError", Exception);
        NameError = Exc("NameError", Exception);
        UnboundLocalError = Exc("UnboundLocalError", NameError);
        AttributeError = Exc("AttributeError", Exception);
        RuntimeError = Exc("RuntimeError", Exception);
        NotImplementedError = Exc("NotImplementedError", RuntimeError);
        RecursionError = Exc("RecursionError", RuntimeError);
        StopIteration = Exc("StopIteration", Exception);
        StopAsyncIteration = Exc("StopAsyncIteration", Exception);
        GeneratorExit = Exc("GeneratorExit", BaseException);
        KeyboardInterrupt = Exc("KeyboardInterrupt", BaseException);
        SystemExit = Exc("SystemExit", BaseException);
        AssertionError = Exc("AssertionError", Exception);
        ImportError = Exc("ImportError", Exception);
        ModuleNotFoundError = Exc("ModuleNotFoundError", ImportError);
        OSError = Exc("OSError", Exception);
        FileNotFoundError = Exc("FileNotFoundError", OSError);
        FileExistsError = Exc("FileExistsError", OSError);
        PermissionError = Exc("PermissionError", OSError);
        IsADirectoryError = Exc("IsADirectoryError", OSError);
        NotADirectoryError = Exc("NotADirectoryError", OSError);
        TimeoutError = Exc("TimeoutError", OSError);
        ConnectionError = Exc("ConnectionError", OSError);
        EOFError = Exc("EOFError", Exception);
        MemoryError = Exc("MemoryError", Exception);
        SyntaxError = Exc("SyntaxError", Exception);
        IndentationError = Exc("IndentationError", SyntaxError);
        TabError = Exc("TabError", IndentationError);
        SystemError = Exc("SystemError", Exception);
        BufferError = Exc("BufferError", Exception);
        ReferenceError = Exc("ReferenceError", Exception);
        // Raised when a host's limit (timeout, cancellation, instruction budget) stops a script. Derived
        // from BaseException so that `except Exception` does not swallow it; not in builtins.
        ScriptTerminated = new PyType("ScriptTerminated", BaseException, ExceptionMethods.New, Type) { Module = "minipy" };
        all.Add(ScriptTerminated);
        Warning = Exc("Warning", Exception);
        UserWarning = Exc("UserWarning", Warning);
        DeprecationWarning = Exc("DeprecationWarning", Warning);
        PendingDeprecationWarning = Exc("PendingDeprecationWarning", Warning);
        RuntimeWarning = Exc("RuntimeWarning", Warning);
        SyntaxWarning = Exc("SyntaxWarning", Warning);
        ResourceWarning = Exc("ResourceWarning", Warning);
        FutureWarning = Exc("FutureWarning", Warning);
        ImportWarning = Exc("ImportWarning", Warning);
        UnicodeWarning = Exc("UnicodeWarning", Warning);
        BytesWarning = Exc("BytesWarning", Warning);
        EncodingWarning = Exc("EncodingWarning", Warning);
        ExceptionTypes = exceptions;
        // Type dicts were made before the dict type existed.
        foreach (var t in all) t.Dict.Type = Dict;

        None = new PyNone(NoneType).MakeImmortal<PyNone>();
        True = new PyBool(Bool, 1).MakeImmortal<PyBool>();
        False = new PyBool(Bool, 0).MakeImmortal<PyBool>();
        Ellipsis = new PySingleton(EllipsisType, "Ellipsis").MakeImmortal<PySingleton>();
        NotImplemented = new PySingleton(NotImplementedType, "NotImplemented").MakeImmortal<PySingleton>();
        EmptyTuple = new PyTuple(System.Array.Empty<PyObject>()).MakeImmortal<PyTuple>();
        SmallInts = new PyInt[262];
        for (int i = 0; i < SmallInts.Length; i++) SmallInts[i] = new PyInt(i - 5).MakeImmortal<PyInt>();

        TypeRegistry.RegisterAll();
        TypeRegistry.EnableCaches(all);
    }

    /// <summary>Forces the built-in types into existence. <see cref="Strs"/> must never be the first of the two
    /// to initialise (its strings need the str type), so entry points call this first.</summary>
    public static void EnsureInitialized() { }

    /// <summary>Interned names used by the runtime itself; immortal and shared by every interpreter.</summary>
    internal static class Strs
    {
        // Concurrent: types made on first use (a module's types) add their names while interpreters read.
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PyStr> Table = new();

        private static PyStr S(string s)
        {
            if (Table.TryGetValue(s, out var p)) return p;
            return Table.GetOrAdd(s, static name => new PyStr(name).MakeImmortal<PyStr>());
        }

        /// <summary>The shared immortal str for a name the runtime itself uses, if there is one.</summary>
        public static bool TryGet(string s, out PyStr str) => Table.TryGetValue(s, out str!);

        public static readonly PyStr None = S("None"), True = S("True"), False = S("False");
        public static readonly PyStr Bool = S("__bool__"), Len = S("__len__"), Repr = S("__repr__"), Str = S("__str__"),
            Hash = S("__hash__"), Format = S("__format__"), GetAttribute = S("__getattribute__"), GetAttr = S("__getattr__"),
            SetAttr = S("__setattr__"), DelAttr = S("__delattr__"), Get = S("__get__"), Set = S("__set__"),
            Delete = S("__delete__"), Iter = S("__iter__"), Next = S("__next__"), GetItem = S("__getitem__"),
            SetItem = S("__setitem__"), DelItem = S("__delitem__"), Contains = S("__contains__"), Call = S("__call__"),
            Enter = S("__enter__"), Exit = S("__exit__"), Index = S("__index__"), Float = S("__float__"),
            Int = S("__int__"), Neg = S("__neg__"), Pos = S("__pos__"), Invert = S("__invert__"), Abs = S("__abs__"),
            ClassGetItem = S("__class_getitem__"), Init = S("__init__"), New = S("__new__"), Del = S("__del__"),
            Name = S("__name__"), QualName = S("__qualname__"), Module = S("__module__"), Doc = S("__doc__"),
            Dict = S("__dict__"), Class = S("__class__"), Eq = S("__eq__"), Ne = S("__ne__"), Round = S("__round__"),
            Reversed = S("__reversed__"), Missing = S("__missing__"), InitSubclass = S("__init_subclass__"),
            SetName = S("__set_name__"), Builtins = S("__builtins__"), Main = S("__main__"), File = S("__file__"),
            Trunc = S("__trunc__"), Floor = S("__floor__"), Ceil = S("__ceil__"), Await = S("__await__"),
            AIter = S("__aiter__"), ANext = S("__anext__"), AEnter = S("__aenter__"), AExit = S("__aexit__");

        public static readonly PyStr[] CompareNames =
        {
            S("__lt__"), S("__le__"), S("__eq__"), S("__ne__"), S("__gt__"), S("__ge__"),
        };

        public static readonly (PyStr Forward, PyStr Reflected, PyStr InPlace)[] BinaryNames =
        {
            (S("__add__"), S("__radd__"), S("__iadd__")),
            (S("__sub__"), S("__rsub__"), S("__isub__")),
            (S("__mul__"), S("__rmul__"), S("__imul__")),
            (S("__matmul__"), S("__rmatmul__"), S("__imatmul__")),
            (S("__truediv__"), S("__rtruediv__"), S("__itruediv__")),
            (S("__mod__"), S("__rmod__"), S("__imod__")),
            (S("__pow__"), S("__rpow__"), S("__ipow__")),
            (S("__lshift__"), S("__rlshift__"), S("__ilshift__")),
            (S("__rshift__"), S("__rrshift__"), S("__irshift__")),
            (S("__or__"), S("__ror__"), S("__ior__")),
            (S("__xor__"), S("__rxor__"), S("__ixor__")),
            (S("__and__"), S("__rand__"), S("__iand__")),
            (S("__floordiv__"), S("__rfloordiv__"), S("__ifloordiv__")),
        };

        public static PyStr Intern(string s) => S(s);
    }
}
