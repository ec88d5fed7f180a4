using System.Globalization;
using HfSpaces.Http;
using HfSpaces.Mapping;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Wire = HfSpaces.Generated.Models;

namespace HfSpaces.Repository;

/// <summary>A file to store in LFS: its path, SHA-256, size, and how to read it (again).</summary>
internal sealed record LfsItem(string Path, string Sha256, long Size, Func<Stream> Open);

/// <summary>
/// The one owner of LFS uploads: asks the batch API where each object goes (256 a call), skips what the Hub already has
/// (no <c>actions</c>), uploads the rest a few at a time — a basic PUT, or a multipart upload (each <c>chunk_size</c> slice
/// PUT to its part URL, the ETags collected, the completion posted) — then verifies. Presigned URLs get no token; each
/// request goes through the connection's retry and error mapping; nothing is buffered whole.
/// </summary>
internal sealed class LfsUploader(HubConnection connection, SpaceId space, string revision)
{
    private const int BatchSize = 256;
    private const int Parallel = 4;
    private const string LfsJson = "application/vnd.git-lfs+json";

    public async Task UploadAsync(IReadOnlyList<LfsItem> items, IProgress<(string Path, long Sent)>? progress, CancellationToken cancellationToken)
    {
        foreach (var batch in items.DistinctBy(i => i.Sha256).Chunk(BatchSize))
        {
            var answer = await BatchAsync(batch, cancellationToken).ConfigureAwait(false);
            var byOid = batch.ToDictionary(i => i.Sha256, StringComparer.Ordinal);
            var work = new List<(LfsItem Item, Wire.LfsObjectResult Result)>();
            foreach (var result in answer.Objects ?? [])
            {
                if (result.Oid is null || !byOid.TryGetValue(result.Oid, out var item))
                {
                    continue;
                }

                if (result.Error is { } error)
                {
                    throw new InvalidOperationException($"The Hub refused to store {item.Path} in LFS: {error.Code} {error.Message}");
                }

                if (result.Actions?.Upload is null)
                {
                    progress?.Report((item.Path, item.Size)); // the Hub has it: nothing to send
                    continue;
                }

                work.Add((item, result));
            }

            await System.Threading.Tasks.Parallel.ForEachAsync(
                work,
                new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancellationToken },
                async (job, ct) => await UploadOneAsync(job.Item, job.Result.Actions!, answer.Transfer, progress, ct).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }

    private async Task<Wire.LfsBatchResponse> BatchAsync(IReadOnlyList<LfsItem> batch, CancellationToken cancellationToken)
    {
        var body = new Wire.LfsBatchRequest
        {
            Operation = "upload",
            Transfers = ["basic", "multipart"],
            Objects = batch.Select(i => new Wire.LfsObject { Oid = i.Sha256, Size = i.Size }).ToList(),
            HashAlgo = "sha256",
            Ref = new Wire.LfsRef { Name = "refs/heads/" + revision },
        };

        // The batch path's '{repo}.git' segment is one Kiota cannot fill: the builder is given the URL, escaped here.
        var url = connection.SpaceUrl("spaces", space, ".git/info/lfs/objects/batch");
        var info = connection.Api.Spaces[space.Namespace].WithRepoGit().Info.Lfs.Objects.Batch.WithUrl(url).ToPostRequestInformation(body);
        return await connection.SendAsync(info, HubRequestOption.LfsBatch, static d => HubModels.Parse(HubConnection.Body(d), Wire.LfsBatchResponse.CreateFromDiscriminatorValue), cancellationToken).ConfigureAwait(false);
    }

    private async Task UploadOneAsync(LfsItem item, Wire.LfsActions actions, string? transfer, IProgress<(string Path, long Sent)>? progress, CancellationToken cancellationToken)
    {
        var upload = actions.Upload!;
        var header = Header(upload);
        if (transfer == "multipart" || header.ContainsKey("chunk_size"))
        {
            await MultipartAsync(item, upload, header, progress, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var info = Presigned(Method.PUT, upload.Href, header);
            await SendAsync(info, HubRequestOption.LfsUpload, Slice(item, 0, item.Size, progress), cancellationToken).ConfigureAwait(false);
        }

        if (actions.Verify is { Href: { } verify } verifyAction)
        {
            var info = new RequestInformation { HttpMethod = Method.POST, URI = Absolute(verify) };
            foreach (var (name, value) in Header(verifyAction))
            {
                info.Headers.TryAdd(name, value);
            }

            info.Headers.TryAdd("Accept", LfsJson);
            connection.WithJson(info, new Wire.LfsObject { Oid = item.Sha256, Size = item.Size }, LfsJson);
            using var response = await connection.ExchangeAsync(info, HubRequestOption.LfsVerify, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task MultipartAsync(LfsItem item, Wire.LfsAction upload, Dictionary<string, string> header, IProgress<(string Path, long Sent)>? progress, CancellationToken cancellationToken)
    {
        if (!long.TryParse(header.GetValueOrDefault("chunk_size"), NumberStyles.None, CultureInfo.InvariantCulture, out var chunk) || chunk <= 0)
        {
            throw new FormatException($"the LFS multipart answer for {item.Path} has no positive chunk_size");
        }

        var parts = header.Where(h => h.Key.Length > 0 && h.Key.All(char.IsAsciiDigit))
            .Select(h => (Number: int.Parse(h.Key, CultureInfo.InvariantCulture), Url: h.Value))
            .OrderBy(p => p.Number)
            .ToList();
        var expected = (int)((item.Size + chunk - 1) / chunk);
        if (parts.Count != expected || parts.Select(p => p.Number).Where((n, i) => n != i + 1).Any())
        {
            throw new FormatException($"the LFS multipart answer for {item.Path} names {parts.Count} parts where {expected} of {chunk} bytes are needed");
        }

        var etags = new string[parts.Count];
        var sent = new long[parts.Count];
        await System.Threading.Tasks.Parallel.ForEachAsync(
            parts,
            new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancellationToken },
            async (part, ct) =>
            {
                var offset = (part.Number - 1) * chunk;
                var length = Math.Min(chunk, item.Size - offset);
                var partProgress = progress is null ? null : new InlineProgress<(string Path, long Sent)>(p =>
                {
                    Interlocked.Exchange(ref sent[part.Number - 1], p.Sent);
                    progress.Report((item.Path, sent.Sum()));
                });
                using var response = await SendAsync(Presigned(Method.PUT, part.Url, []), HubRequestOption.LfsUploadPart, Slice(item, offset, length, partProgress), ct).ConfigureAwait(false);
                etags[part.Number - 1] = response.Headers.ETag?.Tag is { Length: > 0 } etag
                    ? etag
                    : response.Headers.TryGetValues("ETag", out var raw) && raw.FirstOrDefault() is { Length: > 0 } value
                        ? value
                        : throw new FormatException($"the storage answered part {part.Number} of {item.Path} without an ETag");
            }).ConfigureAwait(false);

        var completion = new RequestInformation { HttpMethod = Method.POST, URI = Absolute(upload.Href) };
        completion.Headers.TryAdd("Accept", LfsJson);
        var json = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new System.Text.Json.Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("oid", item.Sha256);
            writer.WriteStartArray("parts");
            for (var i = 0; i < etags.Length; i++)
            {
                writer.WriteStartObject();
                writer.WriteNumber("partNumber", i + 1);
                writer.WriteString("etag", etags[i]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        completion.SetStreamContent(new MemoryStream(json.WrittenSpan.ToArray()), LfsJson);
        using var done = await connection.ExchangeAsync(completion, HubRequestOption.LfsComplete, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(RequestInformation info, HubRequestOption operation, ReplayableContent body, CancellationToken cancellationToken)
    {
        info.AddRequestOptions([new ReplayableBodyOption(body)]);
        return await connection.ExchangeAsync(info, operation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><paramref name="length"/> bytes of the file from <paramref name="offset"/>, read as they are sent (again on a retry).</summary>
    private static ReplayableContent Slice(LfsItem item, long offset, long length, IProgress<(string Path, long Sent)>? progress) =>
        new(async (output, ct) =>
        {
            var source = item.Open();
            await using (source.ConfigureAwait(false))
            {
                if (offset > 0)
                {
                    if (source.CanSeek)
                    {
                        source.Seek(offset, SeekOrigin.Begin);
                    }
                    else
                    {
                        await CopyAsync(source, Stream.Null, offset, null, item.Path, ct).ConfigureAwait(false);
                    }
                }

                await CopyAsync(source, output, length, progress, item.Path, ct).ConfigureAwait(false);
            }
        }, "application/octet-stream", length);

    private static async Task CopyAsync(Stream source, Stream output, long length, IProgress<(string Path, long Sent)>? progress, string path, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(1024 * 1024, Math.Max(length, 1))];
        long done = 0;
        while (done < length)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - done)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new BodyChangedException($"{path} is shorter than when it was hashed: it changed while it was sent. Nothing was committed.");
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            done += read;
            progress?.Report((path, done));
        }
    }

    private RequestInformation Presigned(Method method, string? href, Dictionary<string, string> header)
    {
        var info = new RequestInformation { HttpMethod = method, URI = Absolute(href) };
        foreach (var (name, value) in header.Where(h => h.Key != "chunk_size" && !h.Key.All(char.IsAsciiDigit)))
        {
            info.Headers.TryAdd(name, value);
        }

        return info;
    }

    /// <summary>An action's URL: absolute http(s), as the batch API gives them.</summary>
    private static Uri Absolute(string? href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException($"an LFS action's href is not an absolute http(s) URL ('{href}')");

    private static Dictionary<string, string> Header(Wire.LfsAction action) =>
        (action.Header?.AdditionalData ?? new Dictionary<string, object>()).ToDictionary(
            h => h.Key,
            h => h.Value switch { UntypedString s => s.GetValue() ?? string.Empty, UntypedLong l => l.GetValue().ToString(CultureInfo.InvariantCulture), UntypedInteger i => i.GetValue().ToString(CultureInfo.InvariantCulture), var other => other?.ToString() ?? string.Empty },
            StringComparer.Ordinal);
}
