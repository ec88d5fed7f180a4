using System.Text.Json;
using Wire = HfSpaces.Generated.Models;

namespace HfSpaces.Mapping;

/// <summary>The Hub's tree entries (Kiota's <c>RepoTreeEntry</c>) as <see cref="SpaceFileInfo"/>.</summary>
internal static class FileModels
{
    public static IReadOnlyList<SpaceFileInfo> ToFiles(JsonDocument document) =>
        HubModels.ParseList(document, Wire.RepoTreeEntry.CreateFromDiscriminatorValue).Select(ToFile).ToArray();

    public static SpaceFileInfo ToFile(Wire.RepoTreeEntry entry)
    {
        var path = string.IsNullOrEmpty(entry.Path) ? throw new FormatException("a tree entry has no 'path'") : entry.Path;
        if (Repository.RepoPath.Invalid(path) is { } why)
        {
            // A path a download would write outside its folder (../, /etc/…) or into .git/ is refused as it is read.
            throw new FormatException($"a tree entry is not a repository path: {why}");
        }

        var isDirectory = entry.Type switch
        {
            "directory" => true,
            "file" => false,
            var other => throw new FormatException($"tree entry '{path}' has type '{other}', not file or directory"),
        };
        return new SpaceFileInfo
        {
            Path = path,
            IsDirectory = isDirectory,
            Size = entry.Size ?? 0,
            BlobId = string.IsNullOrEmpty(entry.Oid) ? throw new FormatException($"tree entry '{path}' has no 'oid'") : entry.Oid,
            Lfs = entry.Lfs is { Oid: { Length: > 0 } sha } lfs ? new SpaceLfsInfo { Sha256 = sha, Size = lfs.Size ?? entry.Size ?? 0, PointerSize = lfs.PointerSize ?? 0 } : null,
            LastCommit = entry.LastCommit is { Id: { Length: > 0 } id } last ? new SpaceLastCommit { Id = id, Title = last.Title, Date = last.Date } : null,
        };
    }
}
