using System;
using MiniPy.Hosting;
using Xunit;

namespace MiniPy.Tests;

/// <summary>Isolated interpreters (the interpreters module): isolation, shareable values, queues, failures
/// crossing as ExecutionFailed, and the clean end of an interpreter, with the GIL and without it.</summary>
public sealed class InterpreterTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static RunResult Run(string program, bool gil) =>
        TestHost.RunSource(program, o => { o.Gil = gil; o.CheckRefs = true; }, Deadline);

    private static void AssertClean(RunResult result)
    {
        Assert.Contains(" 0 mismatches", result.Stderr);
        Assert.DoesNotContain("still alive", result.Stderr);
        Assert.DoesNotContain("Traceback", result.Stderr);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Globals_modules_classes_and_sys_path_are_separate(bool gil)
    {
        const string program = """
            import interpreters, sys, math
            g = 1
            class C:
                attr = "main"
            interp = interpreters.create()
            interp.exec('''
            import sys, math
            g = 2
            math.tau = 99
            class C:
                attr = "sub"
            C.attr = "changed"
            sys.path.append("/nowhere")
            sys.setrecursionlimit(77)
            ''')
            print(g, math.tau == 2 * math.pi, C.attr, "/nowhere" in sys.path, sys.getrecursionlimit())
            interp.exec("print(g, math.tau, C.attr, sys.path[-1], sys.getrecursionlimit())")
            interp.close()
            """;
        var result = Run(program, gil);
        Assert.Equal("1 True main False 1000\n2 99 changed /nowhere 77\n", result.Stdout);
        AssertClean(result);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_non_shareable_type_is_refused(bool gil)
    {
        const string program = """
            import interpreters, math
            class C:
                pass
            def gen():
                yield 1
            bad = [[1], {1: 2}, {1}, frozenset(), object(), lambda: 1, C, C(), bytearray(b"x"), math,
                   range(3), (1, [2]), print, slice(1), Ellipsis, NotImplemented, type, iter([]), gen(),
                   ValueError("x"), {}.keys(), property(), super, 1 .__add__, True.__class__]
            q = interpreters.create_queue()
            interp = interpreters.create()
            refused = 0
            for b in bad:
                for attempt in (lambda: q.put(b), lambda: interp.prepare_main(v=b), lambda: interp.call(abs, b)):
                    try:
                        attempt()
                        print("crossed:", type(b).__name__)
                    except interpreters.NotShareableError:
                        refused += 1
                assert not interpreters.is_shareable(b)
            print(refused == 3 * len(bad), q.empty())
            for good in [None, True, 5, 2**100, -3.5, "s", b"b", (1, ("x", None)), q, memoryview(b"ab")]:
                assert interpreters.is_shareable(good), good
            print(issubclass(interpreters.NotShareableError, ValueError))
            interp.close()
            """;
        var result = Run(program, gil);
        Assert.Equal("True True\nTrue\n", result.Stdout);
        AssertClean(result);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Shareable_values_arrive_equal_and_queues_are_the_same_queue(bool gil)
    {
        const string program = """
            import interpreters
            values = (None, True, False, 0, -7, 2**200, -2**70, 1.5, float("inf"), "", "héllo", b"", b"\x00\xff", ((1,), ("a", (None,))))
            q = interpreters.create_queue()
            back = interpreters.create_queue()
            interp = interpreters.create()
            interp.prepare_main(q=q, back=back)
            for v in values:
                q.put(v)
            interp.exec("for _ in range(q.qsize()):\n    back.put(q.get())\nback.put(q == back, q.id)")
            got = tuple(back.get() for _ in values)
            print(got == values, [type(x).__name__ for x in got[:8]])
            print(back.get(), q.qsize(), back.empty())
            interp.close()
            """;
        var result = Run(program, gil);
        Assert.Equal("True ['NoneType', 'bool', 'bool', 'int', 'int', 'int', 'int', 'float']\nFalse 0 True\n", result.Stdout);
        AssertClean(result);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_exception_arrives_as_ExecutionFailed_with_its_type_and_traceback(bool gil)
    {
        const string program = """
            import interpreters
            interp = interpreters.create()
            try:
                interp.exec("def f():\n    raise KeyError('k')\nf()")
            except interpreters.ExecutionFailed as e:
                print(e.excinfo.type.__name__, e.excinfo.msg, e.excinfo.formatted)
                print(e.excinfo.errdisplay)
            def boom(n):
                return 1 // n
            try:
                interp.call(boom, 0)
            except interpreters.ExecutionFailed as e:
                print(e.excinfo.type.__name__, "|", str(e).splitlines()[0])
            try:
                interp.exec("x = (")
            except interpreters.ExecutionFailed as e:
                print(e.excinfo.type.__name__)
            print(interp.call(boom, 1))
            interp.close()
            """;
        var result = Run(program, gil);
        Assert.Equal("""
            KeyError 'k' KeyError: 'k'
            Traceback (most recent call last):
              File "<string>", line 3, in <module>
                f()
              File "<string>", line 2, in f
                raise KeyError('k')
            KeyError: 'k'
            ZeroDivisionError | ZeroDivisionError: integer division or modulo by zero
            SyntaxError
            1

            """.Replace("\r\n", "\n"), result.Stdout);
        AssertClean(result);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Functions_cross_as_code_and_closures_are_refused(bool gil)
    {
        const string program = """
            import interpreters
            interp = interpreters.create()
            def add(a, b=10, *, c=100):
                return a + b + c
            print(interp.call(add, 1), interp.call(add, 1, 2, c=3), interp.call(abs, -4))
            def outer():
                y = 1
                def inner():
                    return y
                return inner
            try:
                interp.call(outer())
            except interpreters.NotShareableError as e:
                print(e)
            try:
                interp.call(lambda: [1])
            except interpreters.NotShareableError:
                print("list result refused")
            def body():
                import sys
                print("body ran", __name__)
            interp.exec(body)
            try:
                interp.exec(add)
            except ValueError as e:
                print(e)
            interp.close()
            """;
        var result = Run(program, gil);
        Assert.Equal(
            "111 6 4\n" +
            "function 'outer.<locals>.inner' closes over variables of its enclosing scope (y) and cannot run in another interpreter\n" +
            "list result refused\nbody ran __main__\na function run by exec() must take no arguments\n", result.Stdout);
        AssertClean(result);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_memoryview_shares_its_bytes_and_pins_the_bytearray(bool gil)
    {
        const string program = """
            import interpreters
            buf = bytearray(8)
            mv = memoryview(buf)
            interp = interpreters.create()
            interp.prepare_main(mv=mv)
            interp.exec("mv[0] = 42\nmv[1:3] = b'hi'\nprint(mv.readonly, len(mv), mv.obj)")
            print(buf[:3])
            try:
                buf.append(1)
            except BufferError as e:
                print(e)
            interp.exec("mv.release()")
            mv.release()
            buf.append(1)
            print(len(buf))
            interp.close()
            """;
        var result = Run(program, gil);
        Assert.Equal("False 8 None\nbytearray(b'*hi')\nExisting exports of data: object cannot be re-sized\n9\n", result.Stdout);
        AssertClean(result);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Queues_block_time_out_and_raise_their_own_errors(bool gil)
    {
        const string program = """
            import interpreters, queue, threading, time
            q = interpreters.create_queue(maxsize=1)
            q.put(1)
            try:
                q.put(2, timeout=0.01)
            except interpreters.QueueFull:
                print("full", q.full(), q.qsize(), q.maxsize)
            print(q.get(), q.empty())
            try:
                q.get(timeout=0.01)
            except queue.Empty as e:
                print("empty", type(e).__name__)
            try:
                q.get_nowait()
            except interpreters.QueueEmpty:
                print("nowait empty")
            interp = interpreters.create()
            interp.prepare_main(q=q)
            def nap(seconds):
                import time
                time.sleep(seconds)
            t = interp.call_in_thread(nap, 0.05)
            producer = threading.Thread(target=interp.exec, args=("import time\ntime.sleep(0.05)\nq.put('late')",))
            t.join(30)
            producer.start()
            print(q.get(timeout=30))
            producer.join(30)
            interp.close()
            """;
        var result = Run(program, gil);
        Assert.Equal("full True 1 1\n1 True\nempty QueueEmpty\nnowait empty\nlate\n", result.Stdout);
        AssertClean(result);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Closing_a_running_interpreter_is_refused_and_a_closed_one_is_gone(bool gil)
    {
        const string program = """
            import interpreters, threading
            interp = interpreters.create()
            started = interpreters.create_queue()
            release = interpreters.create_queue()
            interp.prepare_main(started=started, release=release)
            t = threading.Thread(target=interp.exec, args=("started.put(1)\nrelease.get()",))
            t.start()
            started.get(timeout=30)
            print(interp.is_running())
            for attempt in (interp.close, lambda: interp.exec("pass")):
                try:
                    attempt()
                except interpreters.InterpreterError as e:
                    print(type(e).__name__, e)
            release.put(None)
            t.join(30)
            print(interp.is_running())
            interp.close()
            try:
                interp.exec("pass")
            except interpreters.InterpreterNotFoundError as e:
                print(e)
            try:
                interpreters.get_main().close()
            except interpreters.InterpreterError as e:
                print(e)
            print(len(interpreters.list_all()))
            """;
        var result = Run(program, gil);
        Assert.Equal(
            "True\nInterpreterError interpreter already running\nInterpreterError interpreter already running\nFalse\n" +
            "unrecognized interpreter ID 1\ncannot close the main interpreter\n1\n", result.Stdout);
        AssertClean(result);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_hundred_interpreters_created_and_closed_leave_nothing_behind(bool gil)
    {
        const string program = """
            import interpreters, threading
            before = threading.active_count()
            for i in range(100):
                s = interpreters.create()
                s.exec('''
            import threading, queue
            class K:
                def __del__(self):
                    pass
            k = K()
            def f():
                return k
            objs = [f, K, {1: [2, (3,)]}]
            objs.append(objs)
            ''')
                s.close()
            print(len(interpreters.list_all()), threading.active_count() == before)
            """;
        var result = Run(program, gil);
        Assert.Equal("1 True\n", result.Stdout);
        AssertClean(result);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Closed_interpreters_keep_no_thread_states(bool gil)
    {
        // exec runs on the calling thread with a thread state it gives back; closing leaves none behind.
        using var runtime = new MiniPyRuntime(new RuntimeOptions { Gil = gil, Stdout = new System.IO.StringWriter() });
        var closed = new System.Collections.Generic.List<MiniPy.Runtime.Interpreter>();
        for (int k = 0; k < 100; k++)
        {
            var interp = runtime.CreateInterpreter();
            interp.Execute("import threading\nx = [i for i in range(10)]");
            closed.Add(interp.Interp);
            interp.Dispose();
        }
        Assert.All(closed, i => Assert.Empty(i.Threads()));
        Assert.All(closed, i => Assert.True(i.IsClosed));
        Assert.Single(runtime.MainInterpreter.Evaluate<System.Collections.Generic.List<object?>>("__import__('interpreters').list_all()"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Interpreters_left_open_are_closed_at_exit(bool gil)
    {
        const string program = """
            import interpreters
            for i in range(3):
                interpreters.create().exec("class A:\n    def __del__(self):\n        print('finalised')\na = A()")
            print("main done")
            """;
        var result = Run(program, gil);
        Assert.Equal("main done\nfinalised\nfinalised\nfinalised\n", result.Stdout);
        AssertClean(result);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_interpreter_pool_runs_tasks_in_its_own_interpreters(bool gil)
    {
        const string program = """
            import interpreters
            from concurrent.futures import InterpreterPoolExecutor
            def where(x):
                import interpreters
                return x * x, interpreters.get_current().id != 0
            def fail():
                raise ValueError("no")
            with InterpreterPoolExecutor(max_workers=2) as pool:
                print(list(pool.map(where, range(5))))
                f = pool.submit(fail)
                try:
                    f.result(timeout=30)
                except interpreters.ExecutionFailed as e:
                    print(e.excinfo.type.__name__, e.excinfo.msg)
            print(len(interpreters.list_all()))
            """;
        var result = Run(program, gil);
        Assert.Equal("[(0, True), (1, True), (4, True), (9, True), (16, True)]\nValueError no\n1\n", result.Stdout);
        AssertClean(result);
    }
}
