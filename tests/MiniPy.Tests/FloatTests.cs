using MiniPy.Objects;
using Xunit;

namespace MiniPy.Tests;

public sealed class FloatTests
{
    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(123456789.0, "123456789.0")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    public void Repr_is_the_shortest_round_trip_in_Python_layout(double v, string expected) =>
        Assert.Equal(expected, FloatOps.Repr(v));

    [Theory]
    [InlineData(2.675, 2, "2.67")]
    [InlineData(0.125, 2, "0.12")]
    [InlineData(0.5, 0, "0")]
    [InlineData(1.5, 0, "2")]
    [InlineData(2.5, 0, "2")]
    public void Fixed_formatting_rounds_the_exact_value_half_to_even(double v, int digits, string expected) =>
        Assert.Equal(expected, FloatOps.FormatFixed(v, digits));

    [Fact]
    public void Hash_of_integral_float_equals_hash_of_int() =>
        Assert.Equal(IntOps.HashLong(12345), FloatOps.Hash(12345.0));
}
