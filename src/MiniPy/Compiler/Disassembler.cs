using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Compiler;

/// <summary>A readable listing of a code object and the code objects among its constants.</summary>
internal static class Disassembler
{
    public static string Disassemble(CodeObject code)
    {
        var sb = new StringBuilder();
        var queue = new Queue<CodeObject>();
        queue.Enqueue(code);
        bool first = true;
        while (queue.Count > 0)
        {
            var co = queue.Dequeue();
            if (!first) sb.Append('\n');
            first = false;
            sb.Append($"Disassembly of <code object {co.Name} at line {co.FirstLine}>:\n");
            if (co.LocalNames.Length > 0) sb.Append("  locals: ").Append(string.Join(", ", co.LocalNames)).Append('\n');
            if (co.CellNames.Length > 0) sb.Append("  cells:  ").Append(string.Join(", ", co.CellNames)).Append('\n');
            if (co.FreeNames.Length > 0) sb.Append("  free:   ").Append(string.Join(", ", co.FreeNames)).Append('\n');
            var targets = new HashSet<int>();
            foreach (var instr in co.Instructions)
                if (OpcodeTable.IsJump((Opcode)(byte)instr)) targets.Add(instr >> 8);
            foreach (var e in co.ExceptionTable) targets.Add(e.Handler);
            int lastLine = -1;
            for (int pc = 0; pc < co.Instructions.Length; pc++)
            {
                int instr = co.Instructions[pc];
                var op = (Opcode)(byte)instr;
                int arg = instr >> 8;
                var info = OpcodeTable.Info(op);
                int line = co.LineAt(pc);
                sb.Append(line != lastLine ? line.ToString(CultureInfo.InvariantCulture).PadLeft(5) : "     ");
                lastLine = line;
                sb.Append(targets.Contains(pc) ? "  >> " : "     ");
                sb.Append(pc.ToString(CultureInfo.InvariantCulture).PadLeft(4)).Append(' ').Append(info.Name.PadRight(24));
                if (info.Arg != ArgKind.None) sb.Append(arg.ToString(CultureInfo.InvariantCulture).PadLeft(4)).Append(Describe(co, info.Arg, arg));
                sb.Append('\n');
                if (op == Opcode.LoadConst && co.Consts[arg] is CodeObject nested) queue.Enqueue(nested);
            }
            if (co.ExceptionTable.Length > 0)
            {
                sb.Append("  exception table:\n");
                foreach (var e in co.ExceptionTable)
                    sb.Append($"    {e.Start} to {e.End} -> {e.Handler} [{e.Depth}]\n");
            }
        }
        return sb.ToString();
    }

    private static string Describe(CodeObject co, ArgKind kind, int arg)
    {
        switch (kind)
        {
            case ArgKind.Const:
                var c = co.Consts[arg];
                return c is CodeObject nested ? $" (<code object {nested.Name}>)" : $" ({SafeRepr(c)})";
            case ArgKind.Name: return $" ({co.Names[arg].Value})";
            case ArgKind.Local: return arg < co.LocalNames.Length ? $" ({co.LocalNames[arg]})" : "";
            case ArgKind.Cell:
                return arg < co.CellNames.Length ? $" ({co.CellNames[arg]})" : arg - co.CellNames.Length < co.FreeNames.Length ? $" ({co.FreeNames[arg - co.CellNames.Length]})" : "";
            case ArgKind.Jump: return $" (to {arg})";
            case ArgKind.BinaryOperator: return $" ({Ops.Symbol((BinaryOp)arg)})";
            case ArgKind.Compare: return $" ({Ops.Symbol((CompareOp)arg)})";
            case ArgKind.Invert: return arg != 0 ? " (not)" : "";
            default: return "";
        }
    }

    private static string SafeRepr(PyObject o) => o switch
    {
        PyStr s => StrOps.Repr(s.Value),
        PyInt i => i is PyBool b ? (b.Value != 0 ? "True" : "False") : i.Value.ToString(CultureInfo.InvariantCulture),
        PyFloat f => FloatOps.Repr(f.Value),
        PyNone => "None",
        PyTuple t => "(" + string.Join(", ", System.Linq.Enumerable.Select(t.Items, SafeRepr)) + (t.Items.Length == 1 ? ",)" : ")"),
        _ => o.Type.Name,
    };
}
