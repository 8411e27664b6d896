using System;
using System.IO;
using Xunit;

namespace MiniPy.Tests;

/// <summary>Imports search sys.path, as CPython's do: the script's folder first, then whatever the program
/// puts there; an isolated interpreter starts from its creator's sys.path.</summary>
public sealed class ImportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "minipy-import-" + Guid.NewGuid().ToString("N"));

    public ImportTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "lib", "pkg"));
        File.WriteAllText(Path.Combine(_folder, "lib", "helper.py"), "VALUE = 42\n");
        File.WriteAllText(Path.Combine(_folder, "lib", "pkg", "__init__.py"), "NAME = 'pkg'\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_folder_added_to_sys_path_is_searched()
    {
        var lib = Path.Combine(_folder, "lib").Replace("\\", "\\\\");
        var result = TestHost.RunSource($$"""
            import sys
            try:
                import helper
            except ModuleNotFoundError as e:
                print(e)
            sys.path.insert(0, "{{lib}}")
            import helper, pkg
            print(helper.VALUE, pkg.NAME, sys.path[0] == "{{lib}}")
            """);
        Assert.Equal("No module named 'helper'\n42 pkg True\n", result.Stdout);
    }

    [Fact]
    public void Replacing_sys_path_changes_where_imports_look()
    {
        var lib = Path.Combine(_folder, "lib").Replace("\\", "\\\\");
        var result = TestHost.RunSource($$"""
            import sys
            sys.path = ["{{lib}}"]
            import helper
            sys.path = []
            try:
                import pkg
            except ModuleNotFoundError as e:
                print(e)
            print(helper.VALUE)
            """);
        Assert.Equal("No module named 'pkg'\n42\n", result.Stdout);
    }

    [Fact]
    public void An_isolated_interpreter_starts_from_its_creators_sys_path()
    {
        var lib = Path.Combine(_folder, "lib").Replace("\\", "\\\\");
        var result = TestHost.RunSource($$"""
            import sys, interpreters
            sys.path.append("{{lib}}")
            interp = interpreters.create()
            interp.exec("import sys, helper\nprint(helper.VALUE, sys.path[-1] == '{{lib}}')\nsys.path.clear()")
            print(len(sys.path) > 0)
            interp.close()
            """);
        Assert.Equal("42 True\nTrue\n", result.Stdout);
    }
}
