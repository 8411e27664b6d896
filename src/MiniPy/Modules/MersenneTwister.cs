using System;
using System.Numerics;

namespace MiniPy.Modules;

/// <summary>MT19937 exactly as CPython's _randommodule.c, including its seeding by array.</summary>
internal sealed class MersenneTwister
{
    private const int N = 624, M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _index = N + 1;

    private void InitGenrand(uint s)
    {
        _mt[0] = s;
        for (int i = 1; i < N; i++)
            _mt[i] = 1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i;
        _index = N;
    }

    public void InitByArray(uint[] key)
    {
        InitGenrand(19650218u);
        int i = 1, j = 0;
        int k = Math.Max(N, key.Length);
        for (; k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j;
            i++;
            j++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
            if (j >= key.Length) j = 0;
        }
        for (k = N - 1; k > 0; k--)
        {
            _mt[i] = (_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941u)) - (uint)i;
            i++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
        }
        _mt[0] = 0x80000000u;
        _index = N;
    }

    /// <summary>Seeds from a non-negative integer, split into 32-bit words, least significant first.</summary>
    public void Seed(BigInteger n)
    {
        n = BigInteger.Abs(n);
        var words = new System.Collections.Generic.List<uint>();
        if (n.IsZero) words.Add(0);
        while (!n.IsZero)
        {
            words.Add((uint)(n & 0xFFFFFFFF));
            n >>= 32;
        }
        InitByArray(words.ToArray());
    }

    public uint NextUInt32()
    {
        if (_index >= N)
        {
            if (_index == N + 1) InitGenrand(5489u);
            int kk;
            uint y;
            for (kk = 0; kk < N - M; kk++)
            {
                y = (_mt[kk] & 0x80000000u) | (_mt[kk + 1] & 0x7fffffffu);
                _mt[kk] = _mt[kk + M] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908b0dfu : 0);
            }
            for (; kk < N - 1; kk++)
            {
                y = (_mt[kk] & 0x80000000u) | (_mt[kk + 1] & 0x7fffffffu);
                _mt[kk] = _mt[kk + (M - N)] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908b0dfu : 0);
            }
            y = (_mt[N - 1] & 0x80000000u) | (_mt[0] & 0x7fffffffu);
            _mt[N - 1] = _mt[M - 1] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908b0dfu : 0);
            _index = 0;
        }
        uint r = _mt[_index++];
        r ^= r >> 11;
        r ^= (r << 7) & 0x9d2c5680u;
        r ^= (r << 15) & 0xefc60000u;
        r ^= r >> 18;
        return r;
    }

    /// <summary>random(): 53 random bits as a float in [0, 1).</summary>
    public double NextDouble()
    {
        uint a = NextUInt32() >> 5, b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    public BigInteger GetRandBits(int k)
    {
        if (k <= 32) return NextUInt32() >> (32 - k);
        int words = (k - 1) / 32 + 1;
        var bytes = new byte[words * 4 + 1];
        for (int i = 0; i < words; i++)
        {
            uint r = NextUInt32();
            if (k < 32) r >>= 32 - k;
            BitConverter.GetBytes(r).CopyTo(bytes, i * 4);
            k -= 32;
        }
        return new BigInteger(bytes);
    }

    /// <summary>_randbelow_with_getrandbits: uniform in [0, n).</summary>
    public BigInteger Below(BigInteger n)
    {
        if (n.IsZero) return 0;
        int k = (int)n.GetBitLength();
        var r = GetRandBits(k);
        while (r >= n) r = GetRandBits(k);
        return r;
    }

    public uint[] GetState() => (uint[])_mt.Clone();
    public int Index => _index;
    public void SetState(uint[] mt, int index)
    {
        Array.Copy(mt, _mt, N);
        _index = index;
    }
}
