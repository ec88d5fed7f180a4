using HfSpaces.Http;
using HfSpaces.Mapping;
using Wire = HfSpaces.Generated.Models;

namespace HfSpaces;

/// <summary>The account behind the token.</summary>
public partial class HfSpacesClient
{
    /// <summary>Reads the account behind the token.</summary>
    /// <exception cref="HfSpacesUnauthorizedException">No token, or the Hub refused it.</exception>
    public virtual async Task<HubAccount> WhoAmIAsync(CancellationToken cancellationToken = default)
    {
        var info = _connection.Api.Api.WhoamiV2.ToGetRequestInformation();
        return await _connection.SendAsync(info, HubRequestOption.WhoAmI, document =>
        {
            var wire = HubModels.Parse(HubConnection.Body(document), Wire.WhoAmI.CreateFromDiscriminatorValue);
            if (string.IsNullOrEmpty(wire.Name))
            {
                throw new FormatException("the account has no 'name'");
            }

            // The name becomes a Space's namespace (DuplicateAsync): one that could not be is not an answer to trust.
            if (SpaceId.Validate(wire.Name, "x") is { } invalid)
            {
                throw new FormatException($"the account name is not a valid namespace ({invalid})");
            }

            return new HubAccount { Name = wire.Name, FullName = wire.Fullname, Type = wire.Type, Organizations = wire.Orgs?.Select(o => o.Name).OfType<string>().ToArray() ?? [] };
        }, cancellationToken).ConfigureAwait(false);
    }
}
