using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HfSpaces.Emulator.Repository;
using static HfSpaces.Emulator.State.HubRules;

namespace HfSpaces.Emulator.State;

/// <summary>
/// git LFS on the emulator: the batch API answers with upload URLs of the emulator's own storage routes on loopback
/// (<c>/__storage/lfs/…</c>), presigned with an HMAC of the object; storage refuses a request that carries an
/// Authorization header, a wrong size or SHA-256, or ETags that do not match its parts.
/// </summary>
public sealed partial class EmulatedHub
{
    private readonly byte[] _storageKey = RandomNumberGenerator.GetBytes(32);
    private readonly Dictionary<string, (long Size, long Chunk, byte[]?[] Parts)> _multipart = new(StringComparer.Ordinal);

    /// <summary>Objects larger than this are uploaded in parts of this size (multipart); smaller ones with one PUT. Default 64 MiB.</summary>
    public long LfsChunkBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>For tests: true when the emulator stores the LFS object named by <paramref name="sha256"/>.</summary>
    public bool HasLfsObject(string sha256) => Locked(() => _lfsObjects.Contains(sha256));

    private readonly HashSet<string> _lfsObjects = new(StringComparer.Ordinal);

    internal JsonObject LfsBatch(EmulatedAccount? caller, string ns, string repo, string? operation, IReadOnlyList<(string Oid, long Size)> objects, Uri hubUrl) => Locked(() =>
    {
        Writable(caller, ns, repo, "upload files to");
        if (operation != "upload")
        {
            throw HubError.BadRequest($"Unsupported LFS operation '{operation}': this emulator accepts upload");
        }

        var multipart = false;
        var answers = new JsonArray();
        foreach (var (oid, size) in objects)
        {
            if (oid.Length != 64 || !oid.All(char.IsAsciiHexDigitLower) || size < 0)
            {
                answers.Add(new JsonObject { ["oid"] = oid, ["size"] = size, ["error"] = new JsonObject { ["code"] = 422, ["message"] = "Invalid oid or size" } });
                continue;
            }

            var answer = new JsonObject { ["oid"] = oid, ["size"] = size };
            if (!_lfsObjects.Contains(oid))
            {
                var base_ = $"{hubUrl}__storage/lfs/{oid}";
                var sig = $"size={size}&sig={Signature(oid, size)}";
                JsonObject upload;
                if (size > LfsChunkBytes)
                {
                    multipart = true;
                    var header = new JsonObject { ["chunk_size"] = LfsChunkBytes.ToString(CultureInfo.InvariantCulture) };
                    for (var part = 1; part <= (size + LfsChunkBytes - 1) / LfsChunkBytes; part++)
                    {
                        header[part.ToString(CultureInfo.InvariantCulture)] = $"{base_}/part/{part}?{sig}";
                    }

                    upload = new JsonObject { ["href"] = $"{base_}/complete?{sig}", ["header"] = header };
                }
                else
                {
                    upload = new JsonObject { ["href"] = $"{base_}?{sig}" };
                }

                answer["actions"] = new JsonObject { ["upload"] = upload, ["verify"] = new JsonObject { ["href"] = $"{hubUrl}spaces/{ns}/{repo}.git/info/lfs/objects/verify" } };
            }

            answers.Add(answer);
        }

        return new JsonObject { ["transfer"] = multipart ? "multipart" : "basic", ["objects"] = answers, ["hash_algo"] = "sha256" };
    });

    /// <summary>A basic upload: the whole object in one PUT.</summary>
    internal void LfsPut(string oid, long size, string? sig, bool authorized, byte[] bytes) => Locked(() =>
    {
        Presigned(oid, size, sig, authorized);
        Store(oid, size, bytes);
    });

    /// <summary>One part of a multipart upload; answers its ETag.</summary>
    internal string LfsPutPart(string oid, long size, string? sig, bool authorized, int part, byte[] bytes) => Locked(() =>
    {
        Presigned(oid, size, sig, authorized);
        var count = (int)((size + LfsChunkBytes - 1) / LfsChunkBytes);
        if (part < 1 || part > count)
        {
            throw HubError.BadRequest($"Part {part} is not one of the {count} parts of {oid}");
        }

        var expected = part < count ? LfsChunkBytes : size - ((count - 1) * LfsChunkBytes);
        if (bytes.LongLength != expected)
        {
            throw HubError.BadRequest($"Part {part} of {oid} has {bytes.LongLength} bytes where {expected} are expected");
        }

        _blobs.EnsureRoom(bytes.LongLength);
        if (!_multipart.TryGetValue(oid, out var upload) || upload.Chunk != LfsChunkBytes)
        {
            upload = (size, LfsChunkBytes, new byte[]?[count]);
            _multipart[oid] = upload;
        }

        upload.Parts[part - 1] = bytes;
        return ETag(bytes);
    });

    /// <summary>The completion: every part there, each ETag as the storage answered it; the object checked and stored.</summary>
    internal void LfsComplete(string oid, long size, string? sig, bool authorized, IReadOnlyList<(int Number, string ETag)> parts) => Locked(() =>
    {
        Presigned(oid, size, sig, authorized);
        if (!_multipart.TryGetValue(oid, out var upload) || upload.Parts.Any(p => p is null))
        {
            throw HubError.BadRequest($"The multipart upload of {oid} is not complete: upload every part first");
        }

        if (parts.Count != upload.Parts.Length || parts.Select((p, i) => p.Number != i + 1 || p.ETag != ETag(upload.Parts[i]!)).Any(bad => bad))
        {
            throw HubError.BadRequest($"The completion of {oid} does not list each part's ETag in order");
        }

        using var whole = new MemoryStream();
        foreach (var part in upload.Parts)
        {
            whole.Write(part!);
        }

        _multipart.Remove(oid);
        Store(oid, size, whole.ToArray());
    });

    internal void LfsVerify(EmulatedAccount? caller, string ns, string repo, string? oid, long size) => Locked(() =>
    {
        Writable(caller, ns, repo, "upload files to");
        if (oid is null || !_lfsObjects.Contains(oid) || _blobs.Get(oid)!.LongLength != size)
        {
            throw new HubError(404, $"Object {oid} ({size} bytes) is not stored");
        }
    });

    /// <summary>A presigned storage URL's download: the LFS object's bytes.</summary>
    internal byte[] LfsGet(string oid, long size, string? sig, bool authorized) => Locked(() =>
    {
        Presigned(oid, size, sig, authorized);
        return _blobs.Get(oid) ?? throw new HubError(404, $"Object {oid} is not stored");
    });

    /// <summary>The presigned URL of a stored object, where a download of an LFS file is redirected.</summary>
    internal string LfsDownloadUrl(Uri hubUrl, string oid, long size) => $"{hubUrl}__storage/lfs/{oid}?size={size}&sig={Signature(oid, size)}";

    private void Store(string oid, long size, byte[] bytes)
    {
        if (bytes.LongLength != size)
        {
            throw HubError.BadRequest($"The object {oid} has {bytes.LongLength} bytes where {size} were announced");
        }

        if (GitObjects.Sha256(bytes) != oid)
        {
            throw HubError.BadRequest($"The bytes uploaded for {oid} have another SHA-256: the object is refused");
        }

        _blobs.Put(oid, bytes);
        _lfsObjects.Add(oid);
    }

    /// <summary>What S3 checks of a presigned URL: its signature, and that it is the only authorization.</summary>
    private void Presigned(string oid, long size, string? sig, bool authorized)
    {
        if (authorized)
        {
            throw HubError.BadRequest("Only one auth mechanism allowed: this presigned URL is authorized by its signature, send no Authorization header");
        }

        if (sig is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(sig), Encoding.ASCII.GetBytes(Signature(oid, size))))
        {
            throw HubError.Forbidden("The request signature does not match: the URL is not one the batch API gave");
        }
    }

    private string Signature(string oid, long size) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_storageKey, Encoding.ASCII.GetBytes($"{oid}:{size}")))[..32];

    private static string ETag(byte[] bytes) => "\"" + Convert.ToHexStringLower(MD5.HashData(bytes)) + "\"";
}
