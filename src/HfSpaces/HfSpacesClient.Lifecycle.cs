using HfSpaces.Http;
using HfSpaces.Mapping;
using Microsoft.Kiota.Abstractions;
using Wire = HfSpaces.Generated.Models;

namespace HfSpaces;

/// <summary>Creating, finding, describing, configuring and deleting Spaces.</summary>
public partial class HfSpacesClient
{
    /// <summary>
    /// Creates a Space (<c>POST /api/repos/create</c>) with its SDK and, optionally, hardware, sleep time, secrets,
    /// variables and volumes. When hardware is asked for, the runtime is read back to say whether the Hub applied it
    /// (<see cref="SpaceCreation.HardwareApplied"/>): it has been seen to ignore it (huggingface_hub#1477). Not re-sent on a
    /// server error: a lost answer would turn into a conflict on the second attempt.
    /// </summary>
    /// <exception cref="ArgumentException">No SDK, a ZeroGPU Space that is not gradio, a malformed template, or an invalid sleep time.</exception>
    /// <exception cref="HfSpacesConflictException">The Space exists and <see cref="CreateSpaceOptions.ExistOk"/> is false.</exception>
    public virtual async Task<SpaceCreation> CreateSpaceAsync(SpaceId space, CreateSpaceOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateSpace(space);
        var sdk = Required(options.Sdk.ToString(), nameof(options), "CreateSpaceOptions.Sdk = SpaceSdk.Gradio, SpaceSdk.Streamlit, SpaceSdk.Docker or SpaceSdk.Static (the Hub requires an SDK for a Space)");
        if (options.Hardware == SpaceHardware.ZeroA10g && options.Sdk != SpaceSdk.Gradio)
        {
            throw new ArgumentException($"ZeroGPU hardware (zero-a10g) runs gradio Spaces only; this Space's SDK is '{sdk}'.", nameof(options));
        }

        if (options.Template is { } template && !SpaceId.TryParse(template, out _, out var templateError))
        {
            throw new ArgumentException($"CreateSpaceOptions.Template must be a Space id (namespace/name): {templateError}", nameof(options));
        }

        var body = new Wire.CreateSpaceRequest
        {
            Name = space.Name,
            Organization = space.Namespace,
            Type = "space",
            Sdk = sdk,
            Visibility = Optional(options.Visibility, nameof(options.Visibility)),
            Template = options.Template,
            Hardware = Optional(options.Hardware, nameof(options.Hardware)),
            StorageTier = Optional(options.Storage, nameof(options.Storage)),
            SleepTimeSeconds = options.SleepTime is { } s ? Seconds(s, nameof(options.SleepTime)) : null,
            Secrets = HubModels.FromSecrets(options.Secrets),
            Variables = HubModels.FromVariables(options.Variables),
            Volumes = HubModels.FromVolumes(options.Volumes),
            DevModeEnabled = options.DevMode,
            ShortDescription = options.ShortDescription,
        };
        var (url, existed) = await MakeSpaceAsync(_connection.Api.Api.Repos.Create.ToPostRequestInformation(body), HubRequestOption.CreateSpace, space, options.ExistOk, cancellationToken).ConfigureAwait(false);
        if (existed)
        {
            return new SpaceCreation { Id = space, Url = url, AlreadyExisted = true };
        }

        if (options.Hardware is not { } wanted)
        {
            return new SpaceCreation { Id = space, Url = url, AlreadyExisted = false };
        }

        try
        {
            var runtime = await GetRuntimeAsync(space, cancellationToken).ConfigureAwait(false);
            return new SpaceCreation { Id = space, Url = url, AlreadyExisted = false, Runtime = runtime,
                HardwareApplied = runtime.RequestedHardware == wanted || runtime.Hardware == wanted,
            };
        }
        catch (HfSpacesException e)
        {
            return new SpaceCreation { Id = space, Url = url, AlreadyExisted = false, RuntimeError = e };
        }
    }

    /// <summary>
    /// Reads a Space's info (<c>GET /api/spaces/{id}</c>). Without <paramref name="expand"/> the Hub's default set, runtime
    /// included; with it, the id and the properties named (<see cref="SpaceExpand"/>).
    /// </summary>
    /// <exception cref="HfSpacesNotFoundException">No such Space, or the token cannot see it.</exception>
    public virtual async Task<SpaceInfo> GetSpaceInfoAsync(SpaceId space, IEnumerable<string>? expand = null, CancellationToken cancellationToken = default)
    {
        var properties = ExpandList(expand, nameof(expand));
        var info = Space(space).ToGetRequestInformation(c => c.QueryParameters.Expand = properties);
        return await _connection.SendAsync(info, HubRequestOption.GetSpaceInfo, static d => HubModels.ToSpaceInfo(HubConnection.Body(d).RootElement.Clone()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lists Spaces (<c>GET /api/spaces</c>), page by page as the sequence is read: the next page is asked for only when
    /// the previous one is used up, by following the Hub's <c>Link: rel="next"</c> header, and the listing stops at
    /// <see cref="SpaceListQuery.Limit"/>. Stop enumerating to stop asking.
    /// </summary>
    /// <exception cref="ArgumentException">A non-positive limit, <c>Expand</c> with <c>Full</c>, or an empty filter or expand entry.</exception>
    public virtual IAsyncEnumerable<SpaceInfo> ListSpacesAsync(SpaceListQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new SpaceListQuery();
        if (query.Limit is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "SpaceListQuery.Limit must be positive (or null for every Space).");
        }

        var expand = ExpandList(query.Expand, nameof(query));
        if (expand is not null && query.Full)
        {
            throw new ArgumentException("SpaceListQuery.Expand and SpaceListQuery.Full cannot be combined: Full already asks for every property.", nameof(query));
        }

        if (query.Filter?.Any(string.IsNullOrWhiteSpace) == true)
        {
            throw new ArgumentException("SpaceListQuery.Filter has an empty tag.", nameof(query));
        }

        var info = _connection.Api.Api.Spaces.ToGetRequestInformation(c =>
        {
            c.QueryParameters.Author = query.Author;
            c.QueryParameters.Search = query.Search;
            c.QueryParameters.Filter = query.Filter is { Count: > 0 } filter ? [.. filter] : null;
            c.QueryParameters.Sort = query.Sort;
            c.QueryParameters.Direction = query.Sort is null ? null : -1;
            c.QueryParameters.Limit = query.Limit;
            c.QueryParameters.Expand = expand;
            c.QueryParameters.Full = query.Full ? true : null;
        });
        return _connection.ListPagesAsync(
            info,
            HubRequestOption.ListSpaces,
            HubModels.ToSpaceInfos,
            next => _connection.Api.Api.Spaces.WithUrl(next).ToGetRequestInformation(),
            query.Limit,
            cancellationToken);
    }

    /// <summary>Changes a Space's visibility and/or gating (<c>PUT /api/spaces/{id}/settings</c>).</summary>
    /// <exception cref="ArgumentException">Nothing to change.</exception>
    public virtual async Task UpdateSettingsAsync(SpaceId space, SpaceSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Visibility is null && settings.Gated is null)
        {
            throw new ArgumentException("SpaceSettings has nothing to change: set Visibility and/or Gated.", nameof(settings));
        }

        var body = new Wire.SpaceSettingsRequest
        {
            Visibility = Optional(settings.Visibility, nameof(settings.Visibility)),
            Gated = settings.Gated switch
            {
                null => null,
                SpaceGating.Off => new Wire.SpaceSettingsRequest.SpaceSettingsRequest_gated { Boolean = false },
                SpaceGating.Auto => new Wire.SpaceSettingsRequest.SpaceSettingsRequest_gated { String = "auto" },
                SpaceGating.Manual => new Wire.SpaceSettingsRequest.SpaceSettingsRequest_gated { String = "manual" },
                var other => throw new ArgumentOutOfRangeException(nameof(settings), other, "SpaceSettings.Gated is not a SpaceGating member."),
            },
        };
        var info = Request(Requests.Settings, space, body);
        await _connection.SendAsync(info, HubRequestOption.UpdateSettings, static _ => true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes a Space and everything in it (<c>DELETE /api/repos/delete</c>). Irreversible. Not re-sent on a server error.
    /// </summary>
    /// <param name="space">The Space.</param>
    /// <param name="missingOk">When true, a Space that does not exist (or that the token cannot see) is not an error.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when it was deleted; false when it did not exist and <paramref name="missingOk"/> is set.</returns>
    /// <exception cref="HfSpacesNotFoundException">No such Space and <paramref name="missingOk"/> is false.</exception>
    public virtual async Task<bool> DeleteSpaceAsync(SpaceId space, bool missingOk = false, CancellationToken cancellationToken = default)
    {
        ValidateSpace(space);
        var info = _connection.Api.Api.Repos.DeletePath.ToDeleteRequestInformation(new Wire.DeleteRepoRequest { Name = space.Name, Organization = space.Namespace, Type = "space" });
        try
        {
            return await _connection.SendAsync(info, HubRequestOption.DeleteSpace, static _ => true, cancellationToken).ConfigureAwait(false);
        }
        catch (HfSpacesNotFoundException) when (missingOk)
        {
            return false;
        }
    }

    /// <summary>Lists the hardware flavors a Space can request, with accelerators and prices (no token needed).</summary>
    public virtual async Task<IReadOnlyList<SpaceHardwareInfo>> ListHardwareAsync(CancellationToken cancellationToken = default)
    {
        var info = _connection.Api.Api.Spaces.Hardware.ToGetRequestInformation();
        return await _connection.SendAsync<IReadOnlyList<SpaceHardwareInfo>>(
            info,
            HubRequestOption.ListHardware,
            d => HubModels.ParseList(HubConnection.Body(d), Wire.SpaceHardwareInfo.CreateFromDiscriminatorValue).Select(HubModels.ToHardwareInfo).ToArray(),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the templates a new Space can start from (<c>GET /api/spaces/templates</c>).</summary>
    public virtual async Task<IReadOnlyList<SpaceTemplate>> ListTemplatesAsync(CancellationToken cancellationToken = default)
    {
        var info = _connection.Api.Api.Spaces.Templates.ToGetRequestInformation();
        return await _connection.SendAsync(info, HubRequestOption.ListTemplates, static d => HubModels.ToTemplates(HubConnection.Body(d)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the caller's ZeroGPU budget (<c>GET /api/spaces/zero-gpu/quota</c>).</summary>
    /// <exception cref="HfSpacesUnauthorizedException">No token.</exception>
    public virtual async Task<ZeroGpuQuota> GetZeroGpuQuotaAsync(CancellationToken cancellationToken = default)
    {
        var info = _connection.Api.Api.Spaces.ZeroGpu.Quota.ToGetRequestInformation();
        return await _connection.SendAsync(info, HubRequestOption.GetZeroGpuQuota, static d => HubModels.ToQuota(HubConnection.Body(d)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the Space on a fixed number of replicas (<c>POST /api/spaces/{id}/replicas</c>; paid hardware only).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one replica.</exception>
    public virtual Task SetReplicasAsync(SpaceId space, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return SetReplicasAsync(space, new Wire.ReplicasRequest.ReplicasRequest_replicas { Integer = count }, cancellationToken);
    }

    /// <summary>Lets the Hub scale the Space's replicas (<c>{"replicas": "auto"}</c>; paid hardware only).</summary>
    public virtual Task SetAutoReplicasAsync(SpaceId space, CancellationToken cancellationToken = default) =>
        SetReplicasAsync(space, new Wire.ReplicasRequest.ReplicasRequest_replicas { String = "auto" }, cancellationToken);

    private async Task SetReplicasAsync(SpaceId space, Wire.ReplicasRequest.ReplicasRequest_replicas replicas, CancellationToken cancellationToken)
    {
        var info = Request(Requests.Replicas, space, new Wire.ReplicasRequest { Replicas = replicas });
        await _connection.SendAsync(info, HubRequestOption.SetReplicas, static _ => true, cancellationToken).ConfigureAwait(false);
    }

    private static string[]? ExpandList(IEnumerable<string>? expand, string parameter)
    {
        var list = expand?.ToArray();
        if (list is null || list.Length == 0)
        {
            return null;
        }

        return list.Any(string.IsNullOrWhiteSpace)
            ? throw new ArgumentException("An expand property is empty; use SpaceExpand constants.", parameter)
            : list;
    }
}
