# Arbitrary-precision addition.
a, b = 0, 1
for _ in range(5000):
    a, b = b, a + b
print(a.bit_length(), a % 1000000007)
