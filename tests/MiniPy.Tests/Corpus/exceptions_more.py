# Exceptions: nesting, finally ordering, custom hierarchies, re-raising, chaining attributes.
class ValidationError(ValueError):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field
def validate(record):
    if "name" not in record:
        raise ValidationError("name", "missing")
    if not isinstance(record.get("age"), int):
        raise ValidationError("age", "not an int")
    return True
for rec in [{"name": "a", "age": 1}, {"age": 2}, {"name": "b", "age": "x"}]:
    try:
        print("valid", validate(rec))
    except ValidationError as e:
        print("invalid", e.field, e, isinstance(e, ValueError), e.args)
def trace(n):
    log = []
    for i in range(n):
        try:
            try:
                if i % 2:
                    raise KeyError(i)
                log.append(f"ok{i}")
            finally:
                log.append(f"inner{i}")
        except KeyError as e:
            log.append(f"caught{e}")
        else:
            log.append("else")
        finally:
            log.append("outer")
    return log
print(trace(3))
def nested_return():
    try:
        try:
            return "inner"
        finally:
            print("finally 1")
    finally:
        print("finally 2")
print(nested_return())
def loop_control():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f")
    return out
print(loop_control())
try:
    try:
        raise TypeError("first")
    except TypeError:
        raise ValueError("second")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    raise RuntimeError("outer") from KeyError("root")
except RuntimeError as e:
    print(repr(e.__cause__), e.__suppress_context__)
try:
    raise ValueError
except ValueError as e:
    print("bare class raised:", repr(e), str(e) == "")
def gen_error():
    yield 1
    raise IndexError("in generator")
try:
    for x in gen_error():
        print("got", x)
except IndexError as e:
    print("IndexError:", e)
errors = []
for bad in ["1/0", "int('q')", "[][0]", "{}['k']", "None + 1", "undefined_thing", "'a'.nope", "(1).real.imag.x"]:
    try:
        eval(bad)
    except Exception as e:
        errors.append(type(e).__name__)
print(errors)
try:
    raise Exception("a", "b")
except Exception as e:
    print(e, e.args, repr(e))
class Resource:
    def __enter__(self):
        print("acquire")
        return self
    def __exit__(self, et, ev, tb):
        print("release", et.__name__ if et else None)
        return et is KeyError
with Resource():
    raise KeyError("ignored")
try:
    with Resource():
        raise IndexError("kept")
except IndexError as e:
    print("propagated", e)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), isinstance(StopIteration(), Exception))
