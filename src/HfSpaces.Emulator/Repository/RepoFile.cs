namespace HfSpaces.Emulator.Repository;

/// <summary>One file of a commit's tree: its bytes live in the <see cref="BlobStore"/> under <see cref="BlobId"/> (regular) or <see cref="Sha256"/> (LFS).</summary>
internal sealed record RepoFile(string BlobId, long Size, string? Sha256, long PointerSize)
{
    public bool IsLfs => Sha256 is not null;
}
