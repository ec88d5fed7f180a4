namespace HfSpaces.Manifests;

/// <summary>What the Hub says a Space is now: what plan compares with and export writes out (four reads, no values of secrets).</summary>
internal sealed record LiveSpace(SpaceInfo Info, SpaceRuntime Runtime, IReadOnlyDictionary<string, SpaceVariable> Variables, IReadOnlyDictionary<string, SpaceSecret> Secrets)
{
    private static readonly string[] Expand = [SpaceExpand.Runtime, SpaceExpand.Private, SpaceExpand.Sdk];

    /// <summary>Reads the Space; <see cref="HfSpacesNotFoundException"/> when it does not exist.</summary>
    public static async Task<LiveSpace> ReadAsync(HfSpacesClient client, SpaceId id, CancellationToken cancellationToken)
    {
        var info = await client.GetSpaceInfoAsync(id, Expand, cancellationToken).ConfigureAwait(false);
        var runtime = info.Runtime ?? await client.GetRuntimeAsync(id, cancellationToken).ConfigureAwait(false);
        var variables = await client.ListVariablesAsync(id, cancellationToken).ConfigureAwait(false);
        var secrets = await client.ListSecretsAsync(id, cancellationToken).ConfigureAwait(false);
        return new LiveSpace(info, runtime, variables, secrets);
    }
}
