namespace HfSpaces;

/// <summary>The caller's ZeroGPU budget (<c>GET /api/spaces/zero-gpu/quota</c>).</summary>
/// <param name="Base">GPU time per period.</param>
/// <param name="Remaining">GPU time left.</param>
/// <param name="ResetsAt">When the budget is refilled; null when the Hub does not say.</param>
/// <param name="OverQuotaUsed">GPU time used beyond the budget, when reported.</param>
public sealed record ZeroGpuQuota(TimeSpan Base, TimeSpan Remaining, DateTimeOffset? ResetsAt, TimeSpan? OverQuotaUsed);
