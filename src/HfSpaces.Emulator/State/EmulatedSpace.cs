namespace HfSpaces.Emulator.State;

/// <summary>The mutable state of one Space. Only <see cref="EmulatedHub"/> touches it, under its lock.</summary>
internal sealed class EmulatedSpace(string @namespace, string name, string sdk, bool isPrivate, DateTimeOffset createdAt)
{
    public const int CpuBasicSleepSeconds = 172800;

    public string Namespace { get; } = @namespace;

    public string Name { get; } = name;

    public string Id => $"{Namespace}/{Name}";

    public string Sdk { get; } = sdk;

    public bool IsStatic => Sdk == "static";

    public bool IsPrivate { get; set; } = isPrivate;

    public string Visibility { get; set; } = isPrivate ? "private" : "public";

    public string Stage { get; set; } = "RUNNING";

    public string? CurrentHardware { get; set; }

    public string? RequestedHardware { get; set; }

    /// <summary>The flavor it is on or moving to (requested, else current), as the Hub's rules read it.</summary>
    public string? EffectiveHardware => RequestedHardware ?? CurrentHardware;

    /// <summary>gcTimeout in seconds; null = never sleeps.</summary>
    public int? SleepSeconds { get; set; }

    public string? Storage { get; set; }

    public bool DevMode { get; set; }

    public List<Generated.SpaceVolume>? Volumes { get; set; }

    public Dictionary<string, (string Value, string? Description, DateTimeOffset UpdatedAt)> Secrets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (string Value, string? Description, DateTimeOffset UpdatedAt)> Variables { get; } = new(StringComparer.Ordinal);

    public List<(DateTimeOffset At, string Line)> BuildLogs { get; } = [];

    public List<(DateTimeOffset At, string Line)> RunLogs { get; } = [];

    /// <summary>
    /// When the running build started, the flavor it will run on, whether the old one keeps serving meanwhile, and whether
    /// the image is built (the application is starting).
    /// </summary>
    public (DateTimeOffset StartedAt, string Hardware, bool WhileRunning, bool Built)? Rebuild { get; set; }

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset LastModified { get; set; } = createdAt;

    /// <summary>Its git repository: the files of every commit, the head per branch.</summary>
    public Repository.SpaceRepository Repository { get; set; } = null!;

    /// <summary>The commit the Space runs: the head of <c>main</c>.</summary>
    public string Sha => Repository.Head.Id;

    /// <summary><c>auto</c> or <c>manual</c>; null = not gated (the Hub's <c>false</c>).</summary>
    public string? Gated { get; set; }

    public int Likes { get; set; }

    /// <summary>The requested replica count; null = <c>auto</c>.</summary>
    public int? Replicas { get; set; } = 1;

    public string? ShortDescription { get; set; }

    /// <summary>The error text of an error stage (the runtime's <c>errorMessage</c>).</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>The runtime's <c>hotReloading.status</c> since a commit with <c>hot_reload=1</c> (<c>created</c>); null after a build.</summary>
    public string? HotReloadStatus { get; set; }

    /// <summary>When set, the next build that completes fails with this message (BUILD_ERROR).</summary>
    public string? BreakNextBuild { get; set; }

    public static string NewSha(DateTimeOffset at, string salt) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes($"{salt}@{at.UtcTicks}")));
}
