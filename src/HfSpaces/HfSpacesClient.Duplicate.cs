using HfSpaces.Http;
using HfSpaces.Mapping;
using Microsoft.Kiota.Abstractions;
using Wire = HfSpaces.Generated.Models;

namespace HfSpaces;

/// <summary>Copying a Space, and the one way a Space is made (create or duplicate) and its URL read.</summary>
public partial class HfSpacesClient
{
    /// <summary>
    /// Duplicates a Space. <paramref name="target"/> is <c>namespace/name</c>, a bare name (in the token owner's namespace), or
    /// null (the source's name in the token owner's namespace); the owner is read from <c>/api/whoami-v2</c> when needed.
    /// </summary>
    /// <exception cref="HfSpacesConflictException">The target exists and <see cref="DuplicateSpaceOptions.ExistOk"/> is false.</exception>
    public virtual async Task<SpaceDuplicate> DuplicateAsync(SpaceId source, string? target = null, DuplicateSpaceOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DuplicateSpaceOptions();
        var from = Space(source);
        var body = new Wire.DuplicateSpaceRequest
        {
            Visibility = Optional(options.Visibility, nameof(options.Visibility)),
            Hardware = Optional(options.Hardware, nameof(options.Hardware)),
            StorageTier = Optional(options.Storage, nameof(options.Storage)),
            SleepTimeSeconds = options.SleepTime is { } s ? Seconds(s, nameof(options.SleepTime)) : null,
            Secrets = HubModels.FromSecrets(options.Secrets),
            Variables = HubModels.FromVariables(options.Variables),
            Volumes = HubModels.FromVolumes(options.Volumes),
        };

        SpaceId to;
        if (target is not null && target.Contains('/', StringComparison.Ordinal))
        {
            to = SpaceId.Parse(target);
        }
        else
        {
            if (target is not null && SpaceId.Validate("namespace", target) is { } error)
            {
                throw new ArgumentException(error, nameof(target));
            }

            var owner = await WhoAmIAsync(cancellationToken).ConfigureAwait(false);
            to = new SpaceId(owner.Name, target ?? source.Name);
        }

        if (to == source)
        {
            throw new ArgumentException($"Duplicating {source} onto itself: name a target (namespace/name, or a new name in your namespace).", nameof(target));
        }

        body.Repository = to.ToString();
        var (url, existed) = await MakeSpaceAsync(from.Duplicate.ToPostRequestInformation(body), HubRequestOption.Duplicate, to, options.ExistOk, cancellationToken).ConfigureAwait(false);
        return new SpaceDuplicate { Id = to, Url = url, AlreadyExisted = existed };
    }

    /// <summary>
    /// Sends a request that makes a Space (create, duplicate) and returns its URL as the Hub answers it — with
    /// <paramref name="existOk"/>, a 409 is the Space that exists, its URL read from the 409 body. The body does not
    /// always carry one (huggingface_hub PR #3279): then the Space's page on the endpoint.
    /// </summary>
    private async Task<(Uri Url, bool AlreadyExisted)> MakeSpaceAsync(RequestInformation info, HubRequestOption operation, SpaceId space, bool existOk, CancellationToken cancellationToken)
    {
        var page = new Uri(Endpoint, $"spaces/{space}");
        try
        {
            var url = await _connection.SendAsync(info, operation, static d => d is null ? null : HubModels.Parse(d, Wire.RepoUrl.CreateFromDiscriminatorValue).Url, cancellationToken).ConfigureAwait(false);
            return (Uri.TryCreate(url, UriKind.Absolute, out var answered) ? answered : page, false);
        }
        catch (HfSpacesConflictException conflict) when (existOk)
        {
            return (Uri.TryCreate(conflict.Details.ExistingUrl, UriKind.Absolute, out var existing) ? existing : page, true);
        }
    }
}
