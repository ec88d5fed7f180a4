using System.Text.Json;
using HfSpaces.Emulator.State;

namespace HfSpaces.Emulator;

/// <summary>
/// Accounts and Spaces for an emulator, read from a JSON file (<c>hf-spaces-emulator --seed FILE</c>, or
/// <see cref="Read"/> in a test):
/// <code>
/// {
///   "accounts": [ { "name": "alice", "token": "hf_alice", "organizations": ["acme"] } ],
///   "spaces": [ { "id": "acme/chat", "sdk": "gradio", "hardware": "t4-small", "private": true, "stage": "RUNNING",
///                 "files": { "app.py": "import gradio as gr\n…", "requirements.txt": "gradio\n" } },
///               { "id": "alice/broken", "stage": "BUILD_ERROR", "errorMessage": "Build failed with exit code: 1" } ]
/// }
/// </code>
/// Every field but <c>name</c>, <c>token</c> and <c>id</c> may be left out (gradio, cpu-basic, public, RUNNING; without
/// <c>files</c>, a small app for the SDK; <c>"files": {}</c> for none, so the Space cannot build). File contents are text.
/// </summary>
public sealed record EmulatorSeed(IReadOnlyList<EmulatorSeed.Account> Accounts, IReadOnlyList<SpaceSeed> Spaces)
{
    /// <summary>An account: its name, the token that authenticates it, and the organizations it belongs to.</summary>
    public sealed record Account(string Name, string Token, IReadOnlyList<string> Organizations);

    /// <summary>Reads a seed file; a mistake is a <see cref="FormatException"/> naming the file and what is wrong.</summary>
    public static EmulatorSeed Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not JSON ({e.Message})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{path}: expected an object with \"accounts\" and \"spaces\"");
            }

            var accounts = Items(root, "accounts", path).Select(a => new Account(
                Text(a, "name", path, required: true)!,
                Text(a, "token", path, required: true)!,
                a.TryGetProperty("organizations", out var orgs) && orgs.ValueKind == JsonValueKind.Array ? [.. orgs.EnumerateArray().Select(o => o.GetString() ?? string.Empty)] : [])).ToList();
            var spaces = Items(root, "spaces", path).Select(s => new SpaceSeed(
                Text(s, "id", path, required: true)!,
                Text(s, "sdk", path) ?? "gradio",
                Text(s, "hardware", path) ?? "cpu-basic",
                s.TryGetProperty("private", out var isPrivate) && isPrivate.ValueKind == JsonValueKind.True,
                Text(s, "stage", path) ?? "RUNNING",
                Text(s, "errorMessage", path))
            {
                Files = s.TryGetProperty("files", out var files)
                    ? files.ValueKind == JsonValueKind.Object
                        ? files.EnumerateObject().ToDictionary(f => f.Name, f => System.Text.Encoding.UTF8.GetBytes(f.Value.ValueKind == JsonValueKind.String ? f.Value.GetString()! : throw new FormatException($"{path}: the file \"{f.Name}\" of {Text(s, "id", path)} is not a string of text")))
                        : throw new FormatException($"{path}: \"files\" of {Text(s, "id", path)} is an object of path → text")
                    : null,
            }).ToList();
            return new EmulatorSeed(accounts, spaces);
        }
    }

    /// <summary>Adds the accounts and Spaces to a running emulator's Hub.</summary>
    public void ApplyTo(EmulatedHub hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        foreach (var account in Accounts)
        {
            hub.AddAccount(account.Name, account.Token, [.. account.Organizations]);
        }

        foreach (var space in Spaces)
        {
            hub.AddSpace(space);
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement root, string name, string path) =>
        !root.TryGetProperty(name, out var items) ? []
        : items.ValueKind == JsonValueKind.Array ? items.EnumerateArray().ToList()
        : throw new FormatException($"{path}: \"{name}\" must be an array");

    private static string? Text(JsonElement item, string name, string path, bool required = false)
    {
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        return required ? throw new FormatException($"{path}: an entry has no \"{name}\" ({item.GetRawText()})") : null;
    }
}
