# Float arithmetic over lists: a small Mandelbrot count.
def inside(cr, ci):
    zr = zi = 0.0
    for _ in range(50):
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        if zr * zr + zi * zi > 4.0:
            return False
    return True
print(sum(inside(-2.0 + x * 0.05, -1.0 + y * 0.05) for x in range(60) for y in range(40)))
