using MiniPy.Objects;

namespace MiniPy.Runtime;

/// <summary>
/// A Python exception crossing native (C#) code. The eval loop raises and unwinds Python exceptions
/// without .NET exceptions; only built-ins throw this, and the loop catches it at its boundary.
/// </summary>
internal sealed class PyException : System.Exception
{
    public PyException(PyBaseException value) : base(null)
    {
        Value = value;
    }

    /// <summary>The exception object; this .NET exception owns one reference to it.</summary>
    public PyBaseException Value { get; }

    public override string Message => Value.Type.Name + ": " + Value.MessageText();
}
