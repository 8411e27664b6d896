# Integer arithmetic across the long/BigInteger boundary.
big = 2 ** 64
print(big, big - 1, -big, big * big, big // 3, big % 7, -big // 7, -big % 7)
print(9223372036854775807 + 0, 9223372036854775807 + 1 - 1, -(-9223372036854775808))
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (10 ** 25, 7), (-(10 ** 25), 7)]:
    print(a // b, a % b, divmod(a, b), a / b if abs(a) < 10 ** 20 else "big")
print(3 ** 40, (-3) ** 41, 2 ** 0, 0 ** 0, 7 ** 1)
print(1 << 100 >> 99, -1 << 65, (-(2 ** 70)) >> 3, ~(2 ** 70), 2 ** 70 & 2 ** 69 - 1, 2 ** 70 | 1, 2 ** 70 ^ 2 ** 70)
print(int("-0x_ff", 16) if False else int("-ff", 16), int("0b101", 0), int("0o777", 0), int("  -12_3 "), int("z", 36))
print(hex(2 ** 65), oct(-8), bin(0), (2 ** 100).bit_length(), (-1).bit_length(), (0).bit_length())
print(abs(-2 ** 63), pow(2, 100, 97), pow(7, -1, 13), round(12345, -2), round(-12355, -1))
print(10 ** 20 == 1e20, 2 ** 53 + 1 == float(2 ** 53 + 1), 1 / 3 < 1, 7 == 7.0, hash(2 ** 61) == hash(2 ** 61 - (2 ** 61 - 1)))
print(sum(range(1, 10 ** 5)), max(2 ** 80, 3 ** 50), min(-2 ** 80, 5))
print(str(123456789 ** 3), len(str(2 ** 1000)), int(str(2 ** 200)) == 2 ** 200)
print(True + 2, True * 10, -True, ~False, 5 * False)
print((2 ** 64).to_bytes(9, "big"), int.from_bytes(b"\xff\xff", "little", signed=True), (255).to_bytes(1, "little"))
x = 0
for i in range(1000):
    x = x * 31 + i
print(x % 1000000007, x.bit_length())
