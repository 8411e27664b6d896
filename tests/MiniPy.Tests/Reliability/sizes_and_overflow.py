# Sizes that cannot be allocated fail before allocating, with CPython's exception and message;
# nothing reaches the user as SystemError, and the process never runs out of memory.
import sys
def t(f):
    try:
        r = f()
        print("ok", type(r).__name__, len(r) if hasattr(r, '__len__') else r)
    except BaseException as e:
        print(type(e).__name__, e)
def difference_update_without_arguments():
    s = {1}
    s.difference_update()
    s.intersection_update()
    return s
def list_in_place_repeat():
    l = [1]
    l *= sys.maxsize
def bytearray_in_place_repeat():
    b = bytearray(b'ab')
    b *= sys.maxsize
t(difference_update_without_arguments)
t(lambda: (1,) * sys.maxsize)
t(lambda: 'ab' * sys.maxsize)
t(lambda: [1] * sys.maxsize)
t(list_in_place_repeat)
t(lambda: b'ab' * sys.maxsize)
t(lambda: bytearray(b'ab') * sys.maxsize)
t(bytearray_in_place_repeat)
t(lambda: bytes(sys.maxsize))
t(lambda: bytearray(sys.maxsize))
t(lambda: bytes(-1))
t(lambda: 'a'.ljust(sys.maxsize))
t(lambda: 'a'.center(sys.maxsize))
t(lambda: 'a'.zfill(sys.maxsize))
t(lambda: 'a'.rjust(2 ** 80))
t(lambda: '\t'.expandtabs(sys.maxsize))
t(lambda: f"{'a':{sys.maxsize}}")
t(lambda: format(1, '99999999999999999999'))
t(lambda: '%*d' % (sys.maxsize, 1))
t(lambda: 'ab' * (sys.maxsize // 2 + 1))
t(lambda: (1, 2) * (2 ** 40))
t(lambda: [None] * (2 ** 40))
t(lambda: 'ab' * 2 ** 70)
t(lambda: len(range(-sys.maxsize - 1, sys.maxsize)))
t(lambda: range(-sys.maxsize - 1, sys.maxsize)[-1])
t(lambda: [1, 2] * 3)
t(lambda: 'ab' * 3)
t(lambda: bytearray(b'xy') * 2)
