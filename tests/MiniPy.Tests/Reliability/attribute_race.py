# Two threads set different attributes on the same fresh instances: without the GIL the instance dict is
# created lazily by whichever thread comes first, and neither thread's write may be lost.
import threading


class O:
    pass


N = 100000
objs = [O() for _ in range(N)]


def set_a():
    for o in objs:
        o.a = 1


def set_b():
    for o in objs:
        o.b = 2


threads = [threading.Thread(target=set_a), threading.Thread(target=set_b)]
for t in threads:
    t.start()
for t in threads:
    t.join(60)
print("lost", sum(1 for o in objs if not (hasattr(o, "a") and hasattr(o, "b"))))
