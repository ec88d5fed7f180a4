namespace HfSpaces;

/// <summary>A domain serving the Space.</summary>
public sealed record SpaceDomain
{
    /// <summary>The host name, e.g. <c>alice-demo.hf.space</c>.</summary>
    public required string Domain { get; init; }

    /// <summary><c>READY</c> or <c>PENDING</c> (kept as sent).</summary>
    public string? Stage { get; init; }

    /// <summary>True for a custom domain.</summary>
    public bool IsCustom { get; init; }
}
