# concurrent.futures and queue beyond the basics: cancellation, wait modes, timeouts, task accounting.
import concurrent.futures as cf
import queue
import threading
import time

gate = threading.Event()

def blocked(x):
    gate.wait(5)
    return x * 10

def boom(x):
    raise ValueError(f"bad {x}")

with cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="pool") as ex:
    first = ex.submit(blocked, 1)
    queued = ex.submit(blocked, 2)
    print("cancel queued:", queued.cancel(), queued.cancelled(), queued.done())
    try:
        queued.result()
    except cf.CancelledError:
        print("CancelledError")
    try:
        first.result(timeout=0.01)
    except TimeoutError:
        print("TimeoutError from result")
    print("running:", first.running() or first.done())
    gate.set()
    print("first:", first.result(timeout=5), first.cancel())

with cf.ThreadPoolExecutor(max_workers=3) as ex:
    quick = ex.submit(pow, 2, 5)
    bad = ex.submit(boom, 7)
    done, pending = cf.wait([quick, bad], timeout=5, return_when=cf.FIRST_EXCEPTION)
    print("first exception:", bad in done)
    print("exception:", repr(bad.exception()))
    done, not_done = cf.wait([quick, bad], return_when=cf.ALL_COMPLETED)
    print("all:", len(done), len(not_done), sorted(f.done() for f in done))
    r = cf.wait([ex.submit(time.sleep, 0.01)], return_when=cf.FIRST_COMPLETED)
    print("pair:", len(r.done), len(r.not_done))
    results = []
    for f in cf.as_completed([ex.submit(lambda v=v: v * v) for v in range(5)], timeout=5):
        results.append(f.result())
    print("as_completed:", sorted(results))
    print("map:", list(ex.map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30])))
    try:
        list(ex.map(boom, [1]))
    except ValueError as e:
        print("map raised:", e)
    seen = []
    f = ex.submit(str, 42)
    f.result()
    f.add_done_callback(lambda fut: seen.append(fut.result()))
    print("callback after done:", seen)
ex.shutdown()
try:
    ex.submit(print, "never")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cf.ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError:", e)

f = cf.Future()
print(f.done(), f.set_running_or_notify_cancel(), f.running())
f.set_result("manual")
print(f.result(), f.done())
try:
    f.set_result("again")
except cf.InvalidStateError:
    print("InvalidStateError")

q = queue.Queue(maxsize=2)
q.put(1); q.put_nowait(2)
try:
    q.put_nowait(3)
except queue.Full:
    print("Full")
print(q.qsize(), q.full(), q.get(), q.get_nowait(), q.empty())
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
try:
    q.task_done(); q.task_done(); q.task_done()
except ValueError as e:
    print("ValueError:", e)

pq = queue.PriorityQueue()
for item in [(5, "e"), (1, "a"), (3, "c"), (2, "b"), (4, "d")]:
    pq.put(item)
print([pq.get()[1] for _ in range(5)])

sq = queue.SimpleQueue()
def feed():
    for i in range(100):
        sq.put(i)
t = threading.Thread(target=feed); t.start()
got = [sq.get(timeout=5) for _ in range(100)]
t.join(5)
print(got == list(range(100)), sq.empty(), sq.qsize())
try:
    sq.get_nowait()
except queue.Empty:
    print("SimpleQueue Empty")

# Many producers and consumers: every item arrives exactly once.
work = queue.Queue()
out = queue.Queue()
def consumer():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            return
        out.put(item * 2)
        work.task_done()
consumers = [threading.Thread(target=consumer) for _ in range(3)]
for c in consumers: c.start()
producers = [threading.Thread(target=lambda base=base: [work.put(base + i) for i in range(200)]) for base in (0, 1000, 2000)]
for p in producers: p.start()
for p in producers: p.join(5)
for _ in consumers: work.put(None)
work.join()
for c in consumers: c.join(5)
values = sorted(out.get() for _ in range(out.qsize()))
print(len(values), values[:3], values[-3:], sum(values))
