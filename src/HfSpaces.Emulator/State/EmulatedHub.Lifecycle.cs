using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HfSpaces.Emulator.Generated;
using HfSpaces.Emulator.Hosting;
using static HfSpaces.Emulator.State.HubRules;

namespace HfSpaces.Emulator.State;

/// <summary>Creating, finding, describing, configuring and deleting Spaces (docs/hub-wire.md "Lifecycle").</summary>
public sealed partial class EmulatedHub
{
    /// <summary>The properties <c>expand</c> accepts (huggingface_hub's <c>ExpandSpaceProperty_T</c>).</summary>
    internal static readonly string[] ExpandProperties =
        ["author", "cardData", "createdAt", "datasets", "disabled", "lastModified", "likes", "models", "private", "runtime", "sdk", "siblings", "sha", "subdomain", "tags", "trendingScore", "usedStorage", "resourceGroup", "xetEnabled"];

    private static readonly string[] Sdks = ["gradio", "streamlit", "docker", "static"];
    private static readonly string[] ListDefault = ["likes", "trendingScore", "private", "sdk", "tags", "createdAt"];
    private static readonly string[] InfoDefault = ["author", "sha", "lastModified", "createdAt", "private", "gated", "disabled", "subdomain", "likes", "sdk", "tags", "runtime"];

    private static readonly SpaceTemplate[] TemplateCatalog =
    [
        new() { Name = "Chatbot", RepoId = "gradio-templates/chatbot", Sdk = "gradio", PreferredPrivate = false },
        new() { Name = "Text-to-Image", RepoId = "gradio-templates/text-to-image", Sdk = "gradio", PreferredPrivate = false },
        new() { Name = "Streamlit", RepoId = "streamlit/streamlit-template-space", Sdk = "docker", PreferredPrivate = false },
        new() { Name = "JupyterLab", RepoId = "SpacesExamples/jupyterlab", Sdk = "docker", PreferredPrivate = true },
    ];

    private readonly Dictionary<string, double> _zeroGpuUsed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Emulates huggingface_hub#1477: a Space created with hardware starts on cpu-basic anyway. Default false.</summary>
    public bool IgnoreHardwareAtCreation { get; set; }

    /// <summary>The most Spaces one page of <c>GET /api/spaces</c> holds; the <c>Link</c> header leads to the next. Default 100.</summary>
    public int ListPageSize { get; set; } = 100;

    /// <summary>The ZeroGPU budget of every account, in GPU-seconds per day. Default 1,500.</summary>
    public double ZeroGpuBase { get; set; } = 1500;

    /// <summary>Records ZeroGPU seconds used by an account (the quota endpoint reports what is left).</summary>
    public void UseZeroGpu(string account, double seconds)
    {
        lock (_lock)
        {
            _zeroGpuUsed[account] = _zeroGpuUsed.GetValueOrDefault(account) + seconds;
        }
    }

    internal CreatedRepo Create(EmulatedAccount? caller, CreateSpaceRequest request, Uri hubUrl) => Locked(() =>
    {
        var account = caller ?? throw HubError.Unauthorized();
        if (request.Type is not "space")
        {
            throw HubError.BadRequest($"This emulator creates Spaces only (type \"{request.Type}\")");
        }

        var ns = string.IsNullOrEmpty(request.Organization) ? account.Name : request.Organization;
        var name = ValidName(request.Name);
        if (!account.Owns(ns))
        {
            throw HubError.Forbidden($"You don't have the rights to create a Space under the namespace \"{ns}\"");
        }

        var url = new Uri(hubUrl, $"spaces/{ns}/{name}").ToString();
        if (_spaces.ContainsKey($"{ns}/{name}"))
        {
            throw new HubError(409, "You already created this space repo", url: url);
        }

        var sdk = request.Sdk is { } s && Array.IndexOf(Sdks, s) >= 0
            ? s
            : throw HubError.BadRequest($"Invalid sdk '{request.Sdk}': a Space needs one of {string.Join(", ", Sdks)}");
        if (request.Template is { } template && !TemplateCatalog.Any(t => t.RepoId == template))
        {
            throw HubError.BadRequest($"Unknown template '{template}'");
        }

        // Clients before huggingface_hub 1.8 send "private": true instead of a visibility; the Hub still takes it.
        var legacyPrivate = request.AdditionalProperties.TryGetValue("private", out var p) && p is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.True };
        var visibility = request.Visibility ?? (legacyPrivate ? "private" : "public");
        if (visibility is not ("public" or "private" or "protected"))
        {
            throw HubError.BadRequest($"Invalid visibility '{visibility}'");
        }

        var hardware = request.Hardware is null ? "cpu-basic" : ValidFlavor(request.Hardware);
        if (hardware == "zero-a10g" && sdk != "gradio")
        {
            throw HubError.BadRequest("ZeroGPU hardware (zero-a10g) requires the gradio SDK");
        }

        var now = _clock.GetUtcNow();
        var space = new EmulatedSpace(ns, name, sdk, visibility == "private", now)
        {
            Visibility = visibility,
            ShortDescription = request.ShortDescription,
            Storage = request.StorageTier is null ? null : ValidTier(request.StorageTier),
            Volumes = request.Volumes?.Select(ValidVolume).ToList(),
            DevMode = request.DevModeEnabled ?? false,
        };
        SetItems(space, request.Variables, request.Secrets, now);

        // As on the Hub: the first commit is a README with the SDK's front matter, plus the template's files if any; a
        // Space without its app file sits at NO_APP_FILE until one is committed.
        var templateSpace = request.Template is { } t && _spaces.TryGetValue(t, out var source) ? source : null;
        var sample = Repository.SpaceApp.SampleApp(sdk);
        IEnumerable<KeyValuePair<string, byte[]>> files = templateSpace is not null ? FilesBesidesReadme(templateSpace)
            : request.Template is null ? [] : [KeyValuePair.Create(sample.Path, sample.Content)];
        space.Repository = NewRepository(name, sdk, files, account.Name);
        var applied = IgnoreHardwareAtCreation ? "cpu-basic" : hardware;
        if (!space.IsStatic)
        {
            space.SleepSeconds = applied == "cpu-basic" ? EmulatedSpace.CpuBasicSleepSeconds : request.SleepTimeSeconds is { } seconds ? ValidSleep(seconds) : null;
        }

        StartBuild(space, applied, "Space created");

        _spaces[space.Id] = space;
        return new CreatedRepo { Url = url, Name = space.Id, Id = ObjectId(space) };
    });

    internal void Delete(EmulatedAccount? caller, DeleteRepoRequest request) => Locked(() =>
    {
        var account = caller ?? throw HubError.Unauthorized();
        if (request.Type is not "space")
        {
            throw HubError.BadRequest($"This emulator deletes Spaces only (type \"{request.Type}\")");
        }

        var ns = string.IsNullOrEmpty(request.Organization) ? account.Name : request.Organization;
        var space = Writable(account, ns, request.Name ?? string.Empty, "delete");
        _spaces.Remove(space.Id);
    });

    /// <summary>A Space's info at a <paramref name="revision"/> (a branch, <c>HEAD</c> or a commit id): its sha and files there.</summary>
    internal JsonObject Info(EmulatedAccount? caller, string ns, string repo, IEnumerable<string>? expand, string? revision = null) => Locked(() =>
    {
        var space = Readable(caller, ns, repo);
        var commit = space.Repository.Resolve(revision);
        return Describe(space, Properties(expand, full: false) ?? InfoDefault, commit);
    });

    /// <summary>One page of Spaces the caller can see, filtered and sorted; <c>Next</c> is the offset of the next page, if any.</summary>
    internal (List<JsonObject> Page, int Total, int? Next) List(EmulatedAccount? caller, SpaceQuery query) => Locked(() =>
    {
        if (query.Limit is <= 0)
        {
            throw HubError.BadRequest($"Invalid limit {query.Limit}: it must be positive");
        }

        var properties = Properties(query.Expand, query.Full) ?? (query.Full ? InfoDefault : ListDefault);
        var visible = _spaces.Values
            .Where(s => !s.IsPrivate || (caller?.Owns(s.Namespace) ?? false))
            .Where(s => query.Author is null || string.Equals(s.Namespace, query.Author, StringComparison.OrdinalIgnoreCase))
            .Where(s => query.Search is null || s.Id.Contains(query.Search, StringComparison.OrdinalIgnoreCase))
            .Where(s => query.Filter.All(f => Tags(s).Contains(f, StringComparer.OrdinalIgnoreCase)));
        var ordered = (query.Sort switch
        {
            null or "createdAt" => visible.OrderBy(s => s.CreatedAt),
            "lastModified" => visible.OrderBy(s => s.LastModified),
            "likes" => visible.OrderBy(s => s.Likes),
            "trendingScore" => visible.OrderBy(s => s.Likes),
            var other => throw HubError.BadRequest($"Invalid sort '{other}': use lastModified, trendingScore, createdAt or likes"),
        }).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        if (query.Sort is null || query.Direction == -1)
        {
            ordered.Reverse();
        }

        var size = Math.Min(query.Limit ?? ListPageSize, ListPageSize);
        var page = ordered.Skip(query.Offset).Take(size).Select(s => Describe(s, properties)).ToList();
        var next = query.Offset + size < ordered.Count ? query.Offset + size : (int?)null;
        return (page, ordered.Count, next);
    });

    internal void UpdateSettings(EmulatedAccount? caller, string ns, string repo, SpaceSettingsRequest request) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the settings of");
        if (request.GatedValue is null && request.Visibility is null)
        {
            throw HubError.BadRequest("Nothing to update: send gated and/or visibility");
        }

        if (request.GatedValue is not (null or "false" or "auto" or "manual"))
        {
            throw HubError.BadRequest($"Invalid gated value {request.GatedValue}: use false, \"auto\" or \"manual\"");
        }

        if (request.Visibility is not (null or "public" or "private" or "protected"))
        {
            throw HubError.BadRequest($"Invalid visibility '{request.Visibility}'");
        }

        if (request.GatedValue is { } gated)
        {
            space.Gated = gated == "false" ? null : gated;
        }

        if (request.Visibility is { } visibility)
        {
            space.Visibility = visibility;
            space.IsPrivate = visibility == "private";
        }

        space.LastModified = _clock.GetUtcNow();
    });

    internal void SetReplicas(EmulatedAccount? caller, string ns, string repo, string? value) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the replicas of");
        NotStatic(space, "Static Spaces have no replicas");
        if (space.EffectiveHardware is null or "cpu-basic")
        {
            throw HubError.BadRequest("Replicas are only available on upgraded hardware");
        }

        space.Replicas = value switch
        {
            "auto" => null,
            _ when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 10 => count,
            _ => throw HubError.BadRequest($"Invalid replicas {value}: a number from 1 to 10, or \"auto\""),
        };
    });

    internal static SpaceTemplates Templates() => new() { Templates = [.. TemplateCatalog] };

    internal ZeroGpuQuota ZeroGpuQuota(EmulatedAccount? caller) => Locked(() =>
    {
        var account = caller ?? throw HubError.Unauthorized();
        var used = _zeroGpuUsed.GetValueOrDefault(account.Name);
        return new ZeroGpuQuota
        {
            Base = ZeroGpuBase,
            Current = Math.Max(0, ZeroGpuBase - used),
            ResetsAt = used > 0 ? _clock.GetUtcNow().UtcDateTime.Date.AddDays(1) : null,
        };
    });

    private static string[]? Properties(IEnumerable<string>? expand, bool full)
    {
        var asked = expand?.Where(e => !string.IsNullOrEmpty(e)).ToArray() ?? [];
        if (asked.Length == 0)
        {
            return null;
        }

        if (full)
        {
            throw HubError.BadRequest("expand cannot be combined with full");
        }

        return asked.FirstOrDefault(e => Array.IndexOf(ExpandProperties, e) < 0) is { } unknown
            ? throw HubError.BadRequest($"Invalid expand value '{unknown}'. Valid values: {string.Join(", ", ExpandProperties)}")
            : asked;
    }

    /// <summary>A Space as the Hub lists it: <c>_id</c>, <c>id</c>, then the properties asked for, in the Hub's names.</summary>
    private JsonObject Describe(EmulatedSpace space, IEnumerable<string> properties, Repository.RepoCommit? at = null)
    {
        at ??= space.Repository.Head;
        var json = new JsonObject { ["_id"] = ObjectId(space), ["id"] = space.Id };
        foreach (var property in properties.Distinct(StringComparer.Ordinal))
        {
            json[property] = property switch
            {
                "author" => space.Namespace,
                "sha" => at.Id,
                "createdAt" => HubJson.Date(space.CreatedAt),
                "lastModified" => HubJson.Date(space.LastModified),
                "private" => space.IsPrivate,
                "gated" => space.Gated is { } g ? JsonValue.Create(g) : JsonValue.Create(false),
                "disabled" => false,
                "subdomain" => $"{space.Namespace}-{space.Name}".ToLowerInvariant(),
                "likes" => space.Likes,
                "trendingScore" => space.Likes,
                "sdk" => space.Sdk,
                "tags" => new JsonArray([.. Tags(space).Select(t => JsonValue.Create(t))]),
                "usedStorage" => 0,
                "runtime" => JsonSerializer.SerializeToNode(Snapshot(space), HubJson.Options),
                "cardData" => CardData(space),
                "siblings" => new JsonArray([.. at.Files.Keys.Select(p => new JsonObject { ["rfilename"] = p })]),
                "models" or "datasets" => new JsonArray(),
                "xetEnabled" => true,
                _ => null,
            };
        }

        return json;
    }

    private static JsonObject CardData(EmulatedSpace space)
    {
        var card = new JsonObject { ["title"] = space.Name, ["sdk"] = space.Sdk };
        if (space.ShortDescription is { } description)
        {
            card["short_description"] = description;
        }

        return card;
    }

    private static string[] Tags(EmulatedSpace space) => [space.Sdk, "region:us"];

    private static string ObjectId(EmulatedSpace space) => EmulatedSpace.NewSha(space.CreatedAt, space.Id)[..24];

    /// <summary>The Hub's repository name rule (huggingface_hub <c>validate_repo_id</c>).</summary>
    private static string ValidName(string? name) =>
        name is not null && NameRule().IsMatch(name) && !name.Contains("--", StringComparison.Ordinal) && !name.Contains("..", StringComparison.Ordinal) && !name.EndsWith(".git", StringComparison.Ordinal)
            ? name
            : throw HubError.BadRequest($"Invalid repository name '{name}': 1-96 letters, digits, '-', '_' or '.', not starting or ending with '-' or '.', no '--' or '..'");

    [GeneratedRegex(@"^[A-Za-z0-9_](?:[A-Za-z0-9_.\-]{0,94}[A-Za-z0-9_])?$")]
    private static partial Regex NameRule();
}

/// <summary>The query of <c>GET /api/spaces</c>, with the page's offset (from the opaque <c>cursor</c>).</summary>
internal sealed record SpaceQuery(string? Author, string? Search, IReadOnlyList<string> Filter, string? Sort, int? Direction, int? Limit, IReadOnlyList<string>? Expand, bool Full, int Offset);
