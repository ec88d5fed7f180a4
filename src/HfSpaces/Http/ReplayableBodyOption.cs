using Microsoft.Kiota.Abstractions;

namespace HfSpaces.Http;

/// <summary>
/// Carries a body Kiota's <see cref="RequestInformation"/> cannot hold (it keeps a <see cref="Stream"/>, read once) to
/// the handler chain, through Kiota's request options: <see cref="ReplayableBodyHandler"/> puts it on the request.
/// </summary>
internal sealed class ReplayableBodyOption(ReplayableContent content) : IRequestOption
{
    internal static readonly HttpRequestOptionsKey<IRequestOption> Key = new(typeof(ReplayableBodyOption).FullName!);

    public ReplayableContent Content { get; } = content;
}
