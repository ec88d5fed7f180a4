namespace HfSpaces.Emulator.Hosting;

/// <summary>A request the emulator received. The bearer token is not kept: only the account it belonged to.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path, percent-decoded.</param>
/// <param name="Query">Raw query string, without '?'.</param>
/// <param name="Account">The authenticated account name; null for anonymous or invalid tokens.</param>
/// <param name="Body">The request body as text.</param>
/// <param name="Status">The status answered.</param>
public sealed record RecordedRequest(string Method, string Path, string Query, string? Account, string Body, int Status)
{
    /// <summary>
    /// The body's size in bytes (whatever of it <see cref="Body"/> keeps): as announced, or as read; -1 for a chunked body
    /// longer than the recorder reads that the endpoint did not read to its end either.
    /// </summary>
    public long BodyBytes { get; init; }
}
