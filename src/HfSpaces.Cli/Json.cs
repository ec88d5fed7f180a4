using System.Text.Json;
using System.Text.Json.Nodes;

namespace HfSpaces.Cli;

/// <summary>
/// The CLI's JSON, built as <see cref="JsonNode"/>s: no reflection, so the native (AOT) build writes exactly what the JIT
/// one does. Members whose value is null are left out, as they always have been.
/// </summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly JsonSerializerOptions OneLine = new() { WriteIndented = false };

    /// <summary>An object with the members whose value is not null, in order.</summary>
    public static JsonObject Object(params ReadOnlySpan<(string Name, JsonNode? Value)> members)
    {
        var result = new JsonObject();
        foreach (var (name, value) in members)
        {
            if (value is not null)
            {
                result[name] = value;
            }
        }

        return result;
    }

    /// <summary>An array of <paramref name="items"/>, each made by <paramref name="item"/>.</summary>
    public static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> item) => [.. items.Select(item)];

    /// <summary>An array of strings.</summary>
    public static JsonArray Strings(IEnumerable<string> items) => Array(items, static s => JsonValue.Create(s));

    /// <summary>Indented (a command's answer) or on one line (an NDJSON event).</summary>
    public static string Text(JsonNode? value, bool indented) => value?.ToJsonString(indented ? Indented : OneLine) ?? "null";
}
