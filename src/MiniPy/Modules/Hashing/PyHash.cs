using System;
using System.Security.Cryptography;
using MiniPy.Objects;
using MiniPy.Runtime;

namespace MiniPy.Modules;

/// <summary>A hashlib hash object (md5, sha1, sha224, sha256, sha384, sha512).</summary>
internal sealed class PyHash : PyObject
{
    /// <summary>Inputs at least this long are hashed with the GIL released, as CPython's hashlib does.</summary>
    public const int GilReleaseThreshold = 2048;

    public readonly string Name;
    public readonly int DigestSize, BlockSize;
    private readonly IncrementalHash _hash;
    /// <summary>Serialises updates: one hash object may be fed by several threads, some without the GIL.</summary>
    private readonly object _sync = new();

    private PyHash(string name, int digestSize, int blockSize, IncrementalHash hash) : base(HashTypes.Hash)
    {
        Name = name;
        DigestSize = digestSize;
        BlockSize = blockSize;
        _hash = hash;
    }

    /// <summary>A new hash object for a hashlib algorithm name, or null when there is no such algorithm.</summary>
    public static PyHash? Create(string name) => name.ToLowerInvariant() switch
    {
        "md5" => new PyHash("md5", 16, 64, IncrementalHash.CreateHash(HashAlgorithmName.MD5)),
        "sha1" => new PyHash("sha1", 20, 64, IncrementalHash.CreateHash(HashAlgorithmName.SHA1)),
        "sha256" => new PyHash("sha256", 32, 64, IncrementalHash.CreateHash(HashAlgorithmName.SHA256)),
        "sha384" => new PyHash("sha384", 48, 128, IncrementalHash.CreateHash(HashAlgorithmName.SHA384)),
        "sha512" => new PyHash("sha512", 64, 128, IncrementalHash.CreateHash(HashAlgorithmName.SHA512)),
        _ => null,
    };

    public static readonly string[] Algorithms = { "md5", "sha1", "sha256", "sha384", "sha512" };

    /// <summary>Feeds data; large inputs are hashed without the GIL so that other threads run meanwhile.</summary>
    public void Update(ThreadState ts, PyObject data)
    {
        if (data is PyStr) throw Err.TypeError("Strings must be encoded before hashing");
        // bytes are immutable, so hashing them without the GIL is safe; other buffers are copied first.
        var bytes = BytesMethods.TryBytes(data)
                    ?? throw Err.TypeError($"object supporting the buffer API required");
        if (bytes.Length < GilReleaseThreshold)
        {
            lock (_sync) _hash.AppendData(bytes);
            return;
        }
        ts.BeginBlocking();
        try
        {
            lock (_sync) _hash.AppendData(bytes);
        }
        finally { ts.EndBlocking(); }
    }

    public byte[] Digest()
    {
        lock (_sync) return _hash.GetCurrentHash();
    }

    public PyHash Copy()
    {
        lock (_sync) return new PyHash(Name, DigestSize, BlockSize, _hash.Clone());
    }

    public override PyObject Repr(ThreadState ts) => new PyStr($"<{Name} _hashlib.HASH object @ 0x{IdentityOf(this):x}>");

    public static void Register(PyType t)
    {
        Reg.Method(t, "update", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("update", 1, 1);
            ((PyHash)self!).Update(ts, a[0]);
            return Types.None;
        });
        Reg.Method(t, "digest", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("digest", 0, 0);
            return new PyBytes(((PyHash)self!).Digest());
        });
        Reg.Method(t, "hexdigest", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("hexdigest", 0, 0);
            return new PyStr(Convert.ToHexStringLower(((PyHash)self!).Digest()));
        });
        Reg.Method(t, "copy", (ThreadState ts, PyObject? self, in Args a) =>
        {
            a.Check("copy", 0, 0);
            return ((PyHash)self!).Copy();
        });
        Reg.GetSet(t, "name", (ts, self) => new PyStr(((PyHash)self).Name));
        Reg.GetSet(t, "digest_size", (ts, self) => ts.NewInt(((PyHash)self).DigestSize));
        Reg.GetSet(t, "block_size", (ts, self) => ts.NewInt(((PyHash)self).BlockSize));
    }
}
