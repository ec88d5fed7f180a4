using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HfSpaces.Emulator.Hosting;

/// <summary>
/// The emulator's record of requests: bounded (the oldest are dropped past <see cref="EmulatorOptions.MaxRecordedRequests"/>,
/// bodies cut at <see cref="MaxBodyChars"/>) and with secret values redacted — a test fixture must not keep every 1 MB
/// upsert forever, nor hold the secrets a test sent.
/// </summary>
internal sealed class RequestLog(int capacity)
{
    internal const int MaxBodyChars = 8 * 1024;

    internal const string Redacted = "[redacted]";

    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Snapshot => [.. _requests];

    public void Clear() => _requests.Clear();

    public void Add(string method, string path, string query, string? account, string body, long bodyBytes, int status)
    {
        if (capacity <= 0)
        {
            return;
        }

        _requests.Enqueue(new RecordedRequest(method, path, query, account, Redact(path, body), status) { BodyBytes = bodyBytes });
        while (_requests.Count > capacity && _requests.TryDequeue(out _))
        {
        }
    }

    /// <summary>Secret values (an upsert's <c>value</c>, the <c>secrets[].value</c> of a duplicate or create) become "[redacted]".</summary>
    internal static string Redact(string path, string body)
    {
        var isSecretUpsert = path.EndsWith("/secrets", StringComparison.Ordinal);
        if (body.Length == 0 || (!isSecretUpsert && !body.Contains("\"secrets\"", StringComparison.Ordinal)))
        {
            return Cut(body);
        }

        try
        {
            if (JsonNode.Parse(body) is JsonObject root)
            {
                if (isSecretUpsert && root.ContainsKey("value"))
                {
                    root["value"] = Redacted;
                }

                if (root["secrets"] is JsonArray secrets)
                {
                    foreach (var secret in secrets.OfType<JsonObject>().Where(s => s.ContainsKey("value")))
                    {
                        secret["value"] = Redacted;
                    }
                }

                return Cut(root.ToJsonString());
            }
        }
        catch (JsonException)
        {
        }

        // Not JSON: it may still hold a secret, so none of it is kept.
        return Redacted;
    }

    private static string Cut(string body) => body.Length > MaxBodyChars ? body[..MaxBodyChars] + "…" : body;
}
