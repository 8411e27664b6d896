# Source nested beyond what CPython's parser and compiler take is refused with CPython's exception, at
# 100,000 levels (7,000 for the slow-to-parse chains) as just past the limit; nothing crashes the process.
N = 100000


def t(name, src):
    try:
        exec(src, {})
        print(name, "ok")
    except (SyntaxError, MemoryError, RecursionError) as e:
        print(name, type(e).__name__, e.msg if isinstance(e, SyntaxError) else e)


t("parentheses", "x = " + "(" * N + "1" + ")" * N)
t("brackets", "x = " + "[" * N + "]" * N)
t("braces", "x = " + "{" * N + "}" * N)
t("unary minus", "x = " + "-" * N + "1")
t("not", "x = " + "not " * N + "1")
t("lambda", "x = " + "lambda: " * N + "1")
t("conditional", "x = " + "1 if 1 else " * 7000 + "1")
t("power", "x = " + "2**" * 7000 + "1")
t("sum", "x = " + "1+" * N + "1")
t("attributes", "x = 1" + ".real" * N)
t("calls", "f = abs\nx = " + "f(" * N + "1" + ")" * N)
t("f-strings", "x = " + "f'{" * 200 + "1" + "}'" * 200)
t("blocks", "".join(" " * i + "if 1:\n" for i in range(200)) + " " * 200 + "pass\n")
t("comparison chain", "x = " + "1 < " * 10000 + "1")
t("long tuple", "x = " + "1," * 10000)
t("implicit concatenation", "x = " + "'a' " * N)
t("unary minus at 100", "x = " + "-" * 100 + "1")
t("sum at 5000", "x = " + "1+" * 5000 + "1")
t("f-strings at 20", "x = " + "f'{" * 20 + "1" + "}'" * 20)
