namespace HfSpaces;

/// <summary>The account behind the token (<c>GET /api/whoami-v2</c>).</summary>
public sealed record HubAccount
{
    /// <summary>The user name, the default namespace for new Spaces.</summary>
    public required string Name { get; init; }

    /// <summary>The display name.</summary>
    public string? FullName { get; init; }

    /// <summary><c>user</c> or <c>org</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The organisations the user belongs to.</summary>
    public required IReadOnlyList<string> Organizations { get; init; }
}
