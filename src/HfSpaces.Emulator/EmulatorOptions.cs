using HfSpaces.Emulator.State;

namespace HfSpaces.Emulator;

/// <summary>How an <see cref="HfSpacesEmulator"/> starts.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The loopback port; 0 (default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>How long builds and start-ups take. Default <see cref="StageTimings.Fast"/>.</summary>
    public StageTimings Timings { get; init; } = StageTimings.Fast;

    /// <summary>The clock of the state machine; tests can pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Accounts to create: name → token. Organisations can be added later through <see cref="HfSpacesEmulator.Hub"/>.</summary>
    public IDictionary<string, string> Accounts { get; init; } = new Dictionary<string, string>();

    /// <summary>How many requests <see cref="HfSpacesEmulator.Requests"/> keeps (the oldest are dropped); 0 keeps none. Default 1,000.</summary>
    public int MaxRecordedRequests { get; init; } = 1000;

    /// <summary>An API rate limit per token, as the Hub has; null (default) for none. Can be changed later: <see cref="HfSpacesEmulator.RateLimit"/>.</summary>
    public Hosting.RateLimitRule? RateLimit { get; init; }

    /// <summary>Spaces to create, running.</summary>
    public IList<SpaceSeed> Spaces { get; init; } = [];
}
