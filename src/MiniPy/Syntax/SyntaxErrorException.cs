namespace MiniPy.Syntax;

/// <summary>A SyntaxError (or one of its subclasses) found while tokenizing, parsing or compiling.
/// Line and column are 1-based; the runtime turns this into a Python exception.</summary>
internal sealed class SyntaxErrorException : System.Exception
{
    public SyntaxErrorException(string message, int line, int column, string kind = "SyntaxError")
        : base(message)
    {
        Line = line;
        Column = column;
        Kind = kind;
    }

    /// <summary>The Python exception: "SyntaxError", "IndentationError" or "TabError"; or "MemoryError" and
    /// "RecursionError" for source nested deeper than CPython's parser and compiler accept.</summary>
    public string Kind { get; }
    public int Line { get; }
    public int Column { get; }
}
