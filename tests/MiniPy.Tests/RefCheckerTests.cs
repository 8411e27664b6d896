using System.IO;
using MiniPy.Hosting;
using MiniPy.Memory;
using MiniPy.Objects;
using MiniPy.Runtime;
using Xunit;

namespace MiniPy.Tests;

public sealed class RefCheckerTests
{
    [Fact]
    public void Clean_program_has_no_mismatches()
    {
        var r = TestHost.RunSource("d = {'a': [1, 2, (3, 4)]}\nclass C:\n    pass\nc = C()\nc.x = d\n", checkRefs: true);
        Assert.Contains(" 0 mismatches", r.Stderr);
    }

    [Fact]
    public void A_leaked_reference_is_reported()
    {
        var interp = new Interpreter(new RuntimeOptions { CheckRefs = true, Stdout = new StringWriter(), Stderr = new StringWriter() });
        var ts = interp.MainThread;
        var list = new PyList();
        interp.Builtins.SetStr(ts, interp.Intern("leaky"), list);
        Rc.Decref(ts, list);
        Assert.Equal(0, new RefChecker(interp).Check(ts, null).Mismatches);
        Rc.Incref(ts, list); // a reference nobody holds
        var report = new RefChecker(interp).Check(ts, null);
        Assert.Equal(1, report.Mismatches);
        Assert.Contains("list object", report.Text);
    }

    [Fact]
    public void Sys_check_refs_is_callable_from_python()
    {
        var r = TestHost.RunSource("import sys\nx = [1, 2]\nprint(sys._check_refs())\n");
        Assert.Equal("0\n", r.Stdout);
    }

    [Fact]
    public void Stats_count_increments_and_deallocations()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var options = new RuntimeOptions { Stats = true, Stdout = stdout, Stderr = stderr };
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "x = [str(i) for i in range(100)]\nx = None\n");
        try { new MiniPyRuntime(options).RunFile(path); }
        finally { File.Delete(path); }
        Assert.Matches(@"stats: .*increments=[1-9]\d* decrements=[1-9]\d* .*deallocations=[1-9]\d*", stderr.ToString());
    }
}
