using System.Security.Cryptography;
using System.Text;

namespace HfSpaces.Emulator.Repository;

/// <summary>
/// Git's object ids, computed as git does: a blob is the SHA-1 of <c>blob &lt;size&gt;\0</c> and its bytes, a tree of
/// <c>tree &lt;size&gt;\0</c> and its sorted entries, a commit of <c>commit &lt;size&gt;\0</c> and its text. An LFS file is
/// stored in git as a pointer file, whose blob id the tree shows.
/// </summary>
internal static class GitObjects
{
    public static string BlobId(ReadOnlySpan<byte> content) => Hash("blob", content);

    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The git LFS pointer of an object: what the repository stores in place of the bytes.</summary>
    public static byte[] LfsPointer(string sha256, long size) =>
        Encoding.UTF8.GetBytes($"version https://git-lfs.github.com/spec/v1\noid sha256:{sha256}\nsize {size}\n");

    /// <summary>A tree object's id from its entries (name, is-folder, object id), sorted the way git sorts them.</summary>
    public static string TreeId(IEnumerable<(string Name, bool IsFolder, string Id)> entries)
    {
        using var body = new MemoryStream();
        // Git orders a folder as if its name ended with '/'.
        foreach (var (name, isFolder, id) in entries.OrderBy(e => e.IsFolder ? e.Name + "/" : e.Name, StringComparer.Ordinal))
        {
            body.Write(Encoding.UTF8.GetBytes($"{(isFolder ? "40000" : "100644")} {name}\0"));
            body.Write(Convert.FromHexString(id));
        }

        return Hash("tree", body.ToArray());
    }

    public static string CommitId(string treeId, string? parent, string summary, string? description, DateTimeOffset at, string author)
    {
        var seconds = at.ToUnixTimeSeconds();
        var text = new StringBuilder().Append("tree ").Append(treeId).Append('\n');
        if (parent is not null)
        {
            text.Append("parent ").Append(parent).Append('\n');
        }

        text.Append($"author {author} <{author}@users.noreply.huggingface.co> {seconds} +0000\n");
        text.Append($"committer {author} <{author}@users.noreply.huggingface.co> {seconds} +0000\n\n");
        text.Append(summary);
        if (!string.IsNullOrEmpty(description))
        {
            text.Append("\n\n").Append(description);
        }

        text.Append('\n');
        return Hash("commit", Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static string Hash(string kind, ReadOnlySpan<byte> content)
    {
        var header = Encoding.ASCII.GetBytes($"{kind} {content.Length}\0");
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha1.AppendData(header);
        sha1.AppendData(content);
        return Convert.ToHexStringLower(sha1.GetHashAndReset());
    }
}
