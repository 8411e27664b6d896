# Lists, tuples, dicts and sets used together.
inventory = {"apples": 3, "pears": 0, "kiwis": 12}
inventory["plums"] = 7
inventory.pop("pears")
print(sorted(inventory), sorted(inventory.values()), sorted(inventory.items(), key=lambda kv: kv[1]))
print({k: v * 2 for k, v in inventory.items() if v > 5}, list(inventory.keys() & {"kiwis", "figs"}))
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
transposed = [list(row) for row in zip(*matrix)]
print(matrix, transposed, [row[::-1] for row in matrix][::-1])
flat = [x for row in matrix for x in row if x % 2]
print(flat, sum(flat), max(flat), flat.index(5), flat[-2:], flat[:-2])
stack = []
for ch in "(()[{}])":
    if ch in "([{":
        stack.append(ch)
    else:
        stack.pop()
print("balanced" if not stack else "unbalanced")
pairs = list(enumerate("abc", 1))
d = dict(pairs)
print(pairs, d, {v: k for k, v in d.items()}, dict.fromkeys([1, 2], "x"))
s1, s2 = set(range(10)), {x * x for x in range(5)}
print(sorted(s1 & s2), sorted(s2 - s1), sorted(s1 ^ s2)[:5], s2 <= s1, len(s1 | s2), {1, 2, 3}, {5, 3, 1})
t = (1, [2, 3], "four")
t[1].append(5)
print(t, t.count(1), len(t), t[1:], tuple(reversed(t)), (1, 2) + (3,), (0,) * 3)
nested = {"a": {"b": [1, {"c": 2}]}}
print(nested["a"]["b"][1]["c"], nested.get("z", {}).get("y", "none"))
lst = [5, 2, 9, 1]
lst.sort(key=lambda v: -v)
print(lst, sorted(lst, reverse=True), lst.copy() is lst, lst == lst.copy())
del lst[::2]
print(lst, [1, 2, 3][::-1], list(range(10))[2:8:3], [0] * 3 + [1])
counts = {}
for word in "a b a c b a".split():
    counts.setdefault(word, []).append(1)
print({k: len(v) for k, v in counts.items()})
q = [3, 1, 2]
q[1:2] = [7, 8, 9]
q[::2] = ["a", "b", "c"]
print(q, q.pop(1), q)
print(list(zip(*[(1, "a"), (2, "b")])), [*range(3), *"ab"], {**{"x": 1}, **{"y": 2}})
print(sorted({3: "c", 1: "a"}.items()), len({}), {} == dict(), [] is [], () == ())
