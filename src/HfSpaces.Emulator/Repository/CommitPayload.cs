using System.Text.Json;
using HfSpaces.Emulator.State;

namespace HfSpaces.Emulator.Repository;

/// <summary>
/// A commit's NDJSON body read as the Hub reads it: a <c>header</c> line (<c>summary</c>, <c>description</c>,
/// <c>parentCommit</c>), then one line per operation — <c>file</c> (base64 <c>content</c>), <c>lfsFile</c> (<c>oid</c>,
/// <c>size</c> of an uploaded object), <c>deletedFile</c>, <c>deletedFolder</c>. Any line that breaks a rule fails the
/// whole commit with a 400 naming the line, before anything is stored.
/// </summary>
internal sealed record CommitPayload(string Summary, string? Description, string? ParentCommit, IReadOnlyList<CommitPayload.Operation> Operations)
{
    /// <summary>The most a commit body may hold (regular files are base64 in it; big ones go through LFS).</summary>
    public const int MaxBytes = 256 * 1024 * 1024;

    public abstract record Operation(string Path);

    public sealed record AddFile(string Path, byte[] Content) : Operation(Path);

    public sealed record AddLfsFile(string Path, string Sha256, long Size) : Operation(Path);

    public sealed record DeleteFile(string Path) : Operation(Path);

    public sealed record DeleteFolder(string Path) : Operation(Path);

    public static CommitPayload Parse(ReadOnlyMemory<byte> body)
    {
        string? summary = null;
        string? description = null;
        string? parent = null;
        var operations = new List<Operation>();
        var line = 0;
        var rest = body;
        while (rest.Length > 0)
        {
            var end = rest.Span.IndexOf((byte)'\n');
            var text = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            line++;
            if (text.Span.Trim((byte)'\r').IsEmpty)
            {
                continue;
            }

            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(text);
                root = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw HubError.BadRequest($"Line {line} of the commit is not JSON: {e.Message}");
            }

            var key = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            var value = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Object ? v : default;
            if (key is null || value.ValueKind != JsonValueKind.Object)
            {
                throw HubError.BadRequest($"Line {line} of the commit needs a string 'key' and an object 'value'");
            }

            if (summary is null && key != "header")
            {
                throw HubError.BadRequest("The first line of a commit must be its header");
            }

            switch (key)
            {
                case "header" when summary is null:
                    summary = Text(value, "summary") is { Length: > 0 } s ? s : throw HubError.BadRequest("The commit header needs a summary");
                    description = Text(value, "description");
                    parent = Text(value, "parentCommit");
                    break;
                case "file":
                    var encoding = Text(value, "encoding");
                    if (encoding is not ("base64" or null))
                    {
                        throw HubError.BadRequest($"Line {line}: unsupported encoding '{encoding}' (use base64)");
                    }

                    byte[] content;
                    try
                    {
                        content = Convert.FromBase64String(Text(value, "content") ?? throw HubError.BadRequest($"Line {line}: a file needs its content"));
                    }
                    catch (FormatException)
                    {
                        throw HubError.BadRequest($"Line {line}: the content of {Text(value, "path")} is not valid base64");
                    }

                    operations.Add(new AddFile(ValidPath(value, line), content));
                    break;
                case "lfsFile":
                    var oid = Text(value, "oid");
                    if (Text(value, "algo") is not ("sha256" or null) || oid is not { Length: 64 } || !oid.All(char.IsAsciiHexDigitLower))
                    {
                        throw HubError.BadRequest($"Line {line}: an lfsFile needs algo sha256 and a 64-hex lower-case oid");
                    }

                    var size = value.TryGetProperty("size", out var sz) && sz.TryGetInt64(out var n) && n >= 0 ? n : throw HubError.BadRequest($"Line {line}: an lfsFile needs its size");
                    operations.Add(new AddLfsFile(ValidPath(value, line), oid, size));
                    break;
                case "deletedFile":
                    operations.Add(new DeleteFile(ValidPath(value, line)));
                    break;
                case "deletedFolder":
                    // huggingface_hub names a folder with a trailing '/'.
                    var folder = Text(value, "path")?.TrimEnd('/');
                    operations.Add(new DeleteFolder(SpaceApp.InvalidPath(folder) is { } bad ? throw HubError.BadRequest($"Line {line}: invalid path: {bad}") : folder!));
                    break;
                default:
                    throw HubError.BadRequest($"Line {line}: unknown operation '{key}'");
            }
        }

        if (summary is null)
        {
            throw HubError.BadRequest("The commit is empty: it needs a header line");
        }

        var twice = operations.GroupBy(o => o.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? new CommitPayload(summary, description, parent, operations) : throw HubError.BadRequest($"The commit names {twice.Key} twice");
    }

    private static string ValidPath(JsonElement value, int line)
    {
        var path = Text(value, "path");
        return SpaceApp.InvalidPath(path) is { } why ? throw HubError.BadRequest($"Line {line}: invalid path: {why}") : path!;
    }

    private static string? Text(JsonElement value, string name) =>
        value.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
