namespace HfSpaces;

/// <summary>The account behind the token (<c>GET /api/whoami-v2</c>).</summary>
/// <param name="Name">The user name, the default namespace for new Spaces.</param>
/// <param name="FullName">The display name.</param>
/// <param name="Type"><c>user</c> or <c>org</c>.</param>
/// <param name="Organizations">The organisations the user belongs to.</param>
public sealed record HubAccount(string Name, string? FullName, string? Type, IReadOnlyList<string> Organizations);
