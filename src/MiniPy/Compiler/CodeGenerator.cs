using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using MiniPy.Objects;
using MiniPy.Runtime;
using MiniPy.Syntax;

namespace MiniPy.Compiler;

/// <summary>
/// Generates bytecode for one code object (module, class body, function, lambda or comprehension).
/// It tracks the operand-stack depth as it emits, so that exception handlers know how deep the stack
/// was, and keeps the "frame blocks" (loops, try, with, except) that return, break and continue unwind.
/// </summary>
internal sealed partial class CodeGenerator
{
    private sealed class Label
    {
        public int Position = -1;
        public int Depth = -1;
    }

    private sealed record Handler(Label Target, int Depth);

    private enum BlockKind { ForLoop, WhileLoop, TryFinally, FinallyEnd, HandlerCleanup, With }

    private sealed class Block
    {
        public BlockKind Kind;
        /// <summary>An async with: its exit is awaited.</summary>
        public bool IsAsync;
        public Label? Start, End;
        public IReadOnlyList<Stmt>? FinalBody;
        public string? HandlerName;
        public Handler? OuterHandler;
    }

    private readonly Interpreter _interp;
    private readonly SymbolTable _symbols;
    private readonly Scope _scope;
    private readonly string _filename;
    private readonly string _qualName;
    private readonly List<int> _code = new();
    private readonly List<int> _lines = new();
    private readonly List<Handler?> _handlers = new();
    private readonly List<(int Pos, Label Target)> _fixups = new();
    private readonly List<PyObject> _consts = new();
    private readonly Dictionary<object, int> _constIndex = new();
    private readonly List<PyStr> _names = new();
    private readonly Dictionary<string, int> _nameIndex = new();
    private readonly List<string> _localNames = new();
    private readonly List<Block> _blocks = new();
    private Handler? _handler;
    private int _depth, _maxDepth;
    private int _line;

    private CodeGenerator(Interpreter interp, SymbolTable symbols, Scope scope, string filename, string qualName, int firstLine)
    {
        _interp = interp;
        _symbols = symbols;
        _scope = scope;
        _filename = filename;
        _qualName = qualName;
        _line = firstLine;
        if (scope.IsFunctionLike)
        {
            foreach (var p in scope.Params) _localNames.Add(p);
            foreach (var n in scope.Order)
                if (scope.Lookup(n) == NameKind.Local && !_localNames.Contains(n)) _localNames.Add(n);
        }
    }

    public static CodeObject CompileModule(ModuleNode module, string filename, Interpreter interp)
    {
        var symbols = SymbolTable.Build(module.Body);
        var gen = new CodeGenerator(interp, symbols, symbols.Root, filename, "<module>", 1);
        gen.Body(module.Body, isModule: true);
        if (!gen.EndsWithReturn()) { gen.LoadConst(Types.None); gen.Emit(Opcode.ReturnValue); }
        return gen.Assemble("<module>", 0, 0, 0, CodeFlags.NameScope, 1);
    }

    public static CodeObject CompileExpression(Expr expr, string filename, Interpreter interp)
    {
        var symbols = SymbolTable.BuildExpression(expr);
        var gen = new CodeGenerator(interp, symbols, symbols.Root, filename, "<module>", expr.Line);
        gen.Expression(expr);
        gen.Emit(Opcode.ReturnValue);
        return gen.Assemble("<module>", 0, 0, 0, CodeFlags.NameScope, expr.Line);
    }

    // ---------------- emission ----------------

    private int Emit(Opcode op, int arg = 0)
    {
        if ((uint)arg > 0xFFFFFF) throw new SyntaxErrorException("too many constants, names or instructions in one code object", _line, 1);
        int pos = _code.Count;
        _code.Add((byte)op | (arg << 8));
        _lines.Add(_line);
        _handlers.Add(_handler);
        if (_depth >= 0)
        {
            _depth += OpcodeTable.StackEffect(op, arg);
            if (_depth > _maxDepth) _maxDepth = _depth;
        }
        switch (op)
        {
            case Opcode.ReturnValue:
            case Opcode.RaiseVarargs:
            case Opcode.Reraise:
            case Opcode.PopExceptAndReraise:
            case Opcode.Jump:
                _depth = -1; // nothing falls through
                break;
        }
        return pos;
    }

    private void EmitJump(Opcode op, Label target)
    {
        int depthBefore = _depth;
        int pos = Emit(op, 0);
        _fixups.Add((pos, target));
        if (depthBefore >= 0)
        {
            int jumpDepth = depthBefore + OpcodeTable.JumpEffect(op, 0);
            if (op == Opcode.ForIter) jumpDepth = depthBefore - 1;
            if (target.Depth < 0) target.Depth = jumpDepth;
        }
    }

    private void Bind(Label label)
    {
        label.Position = _code.Count;
        if (_depth < 0) _depth = label.Depth;
        else if (label.Depth < 0) label.Depth = _depth;
    }

    private bool EndsWithReturn() => _code.Count > 0 && (Opcode)(byte)_code[^1] == Opcode.ReturnValue && _depth < 0;

    private int AddConst(PyObject value, object key)
    {
        if (_constIndex.TryGetValue(key, out int i)) return i;
        i = _consts.Count;
        _consts.Add(value);
        _constIndex[key] = i;
        return i;
    }

    private void LoadConst(PyObject value) => Emit(Opcode.LoadConst, ConstIndex(value));

    private int ConstIndex(PyObject value)
    {
        object key = value switch
        {
            PyNone => "None",
            PyBool b => b.Value != 0 ? "True" : "False",
            PyInt i => (typeof(PyInt), i.Value),
            PyBigInt bi => (typeof(PyBigInt), bi.Value),
            PyFloat f => (typeof(PyFloat), BitConverter.DoubleToInt64Bits(f.Value)),
            PyStr s => (typeof(PyStr), s.Value),
            _ => value,
        };
        return AddConst(value, key);
    }

    private int Name(string name)
    {
        if (_nameIndex.TryGetValue(name, out int i)) return i;
        i = _names.Count;
        _names.Add(_interp.Intern(name));
        _nameIndex[name] = i;
        return i;
    }

    private int CellIndex(string name)
    {
        int i = _scope.CellOrder.IndexOf(name);
        if (i >= 0) return i;
        i = _scope.FreeOrder.IndexOf(name);
        if (i < 0) throw new SyntaxErrorException($"internal error: no cell for '{name}'", _line, 1);
        return _scope.CellOrder.Count + i;
    }

    private CodeObject Assemble(string name, int argCount, int posOnly, int kwOnly, CodeFlags flags, int firstLine)
    {
        foreach (var (pos, target) in _fixups)
        {
            if (target.Position < 0) throw new InvalidOperationException("unbound label in " + name);
            _code[pos] = (_code[pos] & 0xFF) | (target.Position << 8);
        }
        var table = new List<ExceptionEntry>();
        int start = 0;
        for (int i = 1; i <= _handlers.Count; i++)
        {
            if (i < _handlers.Count && ReferenceEquals(_handlers[i], _handlers[start])) continue;
            var h = _handlers[start];
            if (h is not null) table.Add(new ExceptionEntry(start, i, h.Target.Position, h.Depth));
            start = i;
        }
        var cellArgs = new int[_scope.CellOrder.Count];
        for (int i = 0; i < cellArgs.Length; i++) cellArgs[i] = _localNames.IndexOf(_scope.CellOrder[i]) is var k && k < _scope.Params.Count ? k : -1;
        foreach (var c in _consts) MakeConstImmortal(c);
        if (_scope.IsGenerator) flags |= CodeFlags.Generator;
        if (_scope.IsCoroutine) flags |= CodeFlags.Coroutine;
        var code = new CodeObject(_code.ToArray(), _consts.ToArray(), _names.ToArray(), _localNames.ToArray(),
            _scope.CellOrder.ToArray(), _scope.FreeOrder.ToArray(), argCount, posOnly, kwOnly, flags, _maxDepth + 2,
            _lines.ToArray(), table.ToArray(), name, _qualName, _filename, firstLine, cellArgs);
        return code;
    }

    /// <summary>Constants live as long as their code object: they are immortal, items of constant tuples too.</summary>
    private static void MakeConstImmortal(PyObject c)
    {
        if (!c.IsImmortal) c.MakeImmortal<PyObject>();
        if (c is PyTuple t) foreach (var item in t.Items) MakeConstImmortal(item);
    }

    // ---------------- names ----------------

    private void LoadName(string name)
    {
        switch (_scope.Lookup(name))
        {
            case NameKind.Local when _scope.IsFunctionLike: Emit(Opcode.LoadFast, _localNames.IndexOf(name)); break;
            case NameKind.Cell or NameKind.Free:
                Emit(_scope.Kind == ScopeKind.Class ? Opcode.LoadClassDeref : Opcode.LoadDeref, CellIndex(name));
                break;
            case NameKind.GlobalExplicit:
            case NameKind.GlobalImplicit when _scope.IsFunctionLike:
                Emit(Opcode.LoadGlobal, Name(name));
                break;
            default:
                Emit(Opcode.LoadName, Name(name));
                break;
        }
    }

    private void StoreName(string name)
    {
        switch (_scope.Lookup(name))
        {
            case NameKind.Local when _scope.IsFunctionLike: Emit(Opcode.StoreFast, _localNames.IndexOf(name)); break;
            case NameKind.Cell or NameKind.Free: Emit(Opcode.StoreDeref, CellIndex(name)); break;
            case NameKind.GlobalExplicit: Emit(Opcode.StoreGlobal, Name(name)); break;
            case NameKind.GlobalImplicit when _scope.IsFunctionLike: Emit(Opcode.StoreGlobal, Name(name)); break;
            default: Emit(Opcode.StoreName, Name(name)); break;
        }
    }

    private void DeleteName(string name)
    {
        switch (_scope.Lookup(name))
        {
            case NameKind.Local when _scope.IsFunctionLike: Emit(Opcode.DeleteFast, _localNames.IndexOf(name)); break;
            case NameKind.Cell or NameKind.Free: Emit(Opcode.DeleteDeref, CellIndex(name)); break;
            case NameKind.GlobalExplicit: Emit(Opcode.DeleteGlobal, Name(name)); break;
            case NameKind.GlobalImplicit when _scope.IsFunctionLike: Emit(Opcode.DeleteGlobal, Name(name)); break;
            default: Emit(Opcode.DeleteName, Name(name)); break;
        }
    }

    // ---------------- bodies ----------------

    private void Body(IReadOnlyList<Stmt> body, bool isModule)
    {
        foreach (var cell in _scope.CellOrder) Emit(Opcode.MakeCell, CellIndex(cell));
        foreach (var s in body) Statement(s);
    }

    private static string? Docstring(IReadOnlyList<Stmt> body) =>
        body.Count > 0 && body[0] is ExprStmt { Value: ConstantExpr { Kind: ConstantKind.Str } c } ? (string)c.Value! : null;

    private string ChildQualName(string name, Scope child)
    {
        if (_scope.Kind == ScopeKind.Module) return name;
        if (_scope.Kind == ScopeKind.Class) return _qualName + "." + name;
        return _qualName + ".<locals>." + name;
    }

    /// <summary>Compiles a function-like body into a code object and emits MAKE_FUNCTION (with closure, defaults).</summary>
    private void MakeFunction(object node, string name, Arguments args, Action<CodeGenerator> body, int line, string? doc)
    {
        var scope = _symbols.Scopes[node];
        // Defaults and keyword-only defaults are evaluated here, in the enclosing scope.
        int flags = 0;
        var positional = args.PosOnly.Concat(args.Args).ToList();
        var defaults = positional.Where(p => p.Default is not null).ToList();
        if (defaults.Count > 0)
        {
            foreach (var p in defaults) Expression(p.Default!);
            Emit(Opcode.BuildTuple, defaults.Count);
            flags |= 1;
        }
        var kwDefaults = args.KwOnly.Where(p => p.Default is not null).ToList();
        if (kwDefaults.Count > 0)
        {
            foreach (var p in kwDefaults)
            {
                LoadConst(_interp.Intern(p.Name));
                Expression(p.Default!);
            }
            Emit(Opcode.BuildMap, kwDefaults.Count);
            flags |= 2;
        }
        var qual = ChildQualName(name, scope);
        var child = new CodeGenerator(_interp, _symbols, scope, _filename, qual, line);
        if (doc is not null)
        {
            child._consts.Add(new PyStr(doc));
            child._constIndex[(typeof(PyStr), doc)] = 0;
        }
        foreach (var cell in scope.CellOrder) child.Emit(Opcode.MakeCell, child.CellIndex(cell));
        body(child);
        if (!child.EndsWithReturn()) { child.LoadConst(Types.None); child.Emit(Opcode.ReturnValue); }
        var cflags = CodeFlags.None;
        if (args.VarArg is not null) cflags |= CodeFlags.VarArgs;
        if (args.KwArg is not null) cflags |= CodeFlags.VarKeywords;
        var code = child.Assemble(name, positional.Count, args.PosOnly.Count, args.KwOnly.Count, cflags, line);
        code.HasDocstring = doc is not null;
        if (scope.FreeOrder.Count > 0)
        {
            foreach (var free in scope.FreeOrder) Emit(Opcode.LoadClosure, CellIndex(free));
            Emit(Opcode.BuildTuple, scope.FreeOrder.Count);
            flags |= 8;
        }
        LoadConst(code);
        Emit(Opcode.MakeFunction, flags);
    }

    private void FunctionDef(FunctionDefStmt f)
    {
        foreach (var d in f.Decorators) Expression(d);
        var doc = Docstring(f.Body);
        MakeFunction(f, f.Name, f.Args, child =>
        {
            foreach (var s in doc is null ? f.Body : f.Body.Skip(1)) child.Statement(s);
        }, f.Line, doc);
        for (int i = 0; i < f.Decorators.Count; i++) CallOneArgBelow();
        StoreName(f.Name);
    }

    /// <summary>Calls the decorator below the top of the stack with the top as its argument.</summary>
    private void CallOneArgBelow()
    {
        // [decorator, value] -> [decorator, NULL, value] -> CALL 1
        Emit(Opcode.PushNull);
        Emit(Opcode.Swap, 2);
        Emit(Opcode.Call, 1);
    }

    private void ClassDef(ClassDefStmt c)
    {
        foreach (var d in c.Decorators) Expression(d);
        var scope = _symbols.Scopes[c];
        Emit(Opcode.LoadBuildClass);
        Emit(Opcode.PushNull);
        var qual = ChildQualName(c.Name, scope);
        var child = new CodeGenerator(_interp, _symbols, scope, _filename, qual, c.Line);
        foreach (var cell in scope.CellOrder) child.Emit(Opcode.MakeCell, child.CellIndex(cell));
        child.Emit(Opcode.LoadName, child.Name("__name__"));
        child.Emit(Opcode.StoreName, child.Name("__module__"));
        child.LoadConst(new PyStr(qual));
        child.Emit(Opcode.StoreName, child.Name("__qualname__"));
        var doc = Docstring(c.Body);
        if (doc is not null)
        {
            child.LoadConst(new PyStr(doc));
            child.Emit(Opcode.StoreName, child.Name("__doc__"));
        }
        foreach (var s in doc is null ? c.Body : c.Body.Skip(1)) child.Statement(s);
        if (scope.CellOrder.Contains("__class__"))
        {
            child.Emit(Opcode.LoadClosure, child.CellIndex("__class__"));
            child.Emit(Opcode.StoreName, child.Name("__classcell__"));
        }
        child.LoadConst(Types.None);
        child.Emit(Opcode.ReturnValue);
        var code = child.Assemble(c.Name, 0, 0, 0, CodeFlags.NameScope, c.Line);
        int flags = 0;
        if (scope.FreeOrder.Count > 0)
        {
            foreach (var free in scope.FreeOrder) Emit(Opcode.LoadClosure, CellIndex(free));
            Emit(Opcode.BuildTuple, scope.FreeOrder.Count);
            flags |= 8;
        }
        LoadConst(code);
        Emit(Opcode.MakeFunction, flags);
        LoadConst(new PyStr(c.Name));
        CallWith(2, c.Bases, c.Keywords);
        for (int i = 0; i < c.Decorators.Count; i++) CallOneArgBelow();
        StoreName(c.Name);
    }
}
