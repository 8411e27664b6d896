using System;

namespace MiniPy.Compiler;

/// <summary>What an instruction's argument means, for the disassembler.</summary>
internal enum ArgKind { None, Number, Const, Name, Local, Cell, Jump, BinaryOperator, Compare, Invert }

/// <summary>One row of the opcode table.</summary>
internal readonly record struct OpcodeInfo(Opcode Op, string Name, ArgKind Arg, Func<int, int> StackEffect, Opcode Family);

/// <summary>
/// The single opcode table: name, argument kind, stack effect (as a function of the argument; for
/// jumps, the effect on the fall-through path) and family (the generic form of a specialised one).
/// </summary>
internal static class OpcodeTable
{
    private static readonly OpcodeInfo[] Table = Build();

    public static OpcodeInfo Info(Opcode op) => Table[(int)op];

    public static int StackEffect(Opcode op, int arg) => Table[(int)op].StackEffect(arg);

    /// <summary>Stack effect when a conditional jump is taken.</summary>
    public static int JumpEffect(Opcode op, int arg) => op switch
    {
        Opcode.ForIter => -1,              // the exhausted iterator is popped
        Opcode.EndAsyncFor => -2,          // StopAsyncIteration: the exception and the iterator are popped
        Opcode.JumpIfFalseOrPop or Opcode.JumpIfTrueOrPop => 0,
        _ => StackEffect(op, arg),
    };

    public static bool IsJump(Opcode op) => Table[(int)op].Arg == ArgKind.Jump;

    private static OpcodeInfo[] Build()
    {
        var t = new OpcodeInfo[Enum.GetValues<Opcode>().Length];
        void Row(Opcode op, string name, ArgKind arg, Func<int, int> effect, Opcode? family = null) =>
            t[(int)op] = new OpcodeInfo(op, name, arg, effect, family ?? op);
        Row(Opcode.Nop, "NOP", ArgKind.None, _ => 0);
        Row(Opcode.PopTop, "POP_TOP", ArgKind.None, _ => -1);
        Row(Opcode.PushNull, "PUSH_NULL", ArgKind.None, _ => 1);
        Row(Opcode.Copy, "COPY", ArgKind.Number, _ => 1);
        Row(Opcode.Swap, "SWAP", ArgKind.Number, _ => 0);
        Row(Opcode.LoadConst, "LOAD_CONST", ArgKind.Const, _ => 1);
        Row(Opcode.LoadFast, "LOAD_FAST", ArgKind.Local, _ => 1);
        Row(Opcode.StoreFast, "STORE_FAST", ArgKind.Local, _ => -1);
        Row(Opcode.DeleteFast, "DELETE_FAST", ArgKind.Local, _ => 0);
        Row(Opcode.LoadDeref, "LOAD_DEREF", ArgKind.Cell, _ => 1);
        Row(Opcode.StoreDeref, "STORE_DEREF", ArgKind.Cell, _ => -1);
        Row(Opcode.DeleteDeref, "DELETE_DEREF", ArgKind.Cell, _ => 0);
        Row(Opcode.LoadClassDeref, "LOAD_CLASSDEREF", ArgKind.Cell, _ => 1);
        Row(Opcode.MakeCell, "MAKE_CELL", ArgKind.Cell, _ => 0);
        Row(Opcode.LoadClosure, "LOAD_CLOSURE", ArgKind.Cell, _ => 1);
        Row(Opcode.LoadName, "LOAD_NAME", ArgKind.Name, _ => 1);
        Row(Opcode.StoreName, "STORE_NAME", ArgKind.Name, _ => -1);
        Row(Opcode.DeleteName, "DELETE_NAME", ArgKind.Name, _ => 0);
        Row(Opcode.LoadGlobal, "LOAD_GLOBAL", ArgKind.Name, _ => 1);
        Row(Opcode.StoreGlobal, "STORE_GLOBAL", ArgKind.Name, _ => -1);
        Row(Opcode.DeleteGlobal, "DELETE_GLOBAL", ArgKind.Name, _ => 0);
        Row(Opcode.LoadAttr, "LOAD_ATTR", ArgKind.Name, _ => 0);
        Row(Opcode.LoadMethod, "LOAD_METHOD", ArgKind.Name, _ => 1);
        Row(Opcode.StoreAttr, "STORE_ATTR", ArgKind.Name, _ => -2);
        Row(Opcode.DeleteAttr, "DELETE_ATTR", ArgKind.Name, _ => -1);
        Row(Opcode.BinarySubscr, "BINARY_SUBSCR", ArgKind.None, _ => -1);
        Row(Opcode.StoreSubscr, "STORE_SUBSCR", ArgKind.None, _ => -3);
        Row(Opcode.DeleteSubscr, "DELETE_SUBSCR", ArgKind.None, _ => -2);
        Row(Opcode.BuildSlice, "BUILD_SLICE", ArgKind.Number, n => 1 - n);
        Row(Opcode.BinaryOp, "BINARY_OP", ArgKind.BinaryOperator, _ => -1);
        Row(Opcode.InplaceOp, "INPLACE_OP", ArgKind.BinaryOperator, _ => -1);
        Row(Opcode.UnaryOp, "UNARY_OP", ArgKind.Number, _ => 0);
        Row(Opcode.UnaryNot, "UNARY_NOT", ArgKind.None, _ => 0);
        Row(Opcode.CompareOp, "COMPARE_OP", ArgKind.Compare, _ => -1);
        Row(Opcode.IsOp, "IS_OP", ArgKind.Invert, _ => -1);
        Row(Opcode.ContainsOp, "CONTAINS_OP", ArgKind.Invert, _ => -1);
        Row(Opcode.BuildTuple, "BUILD_TUPLE", ArgKind.Number, n => 1 - n);
        Row(Opcode.BuildList, "BUILD_LIST", ArgKind.Number, n => 1 - n);
        Row(Opcode.BuildSet, "BUILD_SET", ArgKind.Number, n => 1 - n);
        Row(Opcode.BuildMap, "BUILD_MAP", ArgKind.Number, n => 1 - 2 * n);
        Row(Opcode.BuildString, "BUILD_STRING", ArgKind.Number, n => 1 - n);
        Row(Opcode.ListAppend, "LIST_APPEND", ArgKind.Number, _ => -1);
        Row(Opcode.SetAdd, "SET_ADD", ArgKind.Number, _ => -1);
        Row(Opcode.MapAdd, "MAP_ADD", ArgKind.Number, _ => -2);
        Row(Opcode.ListExtend, "LIST_EXTEND", ArgKind.Number, _ => -1);
        Row(Opcode.SetUpdate, "SET_UPDATE", ArgKind.Number, _ => -1);
        Row(Opcode.DictUpdate, "DICT_UPDATE", ArgKind.Number, _ => -1);
        Row(Opcode.DictMerge, "DICT_MERGE", ArgKind.Number, _ => -1);
        Row(Opcode.ListToTuple, "LIST_TO_TUPLE", ArgKind.None, _ => 0);
        Row(Opcode.UnpackSequence, "UNPACK_SEQUENCE", ArgKind.Number, n => n - 1);
        Row(Opcode.UnpackEx, "UNPACK_EX", ArgKind.Number, a => (a & 0xFF) + (a >> 8));
        Row(Opcode.FormatValue, "FORMAT_VALUE", ArgKind.Number, a => (a & 4) != 0 ? -1 : 0);
        Row(Opcode.GetIter, "GET_ITER", ArgKind.None, _ => 0);
        Row(Opcode.ForIter, "FOR_ITER", ArgKind.Jump, _ => 1);
        Row(Opcode.Jump, "JUMP", ArgKind.Jump, _ => 0);
        Row(Opcode.JumpIfFalseOrPop, "JUMP_IF_FALSE_OR_POP", ArgKind.Jump, _ => -1);
        Row(Opcode.JumpIfTrueOrPop, "JUMP_IF_TRUE_OR_POP", ArgKind.Jump, _ => -1);
        Row(Opcode.PopJumpIfFalse, "POP_JUMP_IF_FALSE", ArgKind.Jump, _ => -1);
        Row(Opcode.PopJumpIfTrue, "POP_JUMP_IF_TRUE", ArgKind.Jump, _ => -1);
        Row(Opcode.ReturnValue, "RETURN_VALUE", ArgKind.None, _ => -1);
        Row(Opcode.Call, "CALL", ArgKind.Number, n => -n - 1);
        Row(Opcode.CallKw, "CALL_KW", ArgKind.Number, n => -n - 2);
        Row(Opcode.CallEx, "CALL_FUNCTION_EX", ArgKind.Number, f => (f & 1) != 0 ? -3 : -2);
        Row(Opcode.MakeFunction, "MAKE_FUNCTION", ArgKind.Number, f => -System.Numerics.BitOperations.PopCount((uint)f));
        Row(Opcode.LoadBuildClass, "LOAD_BUILD_CLASS", ArgKind.None, _ => 1);
        Row(Opcode.RaiseVarargs, "RAISE_VARARGS", ArgKind.Number, n => -n);
        Row(Opcode.Reraise, "RERAISE", ArgKind.None, _ => -1);
        Row(Opcode.PushExcInfo, "PUSH_EXC_INFO", ArgKind.None, _ => 1);
        Row(Opcode.PopExcept, "POP_EXCEPT", ArgKind.None, _ => -1);
        Row(Opcode.CheckExcMatch, "CHECK_EXC_MATCH", ArgKind.None, _ => 0);
        Row(Opcode.PopExceptAndReraise, "POP_EXCEPT_AND_RERAISE", ArgKind.None, _ => -2);
        Row(Opcode.BeforeWith, "BEFORE_WITH", ArgKind.None, _ => 1);
        Row(Opcode.WithExceptStart, "WITH_EXCEPT_START", ArgKind.None, _ => 1);
        Row(Opcode.CallExitWithNones, "CALL_EXIT_WITH_NONES", ArgKind.None, _ => -1);
        Row(Opcode.YieldValue, "YIELD_VALUE", ArgKind.None, _ => 0);
        Row(Opcode.YieldFrom, "YIELD_FROM", ArgKind.None, _ => -1);
        Row(Opcode.GetYieldFromIter, "GET_YIELD_FROM_ITER", ArgKind.None, _ => 0);
        Row(Opcode.GetAwaitable, "GET_AWAITABLE", ArgKind.None, _ => 0);
        Row(Opcode.GetAIter, "GET_AITER", ArgKind.None, _ => 0);
        Row(Opcode.GetANext, "GET_ANEXT", ArgKind.None, _ => 1);
        Row(Opcode.EndAsyncFor, "END_ASYNC_FOR", ArgKind.Jump, _ => 0);
        Row(Opcode.BeforeAsyncWith, "BEFORE_ASYNC_WITH", ArgKind.None, _ => 1);
        Row(Opcode.CallExitResult, "CALL_EXIT_RESULT", ArgKind.None, _ => 0);
        Row(Opcode.AsyncGenWrap, "ASYNC_GEN_WRAP", ArgKind.None, _ => 0);
        Row(Opcode.ImportName, "IMPORT_NAME", ArgKind.Name, _ => -1);
        Row(Opcode.ImportFrom, "IMPORT_FROM", ArgKind.Name, _ => 1);
        Row(Opcode.ImportStar, "IMPORT_STAR", ArgKind.None, _ => -1);
        Row(Opcode.LoadAssertionError, "LOAD_ASSERTION_ERROR", ArgKind.None, _ => 1);
        Row(Opcode.LoadLocals, "LOAD_LOCALS", ArgKind.None, _ => 1);
        Row(Opcode.SetupAnnotations, "SETUP_ANNOTATIONS", ArgKind.None, _ => 0);
        Row(Opcode.BinaryOpAddInt, "BINARY_OP_ADD_INT", ArgKind.BinaryOperator, _ => -1, Opcode.BinaryOp);
        Row(Opcode.BinaryOpSubInt, "BINARY_OP_SUB_INT", ArgKind.BinaryOperator, _ => -1, Opcode.BinaryOp);
        Row(Opcode.CompareOpInt, "COMPARE_OP_INT", ArgKind.Compare, _ => -1, Opcode.CompareOp);
        Row(Opcode.LoadGlobalCached, "LOAD_GLOBAL_CACHED", ArgKind.Name, _ => 1, Opcode.LoadGlobal);
        Row(Opcode.LoadAttrInstance, "LOAD_ATTR_INSTANCE", ArgKind.Name, _ => 0, Opcode.LoadAttr);
        Row(Opcode.ForIterRange, "FOR_ITER_RANGE", ArgKind.Jump, _ => 1, Opcode.ForIter);
        Row(Opcode.ForIterList, "FOR_ITER_LIST", ArgKind.Jump, _ => 1, Opcode.ForIter);
        return t;
    }
}
