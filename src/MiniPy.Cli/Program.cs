using System;
using System.IO;
using MiniPy.Hosting;
using MiniPy.Memory;

namespace MiniPy.Cli;

/// <summary>The <c>minipy</c> command: options, then a script (or -c CODE, or nothing for the REPL).</summary>
public static class Program
{
    private const string Usage = """
usage: minipy [options] [-c CODE | FILE | -] [args...]

Options:
  -c CODE               run CODE as the main program
  --dis                 print the bytecode of FILE instead of running it
  --gil on|off          run with the global interpreter lock (default: on; also MINIPY_GIL=0|1, -X gil=0|1);
                        off is the free-threaded mode
  --refcount SCHEME     none | plain | atomic | biased (default: plain with the GIL, biased without)
  --unsafe              allow --gil off with plain or none counting (to watch counts race)
  --immortal on|off     immortal None, bools, small ints, interned strings, types (default: on)
  --stats               print reference-counting and GIL statistics at exit
  --trace FILE          write the GIL timeline of every thread at exit: FILE.json is a
                        Chrome trace-event file (open it in Perfetto), FILE.svg a picture
  --check-refs          check every reachable object's reference count at exit
  --debug               show the .NET stack of internal errors
  --version             print the version and exit
  -h, --help            print this help and exit
""";

    public static int Main(string[] args)
    {
        // Deep recursion (sys.setrecursionlimit(200000)) needs room: run on a thread with a large stack.
        int exitCode = 0;
        var thread = new System.Threading.Thread(() => exitCode = Run(args), 1024 * 1024 * 1024);
        thread.Start();
        thread.Join();
        return exitCode;
    }

    private static int UsageError(string message)
    {
        Console.Error.WriteLine($"minipy: {message}");
        Console.Error.WriteLine("usage: minipy [options] [-c CODE | FILE | -] [args...]  (see --help)");
        return 2;
    }

    private static int Run(string[] args)
    {
        var options = new RuntimeOptions();
        var env = Environment.GetEnvironmentVariable("MINIPY_GIL");
        // As CPython's PYTHON_GIL and -X gil: 0 forces the GIL off (no module can turn it back on).
        if (env == "0") options.Gil = !(options.ForceGilOff = true);
        else if (env == "1") options.Gil = true;
        bool dis = false;
        string? command = null, file = null;
        int i = 0;
        for (; i < args.Length; i++)
        {
            var a = args[i];
            if (a == "-c")
            {
                if (i + 1 >= args.Length) return UsageError("argument expected for the -c option");
                command = args[++i];
                i++;
                break;
            }
            if (a is "-h" or "--help") { Console.Out.Write(Usage); return 0; }
            if (a == "--version") { Console.Out.WriteLine("MiniPy 0.1 (Python 3.13 language subset)"); return 0; }
            if (a == "--dis") { dis = true; continue; }
            if (a == "--stats") { options.Stats = true; continue; }
            if (a == "--check-refs") { options.CheckRefs = true; continue; }
            if (a == "--debug") { options.Debug = true; continue; }
            if (a == "--unsafe") { options.Unsafe = true; continue; }
            if (a == "--trace")
            {
                if (i + 1 >= args.Length) return UsageError("argument expected for the --trace option");
                options.TracePath = args[++i];
                continue;
            }
            if (a is "--gil" or "--refcount" or "--immortal" or "-X")
            {
                if (i + 1 >= args.Length) return UsageError($"argument expected for the {a} option");
                var v = args[++i];
                switch (a)
                {
                    case "--gil":
                        if (v is not ("on" or "off")) return UsageError($"--gil expects on or off, not '{v}'");
                        options.Gil = v == "on";
                        break;
                    case "-X":
                        if (v is "gil=0" or "gil=1") options.ForceGilOff = !(options.Gil = v == "gil=1");
                        else return UsageError($"unknown -X option '{v}'");
                        break;
                    case "--refcount":
                        if (!Enum.TryParse<RefCountScheme>(v, ignoreCase: true, out var scheme) || v != v.ToLowerInvariant())
                            return UsageError($"--refcount expects none, plain, atomic or biased, not '{v}'");
                        options.RefCount = scheme;
                        break;
                    default:
                        if (v is not ("on" or "off")) return UsageError($"--immortal expects on or off, not '{v}'");
                        options.Immortal = v == "on";
                        break;
                }
                continue;
            }
            if (a.StartsWith("--", StringComparison.Ordinal) || (a.StartsWith('-') && a != "-")) return UsageError($"unknown option '{a}'");
            file = a;
            i++;
            break;
        }
        if (command is not null) options.Argv.Add("-c");
        else if (file is not null) options.Argv.Add(file);
        for (; i < args.Length; i++) options.Argv.Add(args[i]);

        MiniPyRuntime runtime;
        try { runtime = new MiniPyRuntime(options); }
        catch (NotSupportedException e) { return UsageError(e.Message); }

        if (dis)
        {
            if (file is null) return UsageError("--dis needs a FILE");
            Console.Out.Write(runtime.Disassemble(file));
            return 0;
        }
        if (command is not null) return runtime.RunCommand(command);
        if (file is not null && file != "-") return runtime.RunFile(file);
        if (file == "-" || Console.IsInputRedirected)
            return runtime.RunCommand(Console.In.ReadToEnd(), "<stdin>");
        return runtime.RunRepl(Console.In, Console.Out);
    }
}
