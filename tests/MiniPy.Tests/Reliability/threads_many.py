# A thousand threads started and joined; each leaves its mark under a lock.
import threading

results = []
lock = threading.Lock()


def work(i):
    with lock:
        results.append(i)


threads = [threading.Thread(target=work, args=(i,)) for i in range(1000)]
for t in threads:
    t.start()
for t in threads:
    t.join(60)
print(len(results), sum(results) == sum(range(1000)), threading.active_count())
