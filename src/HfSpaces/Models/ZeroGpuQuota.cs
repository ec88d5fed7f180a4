namespace HfSpaces;

/// <summary>The caller's ZeroGPU budget (<c>GET /api/spaces/zero-gpu/quota</c>).</summary>
public sealed record ZeroGpuQuota
{
    /// <summary>GPU time per period.</summary>
    public required TimeSpan Base { get; init; }

    /// <summary>GPU time left.</summary>
    public required TimeSpan Remaining { get; init; }

    /// <summary>When the budget is refilled; null when the Hub does not say.</summary>
    public DateTimeOffset? ResetsAt { get; init; }

    /// <summary>GPU time used beyond the budget, when reported.</summary>
    public TimeSpan? OverQuotaUsed { get; init; }
}
