using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Compiler;

/// <summary>
/// Writes code objects to bytes and reads them back (CPython's marshal, for our own format): what the
/// code cache stores so that the frozen library is not parsed again at every start.
/// Strings come back interned, as CPython interns the names and identifiers among its constants.
/// </summary>
internal static class CodeMarshal
{
    /// <summary>Bumped whenever the layout of code objects or of this format changes.</summary>
    public const int FormatVersion = 2;

    private enum Tag : byte { None, True, False, Ellipsis, Int, BigInt, Float, Str, Bytes, Tuple, Code }

    public static void Write(BinaryWriter w, CodeObject code)
    {
        w.Write(FormatVersion);
        WriteCode(w, code);
    }

    /// <summary>The code object, or null when the bytes are of another format version.</summary>
    public static CodeObject? Read(BinaryReader r, Interpreter interp)
    {
        if (r.ReadInt32() != FormatVersion) return null;
        return ReadCode(r, interp);
    }

    private static void WriteCode(BinaryWriter w, CodeObject c)
    {
        WriteInts(w, c.Instructions);
        w.Write(c.Consts.Length);
        foreach (var k in c.Consts) WriteConst(w, k);
        w.Write(c.Names.Length);
        foreach (var n in c.Names) w.Write(n.Value);
        WriteStrings(w, c.LocalNames);
        WriteStrings(w, c.CellNames);
        WriteStrings(w, c.FreeNames);
        w.Write(c.ArgCount);
        w.Write(c.PosOnlyCount);
        w.Write(c.KwOnlyCount);
        w.Write((int)c.CoFlags);
        w.Write(c.StackSize);
        WriteInts(w, c.Lines);
        w.Write(c.ExceptionTable.Length);
        foreach (var e in c.ExceptionTable) { w.Write(e.Start); w.Write(e.End); w.Write(e.Handler); w.Write(e.Depth); }
        w.Write(c.Name);
        w.Write(c.QualName);
        w.Write(c.Filename);
        w.Write(c.FirstLine);
        WriteInts(w, c.CellArgs);
        w.Write(c.HasDocstring);
    }

    private static CodeObject ReadCode(BinaryReader r, Interpreter interp)
    {
        var instructions = ReadInts(r);
        var consts = new PyObject[r.ReadInt32()];
        for (int i = 0; i < consts.Length; i++) consts[i] = ReadConst(r, interp);
        var names = new PyStr[r.ReadInt32()];
        for (int i = 0; i < names.Length; i++) names[i] = interp.Intern(r.ReadString());
        var localNames = ReadStrings(r);
        var cellNames = ReadStrings(r);
        var freeNames = ReadStrings(r);
        int argCount = r.ReadInt32(), posOnly = r.ReadInt32(), kwOnly = r.ReadInt32();
        var flags = (CodeFlags)r.ReadInt32();
        int stackSize = r.ReadInt32();
        var lines = ReadInts(r);
        var table = new ExceptionEntry[r.ReadInt32()];
        for (int i = 0; i < table.Length; i++) table[i] = new ExceptionEntry(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
        string name = r.ReadString(), qualName = r.ReadString(), filename = r.ReadString();
        int firstLine = r.ReadInt32();
        var cellArgs = ReadInts(r);
        bool hasDocstring = r.ReadBoolean();
        return new CodeObject(instructions, consts, names, localNames, cellNames, freeNames, argCount, posOnly, kwOnly, flags,
            stackSize, lines, table, name, qualName, filename, firstLine, cellArgs) { HasDocstring = hasDocstring };
    }

    private static void WriteConst(BinaryWriter w, PyObject o)
    {
        switch (o)
        {
            case PyNone: w.Write((byte)Tag.None); break;
            case PyBool b: w.Write((byte)(ReferenceEquals(b, Types.True) ? Tag.True : Tag.False)); break;
            case PySingleton when ReferenceEquals(o, Types.Ellipsis): w.Write((byte)Tag.Ellipsis); break;
            case PyInt i: w.Write((byte)Tag.Int); w.Write(i.Value); break;
            case PyBigInt bi:
            {
                w.Write((byte)Tag.BigInt);
                var bytes = bi.Value.ToByteArray();
                w.Write(bytes.Length);
                w.Write(bytes);
                break;
            }
            case PyFloat f: w.Write((byte)Tag.Float); w.Write(BitConverter.DoubleToInt64Bits(f.Value)); break;
            case PyStr s: w.Write((byte)Tag.Str); w.Write(s.Value); break;
            case PyBytes b: w.Write((byte)Tag.Bytes); w.Write(b.Value.Length); w.Write(b.Value); break;
            case PyTuple t:
                w.Write((byte)Tag.Tuple);
                w.Write(t.Items.Length);
                foreach (var x in t.Items) WriteConst(w, x);
                break;
            case CodeObject c: w.Write((byte)Tag.Code); WriteCode(w, c); break;
            default: throw new NotSupportedException($"a constant of type {o.Type.Name} cannot be cached");
        }
    }

    private static PyObject ReadConst(BinaryReader r, Interpreter interp)
    {
        switch ((Tag)r.ReadByte())
        {
            case Tag.None: return Types.None;
            case Tag.True: return Types.True;
            case Tag.False: return Types.False;
            case Tag.Ellipsis: return Types.Ellipsis;
            case Tag.Int:
            {
                long v = r.ReadInt64();
                return v >= -5 && v <= 256 ? Types.SmallInts[v + 5] : new PyInt(v).MakeImmortal<PyInt>();
            }
            case Tag.BigInt: return new PyBigInt(new BigInteger(r.ReadBytes(r.ReadInt32()))).MakeImmortal<PyBigInt>();
            case Tag.Float: return new PyFloat(BitConverter.Int64BitsToDouble(r.ReadInt64())).MakeImmortal<PyFloat>();
            case Tag.Str: return interp.Intern(r.ReadString());
            case Tag.Bytes: return new PyBytes(r.ReadBytes(r.ReadInt32())).MakeImmortal<PyBytes>();
            case Tag.Tuple:
            {
                var items = new PyObject[r.ReadInt32()];
                for (int i = 0; i < items.Length; i++) items[i] = ReadConst(r, interp);
                return new PyTuple(items).MakeImmortal<PyTuple>();
            }
            case Tag.Code: return ReadCode(r, interp);
            default: throw new InvalidDataException("unknown constant tag");
        }
    }

    private static void WriteInts(BinaryWriter w, int[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write(v);
    }

    private static int[] ReadInts(BinaryReader r)
    {
        var values = new int[r.ReadInt32()];
        for (int i = 0; i < values.Length; i++) values[i] = r.ReadInt32();
        return values;
    }

    private static void WriteStrings(BinaryWriter w, string[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write(v);
    }

    private static string[] ReadStrings(BinaryReader r)
    {
        var values = new string[r.ReadInt32()];
        for (int i = 0; i < values.Length; i++) values[i] = r.ReadString();
        return values;
    }
}
