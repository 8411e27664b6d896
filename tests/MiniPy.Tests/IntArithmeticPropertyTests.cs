using System;
using System.Numerics;
using MiniPy.Hosting;
using MiniPy.Objects;
using MiniPy.Runtime;
using Xunit;

namespace MiniPy.Tests;

/// <summary>Int arithmetic checked against System.Numerics.BigInteger on random operands near the long boundary.</summary>
public sealed class IntArithmeticPropertyTests
{
    private static readonly ThreadState Ts = new Interpreter(new RuntimeOptions { Stdout = new System.IO.StringWriter(), Stderr = new System.IO.StringWriter() }).MainThread;

    private static BigInteger RandomOperand(Random r)
    {
        switch (r.Next(4))
        {
            case 0: return r.NextInt64(-1000, 1000);
            case 1: return r.NextInt64(long.MinValue, long.MaxValue);
            case 2: return (BigInteger)long.MaxValue + r.Next(-3, 4);
            default:
                var bytes = new byte[r.Next(1, 24)];
                r.NextBytes(bytes);
                return new BigInteger(bytes);
        }
    }

    private static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        var q = BigInteger.DivRem(a, b, out var rem);
        if (!rem.IsZero && (rem.Sign < 0) != (b.Sign < 0)) q -= 1;
        return q;
    }

    [Fact]
    public void Add_sub_mul_floordiv_mod_and_bit_operations_agree_with_BigInteger()
    {
        var r = new Random(1234);
        for (int i = 0; i < 20000; i++)
        {
            var a = RandomOperand(r);
            var b = RandomOperand(r);
            var pa = IntOps.Make(Ts, a);
            var pb = IntOps.Make(Ts, b);
            Assert.Equal(a + b, IntOps.Big(Ops.BinaryOp(Ts, pa, pb, BinaryOp.Add)));
            Assert.Equal(a - b, IntOps.Big(Ops.BinaryOp(Ts, pa, pb, BinaryOp.Sub)));
            Assert.Equal(a * b, IntOps.Big(Ops.BinaryOp(Ts, pa, pb, BinaryOp.Mul)));
            Assert.Equal(a & b, IntOps.Big(Ops.BinaryOp(Ts, pa, pb, BinaryOp.And)));
            Assert.Equal(a | b, IntOps.Big(Ops.BinaryOp(Ts, pa, pb, BinaryOp.Or)));
            Assert.Equal(a ^ b, IntOps.Big(Ops.BinaryOp(Ts, pa, pb, BinaryOp.Xor)));
            if (!b.IsZero)
            {
                var q = FloorDiv(a, b);
                Assert.Equal(q, IntOps.Big(Ops.BinaryOp(Ts, pa, pb, BinaryOp.FloorDiv)));
                Assert.Equal(a - q * b, IntOps.Big(Ops.BinaryOp(Ts, pa, pb, BinaryOp.Mod)));
            }
        }
    }

    [Fact]
    public void Results_that_fit_in_a_long_use_the_fast_representation()
    {
        var big = IntOps.Make(Ts, (BigInteger)long.MaxValue + 1);
        Assert.IsType<PyBigInt>(big);
        var back = Ops.BinaryOp(Ts, big, IntOps.Make(Ts, 1), BinaryOp.Sub);
        Assert.IsType<PyInt>(back);
    }

    [Fact]
    public void Shifts_agree_with_BigInteger()
    {
        var r = new Random(99);
        for (int i = 0; i < 5000; i++)
        {
            var a = RandomOperand(r);
            int n = r.Next(0, 130);
            Assert.Equal(a << n, IntOps.Big(Ops.BinaryOp(Ts, IntOps.Make(Ts, a), Ts.NewInt(n), BinaryOp.LShift)));
            Assert.Equal(a >> n, IntOps.Big(Ops.BinaryOp(Ts, IntOps.Make(Ts, a), Ts.NewInt(n), BinaryOp.RShift)));
        }
    }

    [Fact]
    public void Decimal_text_round_trips()
    {
        var r = new Random(7);
        for (int i = 0; i < 2000; i++)
        {
            var a = RandomOperand(r);
            var text = ((PyStr)Ops.Repr(Ts, IntOps.Make(Ts, a))).Value;
            Assert.Equal(a, BigInteger.Parse(text));
            Assert.Equal(a, IntOps.Big(IntOps.Parse(Ts, text, 10, new PyStr(text))));
        }
    }
}
