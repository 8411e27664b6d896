namespace MiniPy.Interpreters;

/// <summary>The exception classes of the interpreters module, which each interpreter defines for itself.</summary>
internal enum InterpreterErrorKind
{
    InterpreterError,
    InterpreterNotFoundError,
    ExecutionFailed,
    NotShareableError,
    QueueEmpty,
    QueueFull,
}
