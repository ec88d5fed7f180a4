using System.Collections.Immutable;

namespace HfSpaces.Emulator.Repository;

/// <summary>An immutable commit: its id, its parent, its message and the whole tree (path → file) it points to.</summary>
internal sealed record RepoCommit(string Id, string? Parent, string Summary, string? Description, DateTimeOffset At, ImmutableSortedDictionary<string, RepoFile> Files);
