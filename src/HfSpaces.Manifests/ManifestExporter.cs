using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HfSpaces.Manifests;

/// <summary>
/// Writes the manifest of existing Spaces, so a team adopts plan/apply in one step: each Space's sdk, visibility,
/// hardware, sleep time, dev mode, replicas, volumes and variables as they are now, and its secrets as references
/// (<c>${env:KEY}</c>) — the Hub never returns a secret's value, and a manifest must not hold one.
/// </summary>
public static class ManifestExporter
{
    private static readonly JsonWriterOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Reads the Spaces and returns the YAML text of their manifest (planning it right away reports nothing to do); with <see cref="ManifestExportOptions.FilesFolder"/>
    /// each Space's files are downloaded into a folder of its own below it (<c>{namespace}/{name}</c>) and the manifest
    /// names it as the Space's <c>source:</c>, so the files match too.
    /// </summary>
    /// <exception cref="ArgumentException">A Space's files folder exists and is not empty (checked for all before anything is downloaded).</exception>
    public static async Task<string> ExportAsync(HfSpacesClient client, IEnumerable<SpaceId> spaces, ManifestExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(spaces);
        options ??= new ManifestExportOptions();
        var ids = spaces.Distinct().ToList();
        var sources = FilesFolders(ids, options);
        var scheduler = new HubScheduler { CancelStartedItems = true }; // an export only reads
        var read = await scheduler.RunAsync(ids, (id, ct) => LiveSpace.ReadAsync(client, id, ct), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (read.FirstOrDefault(r => r.Status != ScheduledStatus.Succeeded) is { } failed)
        {
            throw failed.Error ?? new OperationCanceledException(cancellationToken);
        }

        foreach (var (id, folder) in sources)
        {
            await client.DownloadFolderAsync(id, folder, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var yaml = new StringBuilder();
        yaml.Append("# Exported from ").Append(client.Endpoint).Append(". Secrets are references: set each variable before apply.\n");
        yaml.Append("spaces:\n");
        foreach (var (info, runtime, variables, secrets) in read.Select(r => r.Value!))
        {
            yaml.Append("  ").Append(Key(info.Id.ToString())).Append(":\n");
            Line(yaml, "sdk", info.Sdk?.ToString());
            Line(yaml, "visibility", info.Private switch { true => "private", false => "public", null => null });
            if (sources.TryGetValue(info.Id, out var source))
            {
                Line(yaml, "source", Quote(Relative(options.ManifestFolder, source)));
            }

            var hardware = runtime.EffectiveHardware;
            if (hardware is { } h)
            {
                Line(yaml, "hardware", h.ToString());
                if (h != SpaceHardware.CpuBasic)
                {
                    Line(yaml, "sleep_time", SleepTimeText.Format(runtime.SleepTime ?? Timeout.InfiniteTimeSpan));
                }

                Line(yaml, "dev_mode", runtime.DevMode ? "true" : "false");
            }

            Line(yaml, "storage", runtime.Storage?.ToString());
            if (runtime.Replicas is { } replicas && (replicas.IsAuto || replicas.Requested is > 1))
            {
                Line(yaml, "replicas", replicas.IsAuto ? "auto" : replicas.Requested!.Value.ToString(CultureInfo.InvariantCulture));
            }

            if (runtime.Volumes is { Count: > 0 } volumes)
            {
                yaml.Append("    volumes:\n");
                foreach (var v in volumes)
                {
                    yaml.Append("      - { type: ").Append(Quote(v.Type.ToString())).Append(", source: ").Append(Quote(v.Source)).Append(", mount_path: ").Append(Quote(v.MountPath));
                    if (v.Revision is { } revision)
                    {
                        yaml.Append(", revision: ").Append(Quote(revision));
                    }

                    if (v.Path is { } path)
                    {
                        yaml.Append(", path: ").Append(Quote(path));
                    }

                    if (v.ReadOnly is { } readOnly)
                    {
                        yaml.Append(", read_only: ").Append(readOnly ? "true" : "false");
                    }

                    yaml.Append(" }\n");
                }
            }

            if (variables.Count > 0)
            {
                yaml.Append("    variables:\n");
                foreach (var (key, variable) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
                {
                    yaml.Append("      ").Append(Key(key)).Append(": ");
                    yaml.Append(variable.Description is { } d ? $"{{ value: {Quote(variable.Value)}, description: {Quote(d)} }}" : Quote(variable.Value)).Append('\n');
                }
            }

            if (secrets.Count > 0)
            {
                yaml.Append("    secrets:\n");
                foreach (var (key, secret) in secrets.OrderBy(s => s.Key, StringComparer.Ordinal))
                {
                    var reference = Quote(SecretReference.FromEnvironment(EnvironmentName(key)).Reference);
                    yaml.Append("      ").Append(Key(key)).Append(": ");
                    yaml.Append(secret.Description is { } d ? $"{{ from: {reference}, description: {Quote(d)} }}" : reference).Append('\n');
                }
            }
        }

        return yaml.ToString();
    }

    /// <summary>Each Space's files folder, <c>{FilesFolder}/{namespace}/{name}</c>; refused when one already holds something.</summary>
    private static Dictionary<SpaceId, string> FilesFolders(IReadOnlyList<SpaceId> ids, ManifestExportOptions options)
    {
        var folders = new Dictionary<SpaceId, string>();
        if (options.FilesFolder is not { } root)
        {
            return folders;
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(root, nameof(options));
        foreach (var id in ids)
        {
            var folder = Path.GetFullPath(Path.Combine(root, id.Namespace, id.Name));
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                throw new ArgumentException($"{folder} is not empty: the export writes each Space's files into a folder of its own and does not mix them with what is there. Choose another folder or empty it.", nameof(options));
            }

            folders[id] = folder;
        }

        return folders;
    }

    /// <summary>A folder as a manifest names it: relative to the manifest's folder, <c>/</c>-separated, <c>./</c> first.</summary>
    private static string Relative(string? manifestFolder, string folder)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(manifestFolder ?? "."), folder).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? relative : "./" + relative;
    }

    private static void Line(StringBuilder yaml, string key, string? value)
    {
        if (value is not null)
        {
            yaml.Append("    ").Append(key).Append(": ").Append(value).Append('\n');
        }
    }

    /// <summary>A YAML double-quoted scalar (JSON's string syntax is valid YAML).</summary>
    private static string Quote(string value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Quoting))
        {
            writer.WriteStringValue(value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Keys are written plain when they can be, quoted otherwise.</summary>
    private static string Key(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/') && !char.IsAsciiDigit(key[0]) ? key : Quote(key);

    /// <summary>An environment variable name for a secret key (letters, digits, underscores).</summary>
    private static string EnvironmentName(string key)
    {
        var name = new string(key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        return name.Length == 0 || char.IsAsciiDigit(name[0]) ? "_" + name : name;
    }
}
