namespace HfSpaces.Manifests;

/// <summary>What a team's Spaces should be: read from <c>spaces.yaml</c> (<see cref="ManifestReader"/>) or built in code.</summary>
/// <param name="Spaces">The Spaces, each with the manifest's <c>defaults</c> already applied.</param>
/// <param name="Path">The file it was read from, if any (secret files are relative to its folder).</param>
public sealed record SpaceManifest(IReadOnlyList<SpaceSpec> Spaces, string? Path = null);

/// <summary>
/// One Space as the manifest wants it. A null property is not managed: the live value is left alone. <see cref="Sdk"/>
/// and <see cref="Template"/> are used only to create the Space.
/// </summary>
public sealed record SpaceSpec
{
    /// <summary>The Space.</summary>
    public required SpaceId Id { get; init; }

    /// <summary>The SDK, needed to create the Space (the Hub cannot change it afterwards).</summary>
    public SpaceSdk? Sdk { get; init; }

    /// <summary>A template to create the Space from.</summary>
    public string? Template { get; init; }

    /// <summary>Who can see it.</summary>
    public SpaceVisibility? Visibility { get; init; }

    /// <summary>The folder whose files the Space serves; null = its files are not managed.</summary>
    public SpaceSource? Source { get; init; }

    /// <summary>The hardware it runs on.</summary>
    public SpaceHardware? Hardware { get; init; }

    /// <summary>The sleep time; <see cref="Timeout.InfiniteTimeSpan"/> for never.</summary>
    public TimeSpan? SleepTime { get; init; }

    /// <summary>A persistent storage tier (deprecated by the Hub; tiers only go up: a downgrade is refused by the Hub).</summary>
    public SpaceStorage? Storage { get; init; }

    /// <summary>Dev mode on or off.</summary>
    public bool? DevMode { get; init; }

    /// <summary>A replica count; null = not managed. See <see cref="AutoReplicas"/>.</summary>
    public int? Replicas { get; init; }

    /// <summary>True to let the Hub scale the replicas (<c>replicas: auto</c>).</summary>
    public bool AutoReplicas { get; init; }

    /// <summary>The mounted volumes (the whole list).</summary>
    public IReadOnlyList<SpaceVolume>? Volumes { get; init; }

    /// <summary>Variables by key.</summary>
    public IReadOnlyDictionary<string, VariableSpec> Variables { get; init; } = new Dictionary<string, VariableSpec>();

    /// <summary>Secrets by key: where each value comes from, never the value.</summary>
    public IReadOnlyDictionary<string, SecretReference> Secrets { get; init; } = new Dictionary<string, SecretReference>();

    /// <summary>Where the Space is declared (for messages), when read from a file.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>A variable's value and optional description.</summary>
/// <param name="Value">The value.</param>
/// <param name="Description">The description, or null to leave it unmanaged.</param>
public sealed record VariableSpec(string Value, string? Description = null);

/// <summary>A position in a manifest file (1-based).</summary>
/// <param name="File">The file.</param>
/// <param name="Line">The line.</param>
/// <param name="Column">The column.</param>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary><c>spaces.yaml:12:5</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
