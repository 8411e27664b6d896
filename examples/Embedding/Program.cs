using System;
using System.Collections.Generic;
using System.IO;
using MiniPy.Hosting;

namespace MiniPy.Examples.Embedding;

/// <summary>A C# program that embeds MiniPy: globals both ways, a host module, a callback, a limit that
/// stops a runaway script, and an isolated interpreter. Its output is listed in README.md.</summary>
public static class Program
{
    public static int Main() => Run(Console.Out);

    public static int Run(TextWriter output)
    {
        var options = new RuntimeOptions { Stdout = output, Stderr = output, Capabilities = ScriptCapabilities.Clock };
        using var runtime = new MiniPyRuntime(options);

        // A module written in C#: scripts `import shop`.
        var prices = new Dictionary<string, double> { ["apple"] = 0.5, ["pear"] = 0.75 };
        runtime.RegisterModule(new HostModule("shop") { FreeThreadingSafe = true }
            .AddFunction("price", (Func<string, double>)(item => prices[item]))
            .AddValue("CURRENCY", "EUR"));

        var py = runtime.MainInterpreter;

        // Globals in, code run, globals out.
        py.SetGlobal("basket", new List<object?> { "apple", "pear", "apple" });
        py.SetGlobal("report", (Action<string>)(line => output.WriteLine($"[host] {line}")));
        py.Execute("""
            import shop
            total = sum(shop.price(item) for item in basket)
            report(f"{len(basket)} items cost {total:.2f} {shop.CURRENCY}")
            def discount(amount, percent):
                return round(amount * (100 - percent) / 100, 2)
            """);
        output.WriteLine($"total from C#: {py.GetGlobal<double>("total")}");
        output.WriteLine($"discounted: {py.Call<double>("discount", py.GetGlobal("total"), 10)}");

        // A script that never ends is stopped, and the interpreter carries on.
        try
        {
            py.Execute("while True:\n    pass", new ExecutionLimits { Timeout = TimeSpan.FromMilliseconds(100) });
        }
        catch (ScriptTerminatedException e)
        {
            output.WriteLine($"stopped: {e.Reason}");
        }
        output.WriteLine($"still usable: {py.Evaluate("1 + 1")}");

        // Errors arrive with their Python type; files are off limits to these scripts.
        try
        {
            py.Execute("open('secrets.txt')");
        }
        catch (MiniPyException e)
        {
            output.WriteLine($"{e.PythonType} for open()");
        }

        // An isolated interpreter: its own globals, its own modules.
        using (var isolated = runtime.CreateInterpreter())
        {
            isolated.Execute("total = 'nothing here'");
            output.WriteLine($"isolated total: {isolated.GetGlobal("total")}; main total: {py.GetGlobal("total")}");
        }
        return 0;
    }
}
