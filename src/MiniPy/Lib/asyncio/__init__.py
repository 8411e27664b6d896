"""asyncio for MiniPy: an event loop, tasks and futures, written on coroutines (CPython's design, smaller).

One event loop per thread. The loop keeps a ready queue and a timer heap; when nothing is ready it waits on
a condition until the next timer is due or another thread hands it work (call_soon_threadsafe), which is how
to_thread and run_in_executor bring results back from real threads.
"""
import heapq as _heapq
import threading as _threading
import time as _time
import collections as _collections

__all__ = [
    'run', 'get_running_loop', 'get_event_loop', 'new_event_loop', 'set_event_loop', 'create_task',
    'gather', 'sleep', 'wait_for', 'wait', 'as_completed', 'shield', 'ensure_future', 'to_thread',
    'iscoroutine', 'iscoroutinefunction', 'current_task', 'all_tasks', 'timeout', 'TaskGroup',
    'ExceptionGroup', 'BaseExceptionGroup',
    'Future', 'Task', 'Event', 'Lock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Queue', 'LifoQueue',
    'PriorityQueue', 'QueueEmpty', 'QueueFull', 'CancelledError', 'TimeoutError', 'InvalidStateError',
    'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'AbstractEventLoop', 'EventLoop',
]

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

TimeoutError = TimeoutError


class CancelledError(BaseException):
    """The Task or Future was cancelled."""


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""


class QueueEmpty(Exception):
    """Raised by Queue.get_nowait() on an empty queue."""


class QueueFull(Exception):
    """Raised by Queue.put_nowait() on a full queue."""


_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'

_local = _threading.local()


def _get_running_loop():
    return getattr(_local, 'running_loop', None)


def get_running_loop():
    """The loop running in this thread; RuntimeError if there is none."""
    loop = _get_running_loop()
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def get_event_loop():
    loop = _get_running_loop()
    if loop is not None:
        return loop
    loop = getattr(_local, 'loop', None)
    if loop is None or loop.is_closed():
        loop = new_event_loop()
        _local.loop = loop
    return loop


def set_event_loop(loop):
    _local.loop = loop


def new_event_loop():
    return EventLoop()


class Handle:
    """A callback scheduled on a loop; cancel() keeps it from running."""

    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def cancel(self):
        self._cancelled = True
        self._callback = None
        self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({'message': 'Exception in callback', 'exception': exc})


class TimerHandle(Handle):
    """A callback scheduled for a time (loop.time() clock)."""

    def __init__(self, when, callback, args, loop):
        super().__init__(callback, args, loop)
        self._when = when

    def when(self):
        return self._when

    def __lt__(self, other):
        return self._when < other._when


class AbstractEventLoop:
    """The event loop interface."""


class EventLoop(AbstractEventLoop):
    """A single-threaded event loop: ready callbacks, a timer heap, and a wake-up for other threads."""

    def __init__(self):
        # A list swapped out whole at each iteration: callbacks scheduled while it runs wait for the next.
        self._ready = []
        self._scheduled = []
        self._current_task = None
        self._stopping = False
        self._closed = False
        self._running = False
        self._thread_calls = []
        self._wakeup = _threading.Condition(_threading.Lock())
        self._default_executor = None
        self._exception_handler = None

    def time(self):
        return _time.monotonic()

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def call_soon(self, callback, *args, context=None):
        if self._closed:
            raise RuntimeError('Event loop is closed')
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self.time() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        timer = TimerHandle(when, callback, args, self)
        _heapq.heappush(self._scheduled, timer)
        return timer

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self)
        with self._wakeup:
            self._thread_calls.append(handle)
            self._wakeup.notify()
        return handle

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        return Task(coro, loop=self, name=name)

    def run_in_executor(self, executor, func, *args):
        """Runs func(*args) in a thread pool; returns an asyncio Future for its result."""
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            if executor is None:
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor()
                self._default_executor = executor
        return wrap_future(executor.submit(func, *args), loop=self)

    def set_exception_handler(self, handler):
        self._exception_handler = handler

    def call_exception_handler(self, context):
        if self._exception_handler is not None:
            self._exception_handler(self, context)
            return
        import sys
        exc = context.get('exception')
        message = context.get('message', 'Unhandled exception in event loop')
        print(message, file=sys.stderr)
        if exc is not None:
            print(f'{type(exc).__name__}: {exc}', file=sys.stderr)

    def stop(self):
        self._stopping = True

    def run_forever(self):
        self._check_closed()
        if self._running:
            raise RuntimeError('This event loop is already running')
        if _get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')
        self._running = True
        _local.running_loop = self
        try:
            while not self._stopping:
                self._run_once()
        finally:
            self._stopping = False
            self._running = False
            _local.running_loop = None

    def run_until_complete(self, future):
        future = ensure_future(future, loop=self)
        future.add_done_callback(_stop_loop)
        try:
            self.run_forever()
        finally:
            future.remove_done_callback(_stop_loop)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def _run_once(self):
        if not self._ready:
            timeout = None
            if self._scheduled:
                timeout = max(0.0, self._scheduled[0]._when - self.time())
            with self._wakeup:
                if not self._thread_calls and not self._stopping:
                    if timeout is None:
                        self._wakeup.wait()
                    elif timeout > 0:
                        self._wakeup.wait(timeout)
        if self._thread_calls:
            with self._wakeup:
                calls, self._thread_calls = self._thread_calls, []
            self._ready.extend(calls)
        if self._scheduled:
            now = self.time()
            while self._scheduled and self._scheduled[0]._when <= now:
                timer = _heapq.heappop(self._scheduled)
                if not timer._cancelled:
                    self._ready.append(timer)
        ready = self._ready
        self._ready = []
        for handle in ready:
            if not handle._cancelled:
                handle._run()

    def shutdown_default_executor(self):
        if self._default_executor is not None:
            self._default_executor.shutdown(wait=True)
            self._default_executor = None

    def close(self):
        if self._running:
            raise RuntimeError('Cannot close a running event loop')
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        self.shutdown_default_executor()


def _stop_loop(fut):
    fut._loop.stop()


class Future:
    """A result that will be set later; awaiting it suspends the task until then."""

    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        self._loop = loop if loop is not None else get_event_loop()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None

    def get_loop(self):
        return self._loop

    def done(self):
        return self._state != _PENDING

    def cancelled(self):
        return self._state == _CANCELLED

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _make_cancelled_error(self):
        return CancelledError() if self._cancel_message is None else CancelledError(self._cancel_message)

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Result is not ready.')
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Exception is not set.')
        return self._exception

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError(f'{self._state}: {self!r}')
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError(f'{self._state}: {self!r}')
        if isinstance(exception, type):
            exception = exception()
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        kept = [f for f in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        self._callbacks = kept
        return removed

    def _schedule_callbacks(self):
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            self._loop.call_soon(callback, self)

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError('await wasn\'t used with future')
        return self.result()

    __iter__ = __await__

    def __repr__(self):
        state = self._state.lower()
        if self._state == _FINISHED:
            if self._exception is not None:
                state += f' exception={self._exception!r}'
            else:
                state += f' result={self._result!r}'
        return f'<{type(self).__name__} {state}>'


def isfuture(obj):
    return isinstance(obj, Future)


_task_counter = [0]


class Task(Future):
    """Runs a coroutine on the loop: each step sends into it until it awaits a future or finishes."""

    def __init__(self, coro, *, loop=None, name=None):
        super().__init__(loop=loop)
        if not iscoroutine(coro):
            raise TypeError(f'a coroutine was expected, got {coro!r}')
        self._coro = coro
        self._fut_waiter = None
        self._must_cancel = False
        _task_counter[0] += 1
        self._name = name if name is not None else f'Task-{_task_counter[0]}'
        self._loop.call_soon(self.__step)
        _all_tasks.add(self)

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_coro(self):
        return self._coro

    def cancel(self, msg=None):
        if self.done():
            return False
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def __step(self, exc=None):
        if self._state != _PENDING:
            return
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        loop = self._loop
        previous = loop._current_task
        loop._current_task = self
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as e:
            if self._must_cancel:
                self._must_cancel = False
                super().cancel(msg=self._cancel_message)
            else:
                super().set_result(e.value)
        except CancelledError as e:
            self._cancel_message = e.args[0] if e.args else None
            super().cancel(msg=self._cancel_message)
        except (KeyboardInterrupt, SystemExit) as e:
            super().set_exception(e)
            raise
        except BaseException as e:
            super().set_exception(e)
        else:
            if getattr(result, '_asyncio_future_blocking', False):
                result._asyncio_future_blocking = False
                if result is self:
                    self._loop.call_soon(self.__step, RuntimeError(f'Task cannot await on itself: {self!r}'))
                else:
                    result.add_done_callback(self.__wakeup)
                    self._fut_waiter = result
                    if self._must_cancel:
                        if self._fut_waiter.cancel(msg=self._cancel_message):
                            self._must_cancel = False
            elif result is None:
                # A bare yield (sleep(0)): let the other ready callbacks run first.
                loop._ready.append(Handle(self.__step, (), loop))
            else:
                self._loop.call_soon(self.__step, RuntimeError(f'Task got bad yield: {result!r}'))
        finally:
            loop._current_task = previous
            if self._state != _PENDING:
                _all_tasks.discard(self)

    def __wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self.__step(exc)
        else:
            self.__step()

    def __repr__(self):
        return f'<Task {self._state.lower()} name={self._name!r}>'


_all_tasks = set()


def current_task(loop=None):
    if loop is None:
        loop = _get_running_loop()
    return None if loop is None else loop._current_task


def all_tasks(loop=None):
    return {t for t in _all_tasks if not t.done()}


def iscoroutine(obj):
    return type(obj).__name__ == 'coroutine'


def iscoroutinefunction(func):
    func = getattr(func, '__func__', func)
    while hasattr(func, 'func') and hasattr(func, 'args'):   # functools.partial
        func = func.func
    code = getattr(func, '__code__', None)
    return code is not None and bool(code.co_flags & 0x80)


def ensure_future(coro_or_future, *, loop=None):
    if isinstance(coro_or_future, Future):
        return coro_or_future
    if loop is None:
        loop = get_event_loop()
    if iscoroutine(coro_or_future):
        return loop.create_task(coro_or_future)
    if hasattr(coro_or_future, '__await__'):
        return loop.create_task(_wrap_awaitable(coro_or_future))
    raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')


async def _wrap_awaitable(awaitable):
    return await awaitable


def wrap_future(future, *, loop=None):
    """An asyncio Future that completes when a concurrent.futures Future does (from any thread)."""
    if isinstance(future, Future):
        return future
    if loop is None:
        loop = get_event_loop()
    new_future = loop.create_future()

    def copy_state(source):
        if new_future.done():
            return
        if source.cancelled():
            new_future.cancel()
            return
        exc = source.exception()
        if exc is not None:
            new_future.set_exception(exc)
        else:
            new_future.set_result(source.result())

    future.add_done_callback(lambda source: loop.call_soon_threadsafe(copy_state, source))
    return new_future


def create_task(coro, *, name=None, context=None):
    return get_running_loop().create_task(coro, name=name)


class _YieldOnce:
    def __await__(self):
        yield


_yield_once = _YieldOnce()


async def sleep(delay, result=None):
    """Suspend for delay seconds (0: let the other tasks run once)."""
    if delay <= 0:
        await _yield_once
        return result
    loop = get_running_loop()
    future = loop.create_future()
    handle = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        handle.cancel()


def _set_result_unless_cancelled(future, result):
    if not future.done():
        future.set_result(result)


def run(main, *, debug=None):
    """Run a coroutine in a new event loop and return its result; the loop is closed afterwards."""
    if _get_running_loop() is not None:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    if not iscoroutine(main):
        raise ValueError(f'a coroutine was expected, got {main!r}')
    loop = new_event_loop()
    previous = getattr(_local, 'loop', None)
    _local.loop = loop
    try:
        return loop.run_until_complete(main)
    finally:
        try:
            _cancel_all_tasks(loop)
        finally:
            _local.loop = previous
            loop.close()


def _cancel_all_tasks(loop):
    pending = [t for t in _all_tasks if not t.done() and t._loop is loop]
    if not pending:
        return
    for task in pending:
        task.cancel()
    loop.run_until_complete(gather(*pending, return_exceptions=True))


class _GatheringFuture(Future):
    """gather()'s future: cancelling it cancels its children."""

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children

    def cancel(self, msg=None):
        if self.done():
            return False
        cancelled = False
        for child in self._children:
            if child.cancel(msg=msg):
                cancelled = True
        return cancelled or super().cancel(msg=msg)


def gather(*coros_or_futures, return_exceptions=False):
    """A future for the results of all the awaitables, in order."""
    loop = _get_running_loop() or get_event_loop()
    children = [ensure_future(c, loop=loop) for c in coros_or_futures]
    if not children:
        outer = loop.create_future()
        outer.set_result([])
        return outer
    outer = _GatheringFuture(children, loop=loop)
    remaining = [len(children)]

    def child_done(child):
        if outer.done():
            if not child.cancelled():
                child.exception()
            return
        if not return_exceptions:
            if child.cancelled():
                outer.set_exception(child._make_cancelled_error())
                return
            exc = child.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        remaining[0] -= 1
        if remaining[0] == 0:
            results = []
            for c in outer._children:
                if c.cancelled():
                    results.append(c._make_cancelled_error())
                elif c.exception() is not None:
                    results.append(c.exception())
                else:
                    results.append(c.result())
            outer._children = ()
            outer.set_result(results)

    for child in children:
        child.add_done_callback(child_done)
    return outer


async def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner.result()
    loop = inner._loop
    outer = loop.create_future()

    def done(f):
        if outer.done():
            return
        if f.cancelled():
            outer.cancel()
        elif f.exception() is not None:
            outer.set_exception(f.exception())
        else:
            outer.set_result(f.result())

    inner.add_done_callback(done)
    return await outer


async def wait_for(fut, timeout):
    """Await fut, cancelling it and raising TimeoutError if it takes longer than timeout seconds."""
    fut = ensure_future(fut)
    if timeout is None:
        return await fut
    loop = fut._loop
    if fut.done():
        return fut.result()
    waiter = loop.create_future()
    timer = loop.call_later(max(timeout, 0), _set_result_unless_cancelled, waiter, False)
    fut.add_done_callback(lambda f: _set_result_unless_cancelled(waiter, True))
    try:
        try:
            await waiter
        except CancelledError:
            fut.cancel()
            raise
        if fut.done():
            return fut.result()
        fut.cancel()
        try:
            await fut
        except CancelledError:
            pass
        raise TimeoutError()
    finally:
        timer.cancel()


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures or tasks in fs; returns (done, pending) sets."""
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    loop = get_running_loop()
    fs = {ensure_future(f, loop=loop) for f in fs}
    waiter = loop.create_future()
    timer = None
    if timeout is not None:
        timer = loop.call_later(timeout, _set_result_unless_cancelled, waiter, None)
    counter = [len(fs)]

    def on_done(f):
        counter[0] -= 1
        if (counter[0] <= 0 or return_when == FIRST_COMPLETED or
                (return_when == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None)):
            _set_result_unless_cancelled(waiter, None)

    for f in fs:
        f.add_done_callback(on_done)
    try:
        if not any_done_enough(fs, return_when):
            await waiter
    finally:
        if timer is not None:
            timer.cancel()
        for f in fs:
            f.remove_done_callback(on_done)
    done = {f for f in fs if f.done()}
    return done, fs - done


def any_done_enough(fs, return_when):
    done = [f for f in fs if f.done()]
    if return_when == ALL_COMPLETED:
        return len(done) == len(fs)
    if return_when == FIRST_COMPLETED:
        return bool(done)
    return any(not f.cancelled() and f.exception() is not None for f in done) or len(done) == len(fs)


def as_completed(fs, *, timeout=None):
    """An iterator of awaitables that give the results in the order the futures finish."""
    loop = _get_running_loop() or get_event_loop()
    todo = [ensure_future(f, loop=loop) for f in fs]
    done_queue = Queue()
    deadline = None if timeout is None else loop.time() + timeout

    for f in todo:
        f.add_done_callback(done_queue.put_nowait)

    async def next_done():
        if deadline is None:
            f = await done_queue.get()
        else:
            f = await wait_for(done_queue.get(), max(0, deadline - loop.time()))
        return f.result()

    for _ in range(len(todo)):
        yield next_done()


async def to_thread(func, /, *args, **kwargs):
    """Run func(*args, **kwargs) in a separate thread and await its result."""
    loop = get_running_loop()
    if kwargs:
        return await loop.run_in_executor(None, lambda: func(*args, **kwargs))
    return await loop.run_in_executor(None, func, *args)


class Timeout:
    """async with asyncio.timeout(delay): cancels the block and raises TimeoutError when the delay passes."""

    def __init__(self, when):
        self._when = when
        self._handle = None
        self._task = None
        self._expired = False

    async def __aenter__(self):
        self._task = current_task()
        if self._task is None:
            raise RuntimeError('Timeout should be used inside a task')
        if self._when is not None:
            self._handle = get_running_loop().call_at(self._when, self._on_timeout)
        return self

    def _on_timeout(self):
        self._expired = True
        self._task.cancel()

    def expired(self):
        return self._expired

    async def __aexit__(self, exc_type, exc, tb):
        if self._handle is not None:
            self._handle.cancel()
        if self._expired and exc_type is CancelledError:
            raise TimeoutError()
        return False


def timeout(delay):
    return Timeout(None if delay is None else get_running_loop().time() + delay)


class BaseExceptionGroup(BaseException):
    """Several exceptions raised together (the built-in of CPython 3.11; MiniPy has no except*)."""

    def __init__(self, message, exceptions):
        super().__init__(message, tuple(exceptions))
        self.message = message
        self.exceptions = tuple(exceptions)

    def __str__(self):
        n = len(self.exceptions)
        return f"{self.message} ({n} sub-exception{'s' if n != 1 else ''})"


class ExceptionGroup(BaseExceptionGroup, Exception):
    """An exception group whose members are all Exceptions."""


class TaskGroup:
    """async with TaskGroup() as tg: tg.create_task(...) -- waits for every task; if one fails, cancels
    the rest and raises an ExceptionGroup of the failures (CPython 3.11)."""

    def __init__(self):
        self._tasks = set()
        self._errors = []
        self._entered = False
        self._exiting = False
        self._parent_task = None

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError('TaskGroup has already been entered')
        self._entered = True
        self._parent_task = current_task()
        return self

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError('TaskGroup has not been entered')
        if self._exiting and not self._tasks:
            raise RuntimeError('TaskGroup is finished')
        task = get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._on_task_done)
        return task

    def _on_task_done(self, task):
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        for t in self._tasks:
            if not t.done():
                t.cancel()

    async def __aexit__(self, exc_type, exc, tb):
        self._exiting = True
        if exc is not None and not isinstance(exc, CancelledError):
            self._errors.append(exc)
            for t in self._tasks:
                if not t.done():
                    t.cancel()
        while self._tasks:
            await wait(set(self._tasks))
        if self._errors:
            errors = self._errors
            self._errors = []
            group = ExceptionGroup if all(isinstance(e, Exception) for e in errors) else BaseExceptionGroup
            raise group('unhandled errors in a TaskGroup', errors)
        return False


class Event:
    """An event tasks can wait for; set() wakes them all."""

    def __init__(self):
        self._waiters = _collections.deque()
        self._value = False

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


def _wake_up_first(waiters):
    """Completes the first waiting future that is still pending."""
    for fut in waiters:
        if not fut.done():
            fut.set_result(True)
            return


class _ContextManagerMixin:
    """async with: acquire() on the way in, release() on the way out."""

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_ContextManagerMixin):
    """A mutex for tasks: async with lock: ..."""

    def __init__(self):
        self._waiters = _collections.deque()
        self._locked = False

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and all(w.cancelled() for w in self._waiters):
            self._locked = True
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                _wake_up_first(self._waiters)
            raise
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError('Lock is not acquired.')
        self._locked = False
        _wake_up_first(self._waiters)



class Semaphore(_ContextManagerMixin):
    """A counter tasks acquire and release: at most value tasks inside at once."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError('Semaphore initial value must be >= 0')
        self._value = value
        self._waiters = _collections.deque()

    def locked(self):
        return self._value == 0

    async def acquire(self):
        while self._value <= 0:
            fut = get_running_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        self._value -= 1
        return True

    def release(self):
        self._value += 1
        _wake_up_first(self._waiters)



class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


class Condition(_ContextManagerMixin):
    """wait() until notified, holding the lock around it."""

    def __init__(self, lock=None):
        self._lock = lock if lock is not None else Lock()
        self._waiters = _collections.deque()
        self.locked = self._lock.locked
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    async def wait(self):
        self.release()
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)
            await self.acquire()

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        count = 0
        for fut in self._waiters:
            if count >= n:
                break
            if not fut.done():
                count += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Queue:
    """A FIFO queue for tasks: await put(item), await get(), task_done() and join()."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = _collections.deque()
        self._putters = _collections.deque()
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = _collections.deque()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    @property
    def maxsize(self):
        return self._maxsize

    def qsize(self):
        return len(self._queue)

    def empty(self):
        return not self._queue

    def full(self):
        return 0 < self._maxsize <= self.qsize()

    async def put(self, item):
        while self.full():
            putter = get_running_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except BaseException:
                putter.cancel()
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        while self.empty():
            getter = get_running_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except BaseException:
                getter.cancel()
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        _heapq.heappush(self._queue, item)

    def _get(self):
        return _heapq.heappop(self._queue)


class LifoQueue(Queue):
    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()
