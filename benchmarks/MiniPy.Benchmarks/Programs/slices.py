# List slicing and slice assignment (pancake flips).
def flips(perm):
    count = 0
    p = perm[:]
    while p[0]:
        k = p[0]
        p[:k + 1] = p[k::-1]
        count += 1
    return count
total = 0
for s in range(2000):
    perm = [(i * (s % 4 * 2 + 1) + s) % 9 for i in range(9)]
    if len(set(perm)) == 9:
        total += flips(perm)
print(total)
