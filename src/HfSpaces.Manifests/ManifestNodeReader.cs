using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace HfSpaces.Manifests;

/// <summary>
/// The manifest's YAML nodes read into <see cref="SpaceSpec"/>s for <see cref="ManifestReader"/>: every rule checked, every
/// problem collected in <see cref="Errors"/> with its file, line and column (nothing stops at the first).
/// </summary>
internal sealed class ManifestNodeReader(string file)
{
    private static readonly string[] TopKeys = ["defaults", "spaces"];
    private static readonly string[] VolumeKeys = ["type", "source", "mount_path", "revision", "read_only", "path"];
    private static readonly string[] VariableKeys = ["value", "description"];
    private static readonly string[] SecretKeys = ["from", "description"];

    public List<string> Errors { get; } = [];

    public List<SpaceSpec> Read(YamlMappingNode root)
    {
        SpaceSpec? defaults = null;
        YamlMappingNode? spacesNode = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = Key(keyNode, TopKeys, "a top-level key");
            if (key == "defaults")
            {
                defaults = value is YamlMappingNode d ? ReadSpace(new SpaceId("defaults", "defaults"), d, isDefaults: true) : Error<SpaceSpec>(value, "'defaults' is a mapping of Space settings");
            }
            else if (key == "spaces")
            {
                spacesNode = value as YamlMappingNode ?? Error<YamlMappingNode>(value, "'spaces' is a mapping of namespace/name to settings");
            }
        }

        if (spacesNode is null)
        {
            Errors.Add($"{At(root)}: the manifest has no 'spaces'.");
            return [];
        }

        var result = new List<SpaceSpec>();
        foreach (var (keyNode, value) in spacesNode.Children)
        {
            var id = Scalar(keyNode);
            if (!SpaceId.TryParse(id, out var spaceId, out var error))
            {
                Errors.Add($"{At(keyNode)}: '{id}' is not a Space id: {error}");
                continue;
            }

            // YAML itself refuses the same key twice; two spellings of one Space differ only in case, which the
            // Hub's names ignore (acme/Chat is acme/chat): both would be applied to one Space, each undoing the other.
            if (result.FirstOrDefault(s => string.Equals(s.Id.ToString(), spaceId.ToString(), StringComparison.OrdinalIgnoreCase)) is { } first)
            {
                Errors.Add($"{At(keyNode)}: {spaceId} is {first.Id} again ({first.Location}): the Hub's names ignore case, so both are one Space. Declare it once.");
                continue;
            }

            var spec = value switch
            {
                YamlMappingNode settings => ReadSpace(spaceId, settings, isDefaults: false),
                YamlScalarNode { Value: null or "" or "~" } => new SpaceSpec { Id = spaceId, Location = Location(keyNode) },
                _ => Error<SpaceSpec>(value, $"{spaceId}'s settings are a mapping"),
            };
            if (spec is not null)
            {
                result.Add(WithDefaults(spec, defaults) with { Location = Location(keyNode) });
            }
        }

        return result;
    }

    private SpaceSpec ReadSpace(SpaceId id, YamlMappingNode node, bool isDefaults)
    {
        var spec = new SpaceSpec { Id = id, Location = Location(node) };
        foreach (var (keyNode, value) in node.Children)
        {
            var key = Key(keyNode, ManifestReader.SpaceKeys, "a Space setting");
            spec = key switch
            {
                "sdk" => spec with { Sdk = Vocabulary(value, SpaceSdk.TryParse, SpaceSdk.KnownValues, "sdk") },
                "template" => spec with { Template = Template(value) },
                "source" => spec with { Source = ReadSource(value) },
                "visibility" => spec with { Visibility = Vocabulary(value, SpaceVisibility.TryParse, SpaceVisibility.KnownValues, "visibility") },
                "hardware" => spec with { Hardware = Vocabulary(value, SpaceHardware.TryParse, SpaceHardware.KnownValues, "hardware") },
                "sleep_time" => spec with { SleepTime = SleepTimeText.Parse(Scalar(value)) ?? Error<TimeSpan?>(value, $"'{Scalar(value)}' is not a sleep time: write 30m, 1h, 1h30m, a number of seconds, or never") },
                "storage" => spec with { Storage = Vocabulary(value, SpaceStorage.TryParse, SpaceStorage.KnownValues, "storage tier") },
                "dev_mode" => spec with { DevMode = Bool(value, "dev_mode") },
                "replicas" => ReadReplicas(spec, value),
                "volumes" => spec with { Volumes = ReadVolumes(value) },
                "variables" => spec with { Variables = ReadVariables(value) },
                "secrets" => spec with { Secrets = ReadSecrets(value) },
                _ => spec,
            };
        }

        if (isDefaults && spec.Template is not null)
        {
            Errors.Add($"{At(node)}: 'template' cannot be a default: each Space names its own.");
        }

        if (isDefaults && spec.Source is not null)
        {
            Errors.Add($"{At(node)}: 'source' cannot be a default: each Space names its own folder.");
        }

        return spec;
    }

    private SpaceSpec ReadReplicas(SpaceSpec spec, YamlNode value)
    {
        var text = Scalar(value);
        if (string.Equals(text, "auto", StringComparison.Ordinal))
        {
            return spec with { AutoReplicas = true, Replicas = null };
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1
            ? spec with { Replicas = count, AutoReplicas = false }
            : Error<SpaceSpec>(value, $"'{text}' is not a replica count: a number from 1, or auto") ?? spec;
    }

    private List<SpaceVolume>? ReadVolumes(YamlNode value)
    {
        if (value is not YamlSequenceNode sequence)
        {
            return Error<List<SpaceVolume>>(value, "'volumes' is a list of {type, source, mount_path}");
        }

        var volumes = new List<SpaceVolume>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode map)
            {
                Errors.Add($"{At(item)}: a volume is a mapping with type, source and mount_path.");
                continue;
            }

            string? type = null, source = null, mountPath = null, revision = null, subPath = null;
            bool? readOnly = null;
            foreach (var (k, v) in map.Children)
            {
                switch (Key(k, VolumeKeys, "a volume setting"))
                {
                    case "type": type = Vocabulary(v, SpaceVolumeType.TryParse, SpaceVolumeType.KnownValues, "volume type")?.ToString(); break;
                    case "source": source = Scalar(v); break;
                    case "mount_path": mountPath = Scalar(v); break;
                    case "revision": revision = Scalar(v); break;
                    case "path": subPath = Scalar(v); break;
                    case "read_only": readOnly = Bool(v, "read_only"); break;
                }
            }

            if (type is null || string.IsNullOrWhiteSpace(source) || string.IsNullOrWhiteSpace(mountPath))
            {
                Errors.Add($"{At(item)}: a volume needs type, source and mount_path.");
                continue;
            }

            volumes.Add(new SpaceVolume(new SpaceVolumeType(type), source, mountPath) { Revision = revision, ReadOnly = readOnly, Path = subPath });
        }

        return volumes;
    }

    private Dictionary<string, VariableSpec> ReadVariables(YamlNode value)
    {
        var variables = new Dictionary<string, VariableSpec>(StringComparer.Ordinal);
        if (value is not YamlMappingNode map)
        {
            return Error<Dictionary<string, VariableSpec>>(value, "'variables' is a mapping of KEY to a value or {value, description}") ?? variables;
        }

        foreach (var (k, v) in map.Children)
        {
            var key = Scalar(k);
            if (v is YamlScalarNode scalar)
            {
                variables[key] = new VariableSpec(scalar.Value ?? string.Empty);
            }
            else if (v is YamlMappingNode details)
            {
                string? text = null, description = null;
                foreach (var (dk, dv) in details.Children)
                {
                    switch (Key(dk, VariableKeys, "a variable setting"))
                    {
                        case "value": text = Scalar(dv); break;
                        case "description": description = Scalar(dv); break;
                    }
                }

                if (text is null)
                {
                    Errors.Add($"{At(v)}: variable {key} has no value.");
                    continue;
                }

                variables[key] = new VariableSpec(text, description);
            }
            else
            {
                Errors.Add($"{At(v)}: variable {key} is a value or {{value, description}}.");
            }
        }

        return variables;
    }

    private Dictionary<string, SecretReference> ReadSecrets(YamlNode value)
    {
        var secrets = new Dictionary<string, SecretReference>(StringComparer.Ordinal);
        if (value is not YamlMappingNode map)
        {
            return Error<Dictionary<string, SecretReference>>(value, "'secrets' is a mapping of KEY to ${env:NAME} or ${file:path}") ?? secrets;
        }

        foreach (var (k, v) in map.Children)
        {
            var key = Scalar(k);
            string? reference = null, description = null;
            YamlNode at = v;
            if (v is YamlScalarNode scalar)
            {
                reference = scalar.Value;
            }
            else if (v is YamlMappingNode details)
            {
                foreach (var (dk, dv) in details.Children)
                {
                    switch (Key(dk, SecretKeys, "a secret setting"))
                    {
                        case "from": reference = Scalar(dv); at = dv; break;
                        case "description": description = Scalar(dv); break;
                    }
                }
            }

            if (reference is not null && SecretReference.TryParse(reference, description) is { } parsed)
            {
                secrets[key] = parsed;
            }
            else
            {
                // Never echo what was written: it may be the secret itself.
                Errors.Add($"{At(at)}: secret {key} must be a reference, ${{env:NAME}} or ${{file:path}} — never a literal value: a manifest is committed and read by many.");
            }
        }

        return secrets;
    }

    private T? Vocabulary<T>(YamlNode value, TryParseFunc<T> tryParse, IReadOnlyList<T> known, string what)
        where T : struct
    {
        var text = Scalar(value);
        if (tryParse(text, out var parsed))
        {
            return parsed;
        }

        var suggestion = Suggest(text, known.Select(k => k.ToString()!));
        Errors.Add($"{At(value)}: '{text}' is not a known {what}{(suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)")}. Known: {string.Join(", ", known)}.");
        return null;
    }

    /// <summary><c>source: ./folder</c>, or <c>source: {path, ignore: [globs], delete_missing: true}</c>.</summary>
    private SpaceSource? ReadSource(YamlNode value)
    {
        if (value is YamlScalarNode)
        {
            return Scalar(value) is { Length: > 0 } path ? new SpaceSource { Path = path } : Error<SpaceSource>(value, "source is a folder: source: ./spaces/chat");
        }

        if (value is not YamlMappingNode map)
        {
            return Error<SpaceSource>(value, "source is a folder (source: ./app) or a mapping with path, ignore and delete_missing");
        }

        string? folder = null;
        var ignore = new List<string>();
        var deleteMissing = false;
        foreach (var (k, v) in map.Children)
        {
            switch (Key(k, ManifestReader.SourceKeys, "a source setting"))
            {
                case "path": folder = Scalar(v); break;
                case "delete_missing": deleteMissing = Bool(v, "delete_missing") ?? false; break;
                case "ignore" when v is YamlSequenceNode list: ignore.AddRange(list.Children.Select(Scalar).OfType<string>()); break;
                case "ignore": Errors.Add($"{At(v)}: ignore is a list of .gitignore lines: ignore: [\"*.ipynb\"]"); break;
            }
        }

        return string.IsNullOrWhiteSpace(folder)
            ? Error<SpaceSource>(map, "a source needs its path")
            : new SpaceSource { Path = folder, Ignore = ignore, DeleteMissing = deleteMissing };
    }

    private string? Template(YamlNode value)
    {
        var text = Scalar(value);
        return SpaceId.TryParse(text, out _, out var error) ? text : Error<string>(value, $"template '{text}' is not a Space id: {error}");
    }

    private bool? Bool(YamlNode value, string what) => Scalar(value) switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        var other => Error<bool?>(value, $"'{other}' is not a {what} value: true or false"),
    };

    private string Key(YamlNode node, string[] allowed, string what)
    {
        var key = Scalar(node);
        if (Array.IndexOf(allowed, key) >= 0)
        {
            return key;
        }

        var suggestion = Suggest(key, allowed);
        Errors.Add($"{At(node)}: '{key}' is not {what}{(suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)")}. Allowed: {string.Join(", ", allowed)}.");
        return string.Empty;
    }

    private static string Scalar(YamlNode node) => node is YamlScalarNode { Value: { } value } ? value : string.Empty;

    private T? Error<T>(YamlNode node, string message)
    {
        Errors.Add($"{At(node)}: {message}.");
        return default;
    }

    private string At(YamlNode node) => $"{file}:{node.Start.Line}:{node.Start.Column}";

    private SourceLocation Location(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    private static string? Suggest(string value, IEnumerable<string> known) => ValueSuggestions.Nearest(value, known);

    private static SpaceSpec WithDefaults(SpaceSpec spec, SpaceSpec? defaults) => defaults is null ? spec : spec with
    {
        Sdk = spec.Sdk ?? defaults.Sdk,
        Visibility = spec.Visibility ?? defaults.Visibility,
        Hardware = spec.Hardware ?? defaults.Hardware,
        SleepTime = spec.SleepTime ?? defaults.SleepTime,
        Storage = spec.Storage ?? defaults.Storage,
        DevMode = spec.DevMode ?? defaults.DevMode,
        Replicas = spec.Replicas ?? (spec.AutoReplicas ? null : defaults.Replicas),
        AutoReplicas = spec.AutoReplicas || (spec.Replicas is null && defaults.AutoReplicas),
        Volumes = spec.Volumes ?? defaults.Volumes,
        Variables = defaults.Variables.Concat(spec.Variables).GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
        Secrets = defaults.Secrets.Concat(spec.Secrets).GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
    };

    private delegate bool TryParseFunc<T>(string? value, out T result);
}
