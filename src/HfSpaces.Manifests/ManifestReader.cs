using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HfSpaces.Manifests;

/// <summary>
/// Reads <c>spaces.yaml</c>:
/// <code>
/// defaults:                       # applied to every Space; a Space's own value wins
///   sleep_time: 1h
/// spaces:
///   acme/chat:
///     sdk: gradio
///     hardware: t4-small
///     variables:
///       MODEL: gpt2
///       TEMPERATURE: { value: "0.2", description: sampling }
///     secrets:
///       OPENAI_API_KEY: ${env:OPENAI_API_KEY}
/// </code>
/// Every problem is collected and reported at once, each with the file, line and column, the rule broken and — for
/// keys and vocabularies — the nearest valid value. A secret's value is never accepted inline.
/// </summary>
public static class ManifestReader
{
    /// <summary>The settings a Space (and <c>defaults</c>) may have.</summary>
    internal static readonly string[] SpaceKeys = ["sdk", "template", "source", "visibility", "hardware", "sleep_time", "storage", "dev_mode", "replicas", "volumes", "variables", "secrets"];

    internal static readonly string[] SourceKeys = ["path", "ignore", "delete_missing"];


    /// <summary>Reads a manifest file.</summary>
    /// <exception cref="ManifestException">The file cannot be read, is not YAML, or breaks a rule.</exception>
    public static SpaceManifest Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException($"{path}: cannot be read ({e.Message.TrimEnd('.')}).");
        }

        return Parse(text, path);
    }

    /// <summary>Reads a manifest from text; <paramref name="path"/> names it in messages and anchors relative secret files.</summary>
    /// <exception cref="ManifestException">It is not YAML, or breaks a rule.</exception>
    public static SpaceManifest Parse(string text, string path = "spaces.yaml")
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new ManifestNodeReader(path);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ManifestException($"{path}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {e.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ManifestException($"{path}:1:1: a manifest is a mapping with 'spaces' (and optionally 'defaults').");
        }

        var spaces = reader.Read(root);
        if (reader.Errors.Count > 0)
        {
            throw new ManifestException(reader.Errors);
        }

        return new SpaceManifest(spaces, path);
    }
}
