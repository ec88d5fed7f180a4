using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HfSpaces.Repository;

/// <summary>What one read of a file gives: its git blob id and/or its SHA-256 (as asked), and its first 512 bytes.</summary>
internal sealed record FileDigest(long Size, string? BlobId, string? Sha256, byte[] Sample);

/// <summary>
/// Hashes a file in one streaming pass: git's blob id (SHA-1 of <c>blob &lt;size&gt;\0</c> and the bytes) for a regular
/// file, the SHA-256 an LFS object is named by, or both from the same buffer — memory stays flat whatever the size, and a
/// hash nobody compares is not computed.
/// </summary>
internal static class BlobHasher
{
    public const int SampleBytes = 512;
    private const int BufferBytes = 1024 * 1024;

    /// <summary>Lower-case hex, as git and LFS write ids (.NET 8 has no <c>Convert.ToHexStringLower</c>).</summary>
    public static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();

    public static async Task<FileDigest> HashAsync(Stream stream, long size, bool sha256, IProgress<long>? hashed, CancellationToken cancellationToken, bool blobId = true)
    {
        using var sha1 = blobId ? IncrementalHash.CreateHash(HashAlgorithmName.SHA1) : null;
        using var sha2 = sha256 ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        sha1?.AppendData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"blob {size}\0")));
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        var sample = new byte[Math.Min(SampleBytes, size)];
        long total = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, BufferBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (total < sample.Length)
                {
                    buffer.AsSpan(0, (int)Math.Min(read, sample.Length - total)).CopyTo(sample.AsSpan((int)total));
                }

                total += read;
                if (total > size)
                {
                    break;
                }

                sha1?.AppendData(buffer, 0, read);
                sha2?.AppendData(buffer, 0, read);
                hashed?.Report(total);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (total != size)
        {
            throw new IOException($"The file changed while it was read: {total} bytes where {size} were announced.");
        }

        return new FileDigest(size, sha1 is null ? null : Hex(sha1.GetHashAndReset()), sha2 is null ? null : Hex(sha2.GetHashAndReset()), sample);
    }
}
