using System;
using System.Runtime.CompilerServices;
using MiniPy.Compiler;
using MiniPy.Objects;

namespace MiniPy.Runtime;

internal sealed partial class ThreadState
{
    /// <summary>Calls a Python function from native code; raises its exception as a <see cref="PyException"/>.</summary>
    public PyObject CallFunction(PyFunction f, ReadOnlySpan<PyObject> args, PyTuple? kwNames)
    {
        var r = TryCallFunction(f, args, kwNames);
        if (r is null) throw TakeException();
        return r;
    }

    public PyObject CallFunction(PyFunction f, in Args args, PyTuple? kwNames) => CallFunction(f, args.All, args.KwNames ?? kwNames);

    /// <summary>Takes the exception being raised, to throw it across native code.</summary>
    public PyException TakeException() => new(TakeExceptionValue());

    /// <summary>Takes the exception being raised as an owned value.</summary>
    public PyBaseException TakeExceptionValue()
    {
        var e = CurrentException ?? new PyBaseException(Types.SystemError, new PyStr("error return without exception set"));
        CurrentException = null;
        return e;
    }

    /// <summary>Calls a Python function; null (with <see cref="CurrentException"/> set) when it raised.</summary>
    public PyObject? TryCallFunction(PyFunction f, ReadOnlySpan<PyObject> args, PyTuple? kwNames)
    {
        var code = f.Code;
        if (code.IsGenerator) return MakeGenerator(f, args, kwNames);
        var frame = PushFrame(code, f, f.Globals, f.Builtins);
        Rc.Incref(this, f);
        try { BindArguments(frame, f, args, kwNames); }
        catch
        {
            frame.Sp = frame.StackBase;
            PopFrame(frame); // also drops the frame's reference to f
            throw;
        }
        frame.IsEntry = true;
        return Eval.Run(this, frame);
    }

    /// <summary>Calls a special method for the iteration protocol without throwing.</summary>
    public PyObject? TryCallDunder(PyObject method, PyObject self)
    {
        if (method is PyFunction f)
        {
            var buf = RentArgs(1);
            buf[0] = self;
            try { return TryCallFunction(f, buf, null); }
            catch (PyException e)
            {
                CurrentException = e.Value;
                return null;
            }
            finally { buf[0] = null!; ReturnArgs(buf); }
        }
        try { return Ops.CallDunder(this, method, self); }
        catch (PyException e)
        {
            CurrentException = e.Value;
            return null;
        }
    }

    private PyObject MakeGenerator(PyFunction f, ReadOnlySpan<PyObject> args, PyTuple? kwNames)
    {
        var frame = NewGeneratorFrame(f.Code, f, f.Globals, f.Builtins);
        Rc.Incref(this, f);
        try { BindArguments(frame, f, args, kwNames); }
        catch
        {
            frame.Sp = frame.StackBase;
            PopFrame(frame); // also drops the frame's reference to f
            throw;
        }
        return new PyGenerator(this, frame, f);
    }

    /// <summary>
    /// Binds call arguments into a new frame's local slots (each slot gets its own reference) and installs
    /// the closure cells, raising TypeError with CPython's messages on a mismatch.
    /// </summary>
    public void BindArguments(Frame frame, PyFunction f, ReadOnlySpan<PyObject> args, PyTuple? kwNames)
    {
        var code = f.Code;
        var slots = frame.Slots;
        int b = frame.Base;
        int nkw = kwNames?.Count ?? 0;
        int npos = args.Length - nkw;
        int argCount = code.ArgCount;
        bool hasVarArgs = (code.CoFlags & CodeFlags.VarArgs) != 0;
        bool hasVarKw = (code.CoFlags & CodeFlags.VarKeywords) != 0;
        int varArgsIndex = argCount + code.KwOnlyCount;
        int varKwIndex = varArgsIndex + (hasVarArgs ? 1 : 0);

        int direct = Math.Min(npos, argCount);
        for (int i = 0; i < direct; i++)
        {
            slots[b + i].V = args[i];
            Rc.Incref(this, args[i]);
        }
        if (npos > argCount)
        {
            if (!hasVarArgs) throw TooManyPositional(f, npos, nkw, args, kwNames);
            slots[b + varArgsIndex].V = PyTuple.FromBorrowed(this, args.Slice(argCount, npos - argCount));
        }
        else if (hasVarArgs) slots[b + varArgsIndex].V = Types.EmptyTuple;

        PyDict? kwDict = null;
        if (hasVarKw)
        {
            kwDict = new PyDict();
            slots[b + varKwIndex].V = kwDict;
        }
        for (int k = 0; k < nkw; k++)
        {
            var name = (PyStr)kwNames!.Items[k];
            var value = args[npos + k];
            int index = -1;
            var names = code.LocalNames;
            for (int j = code.PosOnlyCount; j < argCount + code.KwOnlyCount; j++)
            {
                if (ReferenceEquals(names[j], name.Value) || names[j] == name.Value) { index = j; break; }
            }
            if (index < 0)
            {
                if (kwDict is not null)
                {
                    if (kwDict.GetItemOrNull(name) is not null)
                        throw Err.TypeError($"{Qual(f)}() got multiple values for keyword argument '{name.Value}'");
                    kwDict.SetItem(this, name, value);
                    continue;
                }
                for (int j = 0; j < code.PosOnlyCount; j++)
                    if (names[j] == name.Value)
                        throw Err.TypeError($"{Qual(f)}() got some positional-only arguments passed as keyword arguments: '{name.Value}'");
                throw Err.TypeError($"{Qual(f)}() got an unexpected keyword argument '{name.Value}'");
            }
            if (slots[b + index].V is not null)
                throw Err.TypeError($"{Qual(f)}() got multiple values for argument '{name.Value}'");
            slots[b + index].V = value;
            Rc.Incref(this, value);
        }
        if (npos < argCount || code.KwOnlyCount > 0) FillDefaults(frame, f);
        InstallClosure(frame, f);
    }

    private void FillDefaults(Frame frame, PyFunction f)
    {
        var code = f.Code;
        var slots = frame.Slots;
        int b = frame.Base;
        int argCount = code.ArgCount;
        var defaults = f.Defaults?.Items ?? Array.Empty<PyObject>();
        int firstDefault = argCount - defaults.Length;
        System.Collections.Generic.List<string>? missing = null;
        for (int i = 0; i < argCount; i++)
        {
            if (slots[b + i].V is not null) continue;
            if (i >= firstDefault)
            {
                slots[b + i].V = defaults[i - firstDefault];
                Rc.Incref(this, defaults[i - firstDefault]);
            }
            else (missing ??= new()).Add(code.LocalNames[i]);
        }
        if (missing is not null) throw Missing(f, missing, "positional");
        for (int i = argCount; i < argCount + code.KwOnlyCount; i++)
        {
            if (slots[b + i].V is not null) continue;
            var d = f.KwDefaults?.GetItemOrNull(Interp.Intern(code.LocalNames[i]));
            if (d is not null)
            {
                slots[b + i].V = d;
                Rc.Incref(this, d);
            }
            else (missing ??= new()).Add(code.LocalNames[i]);
        }
        if (missing is not null) throw Missing(f, missing, "keyword-only");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void InstallClosure(Frame frame, PyFunction f)
    {
        var closure = f.Closure;
        if (closure is null) return;
        var code = f.Code;
        int start = frame.Base + code.NLocals + code.CellNames.Length;
        for (int i = 0; i < closure.Items.Length; i++)
        {
            frame.Slots[start + i].V = closure.Items[i];
            Rc.Incref(this, closure.Items[i]);
        }
    }

    private static string Qual(PyFunction f) => ((PyStr)f.QualName).Value;

    private static PyException Missing(PyFunction f, System.Collections.Generic.List<string> names, string kind)
    {
        string list = names.Count == 1 ? $"'{names[0]}'"
            : string.Join(", ", names.GetRange(0, names.Count - 1).ConvertAll(n => $"'{n}'")) + $" and '{names[^1]}'";
        return Err.TypeError($"{Qual(f)}() missing {names.Count} required {kind} argument{(names.Count == 1 ? "" : "s")}: {list}");
    }

    private static PyException TooManyPositional(PyFunction f, int given, int nkw, ReadOnlySpan<PyObject> args, PyTuple? kwNames)
    {
        var code = f.Code;
        int defaults = f.Defaults?.Count ?? 0;
        string takes = defaults > 0
            ? $"from {code.ArgCount - defaults} to {code.ArgCount} positional arguments"
            : $"{code.ArgCount} positional argument{(code.ArgCount == 1 ? "" : "s")}";
        int kwOnlyGiven = 0;
        for (int k = 0; k < nkw; k++)
        {
            var n = ((PyStr)kwNames!.Items[k]).Value;
            for (int j = code.ArgCount; j < code.ArgCount + code.KwOnlyCount; j++) if (code.LocalNames[j] == n) kwOnlyGiven++;
        }
        string extra = kwOnlyGiven > 0 ? $" positional argument{(given == 1 ? "" : "s")} (and {kwOnlyGiven} keyword-only argument{(kwOnlyGiven == 1 ? "" : "s")}) were given" : $" {(given == 1 ? "was" : "were")} given";
        return Err.TypeError($"{Qual(f)}() takes {takes} but {given}{extra}");
    }
}
