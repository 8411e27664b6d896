using System;

namespace MiniPy.Hosting;

/// <summary>
/// A Python exception that escaped from a script to the host: its type name, its message (str() of it)
/// and the traceback CPython would print.
/// </summary>
public class MiniPyException : Exception
{
    /// <summary>The exception's Python type name, e.g. <c>ValueError</c>.</summary>
    public string PythonType { get; }

    /// <summary>str() of the Python exception.</summary>
    public string PythonMessage { get; }

    /// <summary>The traceback, formatted as CPython prints it.</summary>
    public string PythonTraceback { get; }

    public MiniPyException(string pythonType, string pythonMessage, string pythonTraceback)
        : base(pythonMessage.Length == 0 ? pythonType : $"{pythonType}: {pythonMessage}")
    {
        PythonType = pythonType;
        PythonMessage = pythonMessage;
        PythonTraceback = pythonTraceback;
    }
}
