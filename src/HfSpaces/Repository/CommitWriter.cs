using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace HfSpaces.Repository;

/// <summary>One line of a commit, decided: a regular file (sent base64 in the commit), an LFS file (uploaded before, named by its SHA-256), or a deletion.</summary>
internal abstract record CommitLine(string Path)
{
    public sealed record File(string Path, long Size, Func<Stream> Open) : CommitLine(Path);

    public sealed record LfsFile(string Path, string Sha256, long Size) : CommitLine(Path);

    public sealed record DeletedFile(string Path) : CommitLine(Path);

    public sealed record DeletedFolder(string Path) : CommitLine(Path);
}

/// <summary>
/// Writes a commit's NDJSON body as it is sent: the header line, then one line per operation, each file read and
/// base64-encoded in chunks as it goes out (no whole-commit or whole-file buffer). A file whose length differs from the
/// one hashed fails the write, so the Hub gets a broken body and commits nothing.
/// </summary>
internal static class CommitWriter
{
    private const int ChunkBytes = 3 * 64 * 1024;
    private static readonly byte[] NewLine = [(byte)'\n'];
    private static readonly byte[] FileStart = "{\"key\":\"file\",\"value\":{\"path\":"u8.ToArray();
    private static readonly byte[] ContentStart = ",\"content\":\""u8.ToArray();
    private static readonly byte[] FileEnd = "\",\"encoding\":\"base64\"}}\n"u8.ToArray();

    public static async Task WriteAsync(Stream output, string summary, string? description, string? parentCommit, IReadOnlyList<CommitLine> lines, IProgress<(string Path, long Sent)>? progress, CancellationToken cancellationToken)
    {
        var json = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("key", "header");
            writer.WriteStartObject("value");
            writer.WriteString("summary", summary);
            writer.WriteString("description", description ?? string.Empty);
            if (parentCommit is not null)
            {
                writer.WriteString("parentCommit", parentCommit);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        await WriteLineAsync(output, json, cancellationToken).ConfigureAwait(false);
        foreach (var line in lines)
        {
            if (line is CommitLine.File file)
            {
                await WriteFileAsync(output, file, progress, cancellationToken).ConfigureAwait(false);
                continue;
            }

            json.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(json))
            {
                writer.WriteStartObject();
                switch (line)
                {
                    case CommitLine.LfsFile lfs:
                        writer.WriteString("key", "lfsFile");
                        writer.WriteStartObject("value");
                        writer.WriteString("path", lfs.Path);
                        writer.WriteString("algo", "sha256");
                        writer.WriteString("oid", lfs.Sha256);
                        writer.WriteNumber("size", lfs.Size);
                        break;
                    case CommitLine.DeletedFile deleted:
                        writer.WriteString("key", "deletedFile");
                        writer.WriteStartObject("value");
                        writer.WriteString("path", deleted.Path);
                        break;
                    case CommitLine.DeletedFolder folder:
                        writer.WriteString("key", "deletedFolder");
                        writer.WriteStartObject("value");
                        writer.WriteString("path", folder.Path);
                        break;
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            await WriteLineAsync(output, json, cancellationToken).ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteLineAsync(Stream output, ArrayBufferWriter<byte> json, CancellationToken cancellationToken)
    {
        await output.WriteAsync(json.WrittenMemory, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>{"key":"file","value":{"path":…,"content":"&lt;base64&gt;","encoding":"base64"}}</c>, the content streamed.</summary>
    private static async Task WriteFileAsync(Stream output, CommitLine.File file, IProgress<(string Path, long Sent)>? progress, CancellationToken cancellationToken)
    {
        var head = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(head))
        {
            // The JSON-escaped path, written by the serializer; the rest of the line is fixed text around the base64.
            writer.WriteStringValue(file.Path);
        }

        await output.WriteAsync(FileStart, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(head.WrittenMemory, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(ContentStart, cancellationToken).ConfigureAwait(false);

        var source = ArrayPool<byte>.Shared.Rent(ChunkBytes + 2);
        var encoded = ArrayPool<byte>.Shared.Rent(Base64.GetMaxEncodedToUtf8Length(ChunkBytes + 2));
        try
        {
            var stream = file.Open();
            await using (stream.ConfigureAwait(false))
            {
                long total = 0;
                var carried = 0;
                int read;
                while ((read = await stream.ReadAsync(source.AsMemory(carried, ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    var available = carried + read;
                    var whole = available - (available % 3);
                    Base64.EncodeToUtf8(source.AsSpan(0, whole), encoded, out _, out var written, isFinalBlock: false);
                    await output.WriteAsync(encoded.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
                    carried = available - whole;
                    source.AsSpan(whole, carried).CopyTo(source);
                    progress?.Report((file.Path, total));
                }

                if (carried > 0)
                {
                    Base64.EncodeToUtf8(source.AsSpan(0, carried), encoded, out _, out var written);
                    await output.WriteAsync(encoded.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
                }

                if (total != file.Size)
                {
                    throw new BodyChangedException($"{file.Path} changed while it was sent: {total} bytes where {file.Size} were read before. Nothing was committed.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(source);
            ArrayPool<byte>.Shared.Return(encoded);
        }

        await output.WriteAsync(FileEnd, cancellationToken).ConfigureAwait(false);
    }
}
