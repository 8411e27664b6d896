# Dispatch and int arithmetic in nested loops.
acc = 0
for i in range(300):
    for j in range(300):
        acc = (acc * 7 + i * j - (i | j)) % 999983
print(acc)
