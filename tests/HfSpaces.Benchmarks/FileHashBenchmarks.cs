using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using HfSpaces.Repository;

namespace HfSpaces.Benchmarks;

/// <summary>
/// Hashing a file for a sync or an LFS upload, against the floor of <c>SHA256.HashData</c> over the same bytes: the SDK
/// streams the file once in flat memory and computes only the hash it compares (git's blob id for a regular file, the
/// SHA-256 for an LFS one); both together cost two hash functions.
/// </summary>
[MemoryDiagnoser]
public class FileHashBenchmarks
{
    private byte[] _bytes = [];

    [Params(64 * 1024 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = new byte[Size];
        new Random(7).NextBytes(_bytes);
    }

    [Benchmark(Baseline = true, Description = "floor: SHA256.HashData")]
    public byte[] Floor() => SHA256.HashData(_bytes);

    [Benchmark(Description = "floor 2: SHA256.HashDataAsync(stream), .NET's own streaming hash")]
    public async Task<byte[]> StreamFloor() => await SHA256.HashDataAsync(new MemoryStream(_bytes, writable: false));

    [Benchmark(Description = "SDK: SHA-256 (LFS files)")]
    public async Task<string?> Sha256Only() =>
        (await BlobHasher.HashAsync(new MemoryStream(_bytes, writable: false), _bytes.Length, sha256: true, null, CancellationToken.None, blobId: false)).Sha256;

    [Benchmark(Description = "SDK: blob id + SHA-256, one pass")]
    public async Task<string?> BlobIdAndSha256() =>
        (await BlobHasher.HashAsync(new MemoryStream(_bytes, writable: false), _bytes.Length, sha256: true, null, CancellationToken.None)).Sha256;

    [Benchmark(Description = "SDK: blob id only (regular files)")]
    public async Task<string?> BlobIdOnly() =>
        (await BlobHasher.HashAsync(new MemoryStream(_bytes, writable: false), _bytes.Length, sha256: false, null, CancellationToken.None)).BlobId;
}
