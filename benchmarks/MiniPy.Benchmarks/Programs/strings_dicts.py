# Dict churn, string building, sorting with a key.
counts = {}
for i in range(20000):
    key = "k" + str(i % 301)
    counts[key] = counts.get(key, 0) + i % 5
top = sorted(counts, key=lambda k: (-counts[k], k))[:3]
print(len(counts), top, "-".join(top).upper())
