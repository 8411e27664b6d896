namespace MiniPy.Hosting;

/// <summary>Source that does not compile: a Python SyntaxError, with where it is.</summary>
public sealed class MiniPySyntaxException : MiniPyException
{
    /// <summary>The 1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the error.</summary>
    public int Column { get; }

    public MiniPySyntaxException(string pythonType, string pythonMessage, string report, int line, int column)
        : base(pythonType, pythonMessage, report)
    {
        Line = line;
        Column = column;
    }
}
