# A child interpreter closed while its queue is in use: the queue outlives it, what it put stays readable,
# waiters time out cleanly, and closing a running interpreter is refused.
import interpreters
import threading

q = interpreters.create_queue()
child = interpreters.create()
child.prepare_main(q=q)
child.exec("for i in range(5): q.put(('item', i, b'x' * i))")
child.close()
print(q.qsize(), [q.get() for _ in range(5)][-1])

child = interpreters.create()
go = interpreters.create_queue()
child.prepare_main(q=q, go=go)


def produce():
    child.exec("""
q.put(0)
go.get(timeout=30)
for i in range(1, 200):
    q.put(i)
""")


t = threading.Thread(target=produce)
t.start()
first = q.get(timeout=10)  # the child is running now, blocked on go
try:
    child.close()
    print("close while running: allowed")
except interpreters.InterpreterError as e:
    print("close while running:", e)
go.put(1)
t.join(60)
child.close()
got = [first]
while True:
    try:
        got.append(q.get(timeout=0.2))
    except interpreters.QueueEmpty:
        break
print(len(got), got == list(range(200)))
try:
    child.exec("x = 1")
except interpreters.InterpreterNotFoundError as e:
    print(type(e).__name__)
try:
    q.get(timeout=0.1)
except interpreters.QueueEmpty:
    print("empty")
