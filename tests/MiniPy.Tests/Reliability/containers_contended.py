# Writers change a shared list, dict, set, deque and bytearray while readers iterate, sort, copy and pop.
# Iterating a container another thread changes may raise RuntimeError, as in CPython; nothing else may go
# wrong, and the operations that are atomic in CPython (append, pop, d[k] = v, add, discard, appendleft,
# popleft) leave exact totals.
import collections
import threading

N = 3000
shared_list = list(range(100))
shared_dict = {i: i for i in range(100)}
shared_set = set(range(100))
shared_deque = collections.deque(range(100))
shared_bytes = bytearray(range(100))
errors = []
appended = []


def writer(k):
    count = 0
    for i in range(N):
        shared_list.append(i)
        count += 1
        shared_dict[i % 300] = i
        shared_dict.pop((i + 150) % 300, None)
        shared_set.add(i % 300)
        shared_set.discard((i + 150) % 300)
        shared_deque.append(i)
        shared_deque.popleft()
        shared_bytes.append(i % 256)
    appended.append(count)


def reader(k):
    for i in range(N // 20):
        try:
            list(shared_list)
            sorted(shared_list)
            shared_list.copy()
            dict(shared_dict)
            list(shared_dict.items())
            sorted(shared_set)
            set(shared_set)
            list(shared_deque)
            bytes(shared_bytes)
            shared_list.pop(0)
            shared_list.append(-1)
        except RuntimeError as e:
            if "changed size" not in str(e) and "mutated" not in str(e):
                errors.append(repr(e))
        for container in (shared_dict, shared_set, shared_deque, shared_list):
            try:
                for _ in container:
                    pass
            except RuntimeError:
                pass


threads = [threading.Thread(target=writer, args=(k,)) for k in range(3)]
threads += [threading.Thread(target=reader, args=(k,)) for k in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join(120)
print("errors", errors)
print("list", len(shared_list) == 100 + sum(appended))
print("dict", len(shared_dict) <= 300, "set", len(shared_set) <= 300)
print("deque", len(shared_deque), "bytearray", len(shared_bytes) == 100 + sum(appended))
