using HfSpaces.Emulator.Generated;
using static HfSpaces.Emulator.State.HubRules;

namespace HfSpaces.Emulator.State;

/// <summary>What a Space keeps across restarts besides its hardware: persistent storage, dev mode, volumes.</summary>
public sealed partial class EmulatedHub
{
    internal SpaceRuntime RequestStorage(EmulatedAccount? caller, string ns, string repo, string? tier) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the storage of");
        var wanted = ValidTier(tier);
        if (space.Storage is not null && Array.IndexOf(StorageTiers, wanted) < Array.IndexOf(StorageTiers, space.Storage))
        {
            throw HubError.BadRequest($"Cannot downgrade persistent storage from {space.Storage} to {wanted}: delete it first");
        }

        space.Storage = wanted;
        return Snapshot(space);
    });

    internal SpaceRuntime DeleteStorage(EmulatedAccount? caller, string ns, string repo) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the storage of");
        space.Storage = space.Storage is null ? throw HubError.BadRequest("This Space has no persistent storage") : null;
        return Snapshot(space);
    });

    internal SpaceRuntime SetDevMode(EmulatedAccount? caller, string ns, string repo, bool enabled) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the dev mode of");
        NotStatic(space, "Dev mode is not available for static Spaces");
        space.DevMode = enabled;
        return Snapshot(space);
    });

    internal void SetVolumes(EmulatedAccount? caller, string ns, string repo, ICollection<SpaceVolume>? volumes) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the volumes of");
        NotStatic(space, "Static Spaces cannot mount volumes");
        space.Volumes = (volumes ?? []).Select(ValidVolume).ToList();
    });

    internal void DeleteVolumes(EmulatedAccount? caller, string ns, string repo) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the volumes of");
        space.Volumes = space.Volumes is { Count: > 0 } ? null : throw HubError.BadRequest("No volume is attached to this Space");
    });
}
