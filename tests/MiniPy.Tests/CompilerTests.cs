using MiniPy.Compiler;
using MiniPy.Hosting;
using MiniPy.Runtime;
using MiniPy.Syntax;
using Xunit;

namespace MiniPy.Tests;

public sealed class CompilerTests
{
    private static CodeObject Compile(string source)
    {
        var interp = new Interpreter(new RuntimeOptions { Stdout = new System.IO.StringWriter(), Stderr = new System.IO.StringWriter() });
        return CodeGenerator.CompileModule(PythonParser.ParseModule(source), "<test>", interp);
    }

    private static CodeObject Function(CodeObject module, string name)
    {
        foreach (var c in module.Consts)
            if (c is CodeObject co && co.Name == name) return co;
        throw new Xunit.Sdk.XunitException("no code object " + name);
    }

    [Fact]
    public void Function_locals_are_fast_and_module_names_use_the_namespace()
    {
        var module = Compile("x = 1\ndef f(a):\n    b = a\n    return b\n");
        Assert.Contains("STORE_NAME", Disassembler.Disassemble(module));
        var f = Function(module, "f");
        Assert.Equal(new[] { "a", "b" }, f.LocalNames);
        Assert.Contains("STORE_FAST", Disassembler.Disassemble(f));
    }

    [Fact]
    public void Captured_variable_is_a_cell_in_the_outer_function_and_free_in_the_inner()
    {
        var module = Compile("def outer():\n    n = 0\n    def inner():\n        nonlocal n\n        n += 1\n    return inner\n");
        var outer = Function(module, "outer");
        Assert.Equal(new[] { "n" }, outer.CellNames);
        Assert.Equal(new[] { "n" }, Function(outer, "inner").FreeNames);
    }

    [Fact]
    public void Method_using_super_gets_a_class_cell()
    {
        var module = Compile("class A:\n    def m(self):\n        return super().m()\n");
        var body = Function(module, "A");
        Assert.Contains("__class__", body.CellNames);
        Assert.Contains("__class__", Function(body, "m").FreeNames);
    }

    [Fact]
    public void Try_statement_produces_exception_table_entries()
    {
        var module = Compile("try:\n    x = 1\nexcept ValueError:\n    pass\nfinally:\n    y = 2\n");
        Assert.NotEmpty(module.ExceptionTable);
    }

    [Fact]
    public void Generator_function_is_flagged()
    {
        var f = Function(Compile("def g():\n    yield 1\n"), "g");
        Assert.True(f.IsGenerator);
    }

    [Fact]
    public void Every_opcode_has_a_table_row()
    {
        foreach (var op in System.Enum.GetValues<Opcode>())
            Assert.Equal(op, OpcodeTable.Info(op).Op);
    }

    [Fact]
    public void Return_outside_function_is_a_SyntaxError()
    {
        Assert.Throws<SyntaxErrorException>(() => Compile("return 1\n"));
    }
}
