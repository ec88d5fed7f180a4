namespace HfSpaces;

/// <summary>A domain serving the Space.</summary>
/// <param name="Domain">The host name, e.g. <c>alice-demo.hf.space</c>.</param>
/// <param name="Stage"><c>READY</c> or <c>PENDING</c> (kept as sent).</param>
/// <param name="IsCustom">True for a custom domain.</param>
public sealed record SpaceDomain(string Domain, string? Stage, bool IsCustom = false);
