using HfSpaces.Http;
using HfSpaces.Mapping;
using Wire = HfSpaces.Generated.Models;

namespace HfSpaces;

/// <summary>A Space's secrets (write-only values) and variables.</summary>
public partial class HfSpacesClient
{
    /// <summary>Lists the Space's secrets: names, descriptions and update times — the Hub never returns values.</summary>
    public virtual async Task<IReadOnlyDictionary<string, SpaceSecret>> ListSecretsAsync(SpaceId space, CancellationToken cancellationToken = default)
    {
        var info = Request(Requests.Secrets, space);
        return await _connection.SendAsync(info, HubRequestOption.ListSecrets, HubModels.ToSecrets, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds or replaces a secret. The value is sent once and never logged or shown in errors.</summary>
    /// <exception cref="ArgumentException">The key is empty or blank.</exception>
    public virtual async Task SetSecretAsync(SpaceId space, string key, string value, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        var body = new Wire.SpaceSecretUpsert { Key = key, Value = value, Description = description };
        var info = Request(Requests.SetSecret, space, body);
        await _connection.SendAsync(info, HubRequestOption.SetSecret, static _ => true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a secret. Deleting a key that does not exist succeeds, as on the Hub.</summary>
    public virtual async Task DeleteSecretAsync(SpaceId space, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var info = Request(Requests.DeleteSecret, space, new Wire.SpaceKeyReference { Key = key });
        await _connection.SendAsync(info, HubRequestOption.DeleteSecret, static _ => true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the Space's variables with their values.</summary>
    public virtual async Task<IReadOnlyDictionary<string, SpaceVariable>> ListVariablesAsync(SpaceId space, CancellationToken cancellationToken = default)
    {
        var info = Request(Requests.Variables, space);
        return await _connection.SendAsync(info, HubRequestOption.ListVariables, HubModels.ToVariables, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds or replaces a variable.</summary>
    /// <returns>All the Space's variables after the change.</returns>
    public virtual async Task<IReadOnlyDictionary<string, SpaceVariable>> SetVariableAsync(SpaceId space, string key, string value, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        var info = Request(Requests.SetVariable, space, new Wire.SpaceVariableUpsert { Key = key, Value = value, Description = description });
        return await _connection.SendAsync(info, HubRequestOption.SetVariable, HubModels.ToVariables, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a variable; an unknown key succeeds, as on the Hub.</summary>
    /// <returns>All the Space's variables after the change.</returns>
    public virtual async Task<IReadOnlyDictionary<string, SpaceVariable>> DeleteVariableAsync(SpaceId space, string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var info = Request(Requests.DeleteVariable, space, new Wire.SpaceKeyReference { Key = key });
        return await _connection.SendAsync(info, HubRequestOption.DeleteVariable, HubModels.ToVariables, cancellationToken).ConfigureAwait(false);
    }
}
