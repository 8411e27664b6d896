# Float repr and formatting corners.
vals = [0.0, -0.0, 1.0, 0.1, 1 / 3, 1e16, 1.5e-7, 123456789012345678.0, 2.5, 1e-320, 1.7976931348623157e308]
for v in vals:
    print(repr(v), str(v), f"{v:g}", f"{v:.3e}", f"{v:12.4f}|")
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(2.675, 2), round(0.285, 2), round(1.005, 2))
print(f"{1234567.891:,.2f} {0.000012345:.3g} {123456789:e} {42:08.3f} {-42.5:+.1f} {3.0:%}")
print("%5.1f|%-8.3e|%g|%G|%10.4g" % (3.14159, 0.000123, 1e20, 1e-10, 123.456789))
print(float("1e500"), float("-1e500"), float("nan") == float("nan"), 1e308 * 10)
print(divmod(-7.5, 2), -7.5 // 2, 7.5 % -2, 2 ** -2, (-8) ** (1 / 3) if False else "skip")
print(int(2.9), int(-2.9), int(1e20), float(10 ** 20), 3.5.as_integer_ratio(), (0.1).as_integer_ratio())
print(max(1, 2.5), min(-0.0, 0.0), sum([1, 2.5, 3]), abs(-1e-300))
print([round(x * 0.1, 10) for x in range(5)], 0.1 + 0.7, 1.1 * 3)
print(format(1e100, ".2e"), format(12.0, "g"), format(100000.0, "g"), format(1000000.0, "g"), format(0.0001, "g"))
