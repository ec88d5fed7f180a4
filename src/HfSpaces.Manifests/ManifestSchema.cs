using System.Text.Json;
using System.Text.Json.Nodes;

namespace HfSpaces.Manifests;

/// <summary>
/// The JSON Schema of <c>spaces.yaml</c> (editors complete and check the manifest with it: yaml-language-server reads
/// <c># yaml-language-server: $schema=…</c>). Generated from the reader's keys and the SDK's vocabularies, so it cannot
/// drift from what <see cref="ManifestReader"/> accepts; the copy checked in beside the project is compared with it by
/// a test.
/// </summary>
public static class ManifestSchema
{
    /// <summary>The schema as indented JSON text, ending with a newline.</summary>
    public static string Generate()
    {
        var space = SpaceSettings(defaults: false);
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://github.com/HfSpacesKiota/HfSpacesKiota/blob/main/src/HfSpaces.Manifests/spaces.schema.json",
            ["title"] = "Hugging Face Spaces manifest (hf-spaces plan/apply)",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("spaces"),
            ["properties"] = new JsonObject
            {
                ["defaults"] = SpaceSettings(defaults: true),
                ["spaces"] = new JsonObject
                {
                    ["description"] = "Spaces by id (namespace/name).",
                    ["type"] = "object",
                    ["propertyNames"] = new JsonObject { ["pattern"] = "^[\\w\\-.]+/[\\w\\-.]{1,96}$" },
                    ["additionalProperties"] = new JsonObject { ["anyOf"] = new JsonArray(space, new JsonObject { ["type"] = "null" }) },
                },
            },
        };
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject SpaceSettings(bool defaults)
    {
        var properties = new JsonObject
        {
            ["sdk"] = Vocabulary(SpaceSdk.KnownValues.Select(v => v.ToString()), "The SDK, used to create the Space (the Hub cannot change it)."),
            ["template"] = new JsonObject { ["type"] = "string", ["description"] = "A template Space to create it from (namespace/name)." },
            ["source"] = new JsonObject
            {
                ["description"] = "The folder whose files the Space serves (relative to the manifest), synced as 'hf-spaces deploy' does.",
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                    new JsonObject
                    {
                        ["type"] = "object",
                        ["additionalProperties"] = false,
                        ["required"] = new JsonArray("path"),
                        ["properties"] = new JsonObject
                        {
                            ["path"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                            ["ignore"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["description"] = ".gitignore lines to leave out." },
                            ["delete_missing"] = new JsonObject { ["type"] = "boolean", ["description"] = "Delete the Space's files the folder does not have." },
                        },
                    }),
            },
            ["visibility"] = Vocabulary(SpaceVisibility.KnownValues.Select(v => v.ToString()), "Who can see it."),
            ["hardware"] = Vocabulary(SpaceHardware.KnownValues.Select(v => v.ToString()), "The hardware flavor."),
            ["sleep_time"] = new JsonObject
            {
                ["description"] = "Inactivity before it sleeps: 30m, 1h, 1h30m, seconds, or never. cpu-basic always sleeps after 48 h.",
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["type"] = "string", ["pattern"] = "^(never|[0-9]+|([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?)$" },
                    new JsonObject { ["type"] = "integer", ["minimum"] = 1 }),
            },
            ["storage"] = Vocabulary(SpaceStorage.KnownValues.Select(v => v.ToString()), "A persistent storage tier (deprecated by the Hub; tiers only go up)."),
            ["dev_mode"] = new JsonObject { ["type"] = "boolean" },
            ["replicas"] = new JsonObject
            {
                ["description"] = "A replica count, or auto (paid hardware).",
                ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer", ["minimum"] = 1 }, new JsonObject { ["const"] = "auto" }),
            },
            ["volumes"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["required"] = new JsonArray("type", "source", "mount_path"),
                    ["properties"] = new JsonObject
                    {
                        ["type"] = Vocabulary(SpaceVolumeType.KnownValues.Select(v => v.ToString()), "What is mounted."),
                        ["source"] = new JsonObject { ["type"] = "string" },
                        ["mount_path"] = new JsonObject { ["type"] = "string" },
                        ["revision"] = new JsonObject { ["type"] = "string" },
                        ["path"] = new JsonObject { ["type"] = "string" },
                        ["read_only"] = new JsonObject { ["type"] = "boolean" },
                    },
                },
            },
            ["variables"] = new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = new JsonObject
                {
                    ["anyOf"] = new JsonArray(
                        new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") },
                        new JsonObject
                        {
                            ["type"] = "object",
                            ["additionalProperties"] = false,
                            ["required"] = new JsonArray("value"),
                            ["properties"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "string" }, ["description"] = new JsonObject { ["type"] = "string" } },
                        }),
                },
            },
            ["secrets"] = new JsonObject
            {
                ["description"] = "References only: ${env:NAME} or ${file:path}. A literal value is an error.",
                ["type"] = "object",
                ["additionalProperties"] = new JsonObject
                {
                    ["anyOf"] = new JsonArray(
                        Reference(),
                        new JsonObject
                        {
                            ["type"] = "object",
                            ["additionalProperties"] = false,
                            ["required"] = new JsonArray("from"),
                            ["properties"] = new JsonObject { ["from"] = Reference(), ["description"] = new JsonObject { ["type"] = "string" } },
                        }),
                },
            },
        };
        if (defaults)
        {
            properties.Remove("template");
            properties.Remove("source");
        }

        return new JsonObject
        {
            ["description"] = defaults ? "Settings every Space gets unless it sets its own." : "A Space's settings; an absent one is not managed.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
    }

    /// <summary>Known values are suggested; others are allowed by the schema (the reader names the nearest known one).</summary>
    private static JsonObject Vocabulary(IEnumerable<string> values, string description) => new()
    {
        ["description"] = description,
        ["type"] = "string",
        ["examples"] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]),
    };

    private static JsonObject Reference() => new() { ["type"] = "string", ["pattern"] = "^\\$\\{(env:[A-Za-z0-9_]+|file:.+)\\}$" };
}
