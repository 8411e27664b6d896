# threading: the synchronisation objects and their error messages (deterministic output only).
import threading
import time

lock = threading.Lock()
print(type(lock).__name__, lock.locked(), lock.acquire(False), lock.locked(), lock.acquire(timeout=0.01))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    lock.acquire(timeout=-2)
except ValueError as e:
    print("ValueError:", e)
print(repr(lock).startswith("<unlocked _thread.lock object at 0x"))

rlock = threading.RLock()
with rlock:
    with rlock:
        print("rlock nested", repr(rlock).startswith("<locked _thread.RLock object owner="))
try:
    rlock.release()
except RuntimeError as e:
    print("RuntimeError:", e)

# A thread may not release an RLock it does not own.
errors = []
rlock.acquire()
def foreign_release():
    try:
        rlock.release()
    except RuntimeError as e:
        errors.append(str(e))
t = threading.Thread(target=foreign_release)
t.start(); t.join(5)
rlock.release()
print(errors)

# Condition.wait_for with a predicate, notify_all waking several waiters.
cond = threading.Condition()
ready = []
woken = []
def waiter(i):
    with cond:
        cond.wait_for(lambda: ready)
        woken.append(i)
ts = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for t in ts: t.start()
time.sleep(0.02)
with cond:
    ready.append(True)
    cond.notify_all()
for t in ts: t.join(5)
print("woken", sorted(woken))
with cond:
    print("wait timeout", cond.wait(0.01))
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)

sem = threading.BoundedSemaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False), sem.acquire(timeout=0.01))
sem.release(); sem.release()
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)

ev = threading.Event()
print("event", ev.is_set(), ev.wait(0.01))
ev.set()
print("event", ev.is_set(), ev.wait())
ev.clear()
print("event", ev.is_set())

# Barrier: every party gets a distinct index; the action runs once per cycle.
actions = []
barrier = threading.Barrier(3, action=lambda: actions.append("go"))
indices = []
ilock = threading.Lock()
def party():
    for _ in range(2):
        i = barrier.wait(5)
        with ilock:
            indices.append(i)
ts = [threading.Thread(target=party) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join(5)
print("barrier", sorted(indices), actions, barrier.parties, barrier.n_waiting, barrier.broken)
b2 = threading.Barrier(2)
b2.abort()
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError raised", b2.broken)

fired = []
timer = threading.Timer(0.01, fired.append, args=("fired",))
timer.start(); timer.join(5)
cancelled = threading.Timer(10, fired.append, args=("never",))
cancelled.start(); cancelled.cancel(); cancelled.join(5)
print(fired, cancelled.is_alive())

t = threading.Thread(target=lambda: None, name="worker-x", daemon=True)
print(t.name, t.daemon, t.ident, t.is_alive())
try:
    t.join()
except RuntimeError as e:
    print("RuntimeError:", e)
t.start(); t.join(5)
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
print(isinstance(t.ident, int), t.is_alive())
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)

def named():
    return threading.current_thread().name
out = []
t = threading.Thread(target=lambda: out.append(named()))
t.start(); t.join(5)
print(out[0].startswith("Thread-"), out[0].endswith("(<lambda>)"))

data = threading.local()
data.x = 1
def touch():
    out.append(hasattr(data, "x"))
    data.x = 2
    out.append(data.x)
t = threading.Thread(target=touch)
t.start(); t.join(5)
print(out[1:], data.x)
print(threading.active_count(), len(threading.enumerate()), threading.main_thread().name)
