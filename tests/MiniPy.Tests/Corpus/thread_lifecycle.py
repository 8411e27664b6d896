# Thread lifecycle: exceptions reach threading.excepthook, SystemExit ends a thread quietly,
# the interpreter waits for non-daemon threads but not for daemon ones, hashlib in threads.
import hashlib
import threading
import time
import _thread

def fails():
    raise KeyError("missing")

t = threading.Thread(target=fails, name="failing")
t.start(); t.join(5)
print("main continues after a failing thread")

captured = []
old_hook = threading.excepthook
threading.excepthook = lambda args: captured.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
t = threading.Thread(target=fails, name="hooked")
t.start(); t.join(5)
threading.excepthook = old_hook
print(captured)

def exits():
    raise SystemExit(3)
t = threading.Thread(target=exits)
t.start(); t.join(5)
print("SystemExit in a thread is quiet")

done = threading.Event()
ident = []
def raw(a, b, c=None):
    ident.append((a, b, c, _thread.get_ident() != threading.get_ident()))
    done.set()
_thread.start_new_thread(raw, (1, 2), {"c": 3})
print(done.wait(5), ident)

digests = [None] * 4
data = [bytes([i]) * (64 * 1024) for i in range(4)]
def digest(i):
    digests[i] = hashlib.sha256(data[i]).hexdigest()[:16]
ts = [threading.Thread(target=digest, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join(5)
print(digests == [hashlib.sha256(d).hexdigest()[:16] for d in data])

def forever():
    while True:
        time.sleep(0.01)
threading.Thread(target=forever, daemon=True).start()

def late():
    time.sleep(0.05)
    print("non-daemon thread finished after the main program")
threading.Thread(target=late).start()
print("main program ends")
