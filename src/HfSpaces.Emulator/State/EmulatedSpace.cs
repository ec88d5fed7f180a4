namespace HfSpaces.Emulator.State;

/// <summary>The mutable state of one Space. Only <see cref="EmulatedHub"/> touches it, under its lock.</summary>
internal sealed class EmulatedSpace(string @namespace, string name, string sdk, bool isPrivate)
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

    /// <summary>gcTimeout in seconds; null = never sleeps.</summary>
    public int? SleepSeconds { get; set; }

    public string? Storage { get; set; }

    public bool DevMode { get; set; }

    public List<Generated.SpaceVolume>? Volumes { get; set; }

    public Dictionary<string, (string Value, string? Description, DateTimeOffset UpdatedAt)> Secrets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (string Value, string? Description, DateTimeOffset UpdatedAt)> Variables { get; } = new(StringComparer.Ordinal);

    public List<(DateTimeOffset At, string Line)> BuildLogs { get; } = [];

    public List<(DateTimeOffset At, string Line)> RunLogs { get; } = [];

    /// <summary>When the running build started, and the flavor it will run on.</summary>
    public (DateTimeOffset StartedAt, string Hardware)? Rebuild { get; set; }
}
