namespace HfSpaces.Emulator.Repository;

/// <summary>
/// Every stored byte of the emulator, content-addressed (a blob id or an LFS object's SHA-256), counted against one
/// budget so a test that pushes too much gets the Hub's 413-style refusal instead of an out-of-memory process.
/// </summary>
internal sealed class BlobStore(long budgetBytes)
{
    private readonly Dictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);

    /// <summary>Bytes stored now.</summary>
    public long Used { get; private set; }

    public long Budget { get; set; } = budgetBytes;

    public bool Contains(string id) => _blobs.ContainsKey(id);

    public byte[]? Get(string id) => _blobs.TryGetValue(id, out var bytes) ? bytes : null;

    /// <summary>Stores <paramref name="bytes"/> under <paramref name="id"/> (once); refuses what would pass the budget.</summary>
    public void Put(string id, byte[] bytes)
    {
        if (_blobs.ContainsKey(id))
        {
            return;
        }

        EnsureRoom(bytes.LongLength);
        _blobs[id] = bytes;
        Used += bytes.LongLength;
    }

    /// <summary>Throws the 413 when <paramref name="more"/> bytes would not fit.</summary>
    public void EnsureRoom(long more)
    {
        if (Used + more > Budget)
        {
            throw new State.HubError(413, $"Storage limit exceeded: the emulator stores at most {Budget} bytes ({Used} used, {more} more asked). Raise EmulatorOptions.StorageLimitBytes.");
        }
    }
}
