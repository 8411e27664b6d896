"""Isolated interpreters in one process (PEP 734; CPython 3.14 ships it as concurrent.interpreters).

Each interpreter has its own modules, builtins, sys and, with the GIL on, its own GIL, so interpreters
run in parallel in either mode. Only shareable values cross between them (None, bool, int, float, str,
bytes, tuples of shareables, queues and memoryviews), copied into the receiving interpreter; a queue or
a memoryview is the same queue or the same bytes on both sides.
"""
import _interpreters
import queue as _queue

__all__ = [
    'get_current', 'get_main', 'create', 'list_all', 'is_shareable', 'create_queue',
    'Interpreter', 'Queue', 'ExceptionInfo',
    'InterpreterError', 'InterpreterNotFoundError', 'ExecutionFailed', 'NotShareableError',
    'QueueError', 'QueueNotFoundError', 'QueueEmpty', 'QueueFull',
]


class InterpreterError(Exception):
    """A cross-interpreter operation failed."""


class InterpreterNotFoundError(InterpreterError):
    """The interpreter does not exist (any more)."""


class NotShareableError(ValueError):
    """The object cannot cross to another interpreter."""


class QueueError(RuntimeError):
    """A cross-interpreter queue operation failed."""


class QueueNotFoundError(QueueError):
    """The queue does not exist."""


class QueueEmpty(QueueError, _queue.Empty):
    """get() found the queue empty (or waited out its timeout)."""


class QueueFull(QueueError, _queue.Full):
    """put() found the queue full (or waited out its timeout)."""


class _ExceptionType:
    """What is known in this interpreter about an exception class of another one."""

    def __init__(self, name, qualname, module):
        self.__name__ = name
        self.__qualname__ = qualname
        self.__module__ = module

    def __repr__(self):
        return f"<exception type {self.__module__}.{self.__qualname__} in another interpreter>"


class ExceptionInfo:
    """An uncaught exception of another interpreter, as text: type, msg, formatted, errdisplay."""

    def __init__(self, info):
        name, qualname, module, msg, formatted, errdisplay = info
        self.type = _ExceptionType(name, qualname, module)
        self.msg = msg
        self.formatted = formatted
        self.errdisplay = errdisplay

    def __repr__(self):
        return f"ExceptionInfo(type={self.type.__name__}, msg={self.msg!r})"


class ExecutionFailed(InterpreterError):
    """An exception escaped from code run in another interpreter; its description is in excinfo."""

    def __init__(self, excinfo):
        super().__init__(excinfo.formatted or excinfo.type.__name__)
        self.excinfo = excinfo

    def __str__(self):
        return f"{super().__str__()}\n\nUncaught in the interpreter:\n\n{self.excinfo.errdisplay}"


_interpreters._register_exceptions(
    InterpreterError=InterpreterError, InterpreterNotFoundError=InterpreterNotFoundError,
    ExecutionFailed=ExecutionFailed, NotShareableError=NotShareableError,
    QueueEmpty=QueueEmpty, QueueFull=QueueFull)

Queue = _interpreters.Queue


class Interpreter:
    """A handle to one interpreter, by id; handles with the same id are equal."""

    def __init__(self, id, /):
        if not isinstance(id, int):
            raise TypeError(f'id must be an int, got {type(id).__name__}')
        self._id = id

    @property
    def id(self):
        return self._id

    def __repr__(self):
        return f'{type(self).__name__}({self._id})'

    def __eq__(self, other):
        if not isinstance(other, Interpreter):
            return NotImplemented
        return self._id == other._id

    def __hash__(self):
        return hash(self._id)

    def is_running(self):
        """True while some thread runs code in this interpreter's __main__."""
        return _interpreters.is_running(self._id)

    def close(self):
        """Finalise the interpreter; InterpreterError if it is running."""
        _interpreters.destroy(self._id)

    def prepare_main(self, ns=None, /, **kwargs):
        """Bind shareable values to names in the interpreter's __main__."""
        if ns is not None:
            ns = dict(ns)
            ns.update(kwargs)
        else:
            ns = kwargs
        _interpreters.set___main___attrs(self._id, ns)

    def exec(self, code, /):
        """Run source code (or a function without arguments) in __main__; ExecutionFailed if it raises."""
        excinfo = _interpreters.exec(self._id, code)
        if excinfo is not None:
            raise ExecutionFailed(ExceptionInfo(excinfo))

    def call(self, callable, /, *args, **kwargs):
        """Call a function (without a closure) in this interpreter with shareable arguments; return its
        shareable result, or raise ExecutionFailed."""
        result, excinfo = _interpreters.call(self._id, callable, args, kwargs)
        if excinfo is not None:
            raise ExecutionFailed(ExceptionInfo(excinfo))
        return result

    def call_in_thread(self, callable, /, *args, **kwargs):
        """Like call(), in a new thread of the current interpreter; returns that (started) thread."""
        import threading
        t = threading.Thread(target=self.call, args=(callable, *args), kwargs=kwargs)
        t.start()
        return t


def get_current():
    """The interpreter running this code."""
    return Interpreter(_interpreters.get_current())


def get_main():
    """The main interpreter."""
    return Interpreter(_interpreters.get_main())


def create():
    """A new interpreter, idle and isolated."""
    return Interpreter(_interpreters.create())


def list_all():
    """Every interpreter still open."""
    return [Interpreter(id) for id in _interpreters.list_all()]


def is_shareable(obj):
    """True if obj can be passed to another interpreter."""
    return _interpreters.is_shareable(obj)


def create_queue(maxsize=0):
    """A new queue that any interpreter it is passed to can use."""
    return _interpreters.create_queue(maxsize)
