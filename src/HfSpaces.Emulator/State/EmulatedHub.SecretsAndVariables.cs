using HfSpaces.Emulator.Generated;
using static HfSpaces.Emulator.State.HubRules;

namespace HfSpaces.Emulator.State;

/// <summary>A Space's secrets (write-only values) and variables, as the Hub answers them.</summary>
public sealed partial class EmulatedHub
{
    internal Dictionary<string, SpaceSecret> ListSecrets(EmulatedAccount? caller, string ns, string repo) => Locked(() =>
        Writable(caller, ns, repo, "read the secrets of").Secrets.ToDictionary(
            s => s.Key,
            s => new SpaceSecret { Description = s.Value.Description, UpdatedAt = s.Value.UpdatedAt }));

    internal void UpsertSecret(EmulatedAccount? caller, string ns, string repo, string? key, string? value, string? description) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the secrets of");
        space.Secrets[ValidKey(key)] = (value ?? string.Empty, description, _clock.GetUtcNow());
    });

    internal void DeleteSecret(EmulatedAccount? caller, string ns, string repo, string? key) => Locked(() =>
    {
        Writable(caller, ns, repo, "change the secrets of").Secrets.Remove(ValidKey(key));
    });

    internal Dictionary<string, SpaceVariable> ListVariables(EmulatedAccount? caller, string ns, string repo) =>
        Locked(() => Variables(Writable(caller, ns, repo, "read the variables of")));

    internal Dictionary<string, SpaceVariable> UpsertVariable(EmulatedAccount? caller, string ns, string repo, string? key, string? value, string? description) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the variables of");
        space.Variables[ValidKey(key)] = (value ?? string.Empty, description, _clock.GetUtcNow());
        return Variables(space);
    });

    internal Dictionary<string, SpaceVariable> DeleteVariable(EmulatedAccount? caller, string ns, string repo, string? key) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the variables of");
        space.Variables.Remove(ValidKey(key));
        return Variables(space);
    });
}
