# Strings: methods with arguments, escapes, unicode, formatting.
s = "The quick brown fox jumps over the lazy dog"
words = s.split()
print(len(words), words[::3], " ".join(reversed(words)), s.count("o"), s.find("fox", 10), s.rfind("o", 0, 20))
print(s.title(), s.upper().lower() == s.lower(), s.replace(" ", "_", 3), s.startswith(("a", "The")), s.endswith("dog", 0, 44))
print("a\tb\\c\"d'e", repr("a\tb\\c\"d'e"), repr('\x7f\x80é\u2028'))
print("{0:>{1}}|{2:^{3}}|".format("x", 5, "y", 7), "{:08.3f}".format(-3.14159), "{!r:>8}".format("ab"))
print("%-6s|%6s|%06d|%x|%c|%%" % ("ab", "cd", -42, 255, 65))
print("abc".center(10, "-"), "abc".rjust(2), "  x y  ".split(" "), "a,,b".split(","), "a b".split(None, 1))
print("Hello".ljust(8, ".") + "|", "x".zfill(4), "+7".zfill(4), "ABC".lower().capitalize(), "hello world".title())
print("line1\r\nline2\rline3\n".splitlines(), "k=v=w".partition("="), "k=v=w".rpartition("="))
print("".join(sorted("hello")), list(map(ord, "AZaz")), "".join(chr(c) for c in range(97, 102)))
print("é".encode(), "日本".encode("utf-8"), b"\xe6\x97\xa5".decode(), len("日本語"), "日本語"[1], "日本語"[::-1])
print("abc" * 2 + "d", "ab" in "cabd", "x" < "y" < "z", "Ab".swapcase(), "ß".upper(), " ".isspace(), "".isalpha())
t = "mississippi"
print(t.index("ss"), t.count("ss"), t.replace("ss", "SS"), t.strip("mi"), t.rstrip("ip"), t.lstrip("m"))
print(f"{'nested'!r:>10}", f"{3 + 4 = }", f"{'x' * 3}{{}}", f"{42:#x} {42:#o} {42:#b} {1_000_000:_d}")
print(str(None), str([None, True]), repr({"a": [1, (2,)]}), ascii("café"), format("x", "^5"))
