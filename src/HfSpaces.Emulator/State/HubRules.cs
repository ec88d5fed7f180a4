using HfSpaces.Emulator.Generated;

namespace HfSpaces.Emulator.State;

/// <summary>The Hub's rules for what a request may say: flavors, sleep times, keys, storage tiers, volumes, ids.</summary>
internal static class HubRules
{
    internal static readonly string[] StorageTiers = ["small", "medium", "large"];
    internal static readonly string[] VolumeTypes = ["bucket", "model", "dataset", "space"];

    internal static int? ValidSleep(int seconds) => seconds switch
    {
        -1 => null,
        > 0 => seconds,
        _ => throw HubError.BadRequest($"Invalid sleep time {seconds}: use a positive number of seconds, or -1 to never sleep"),
    };

    internal static string ValidFlavor(string? flavor) =>
        HardwareCatalog.IsFlavor(flavor)
            ? flavor!
            : throw HubError.BadRequest($"Invalid hardware flavor '{flavor}'. Valid flavors: {string.Join(", ", HardwareCatalog.Flavors)}");

    internal static string ValidKey(string? key) =>
        string.IsNullOrWhiteSpace(key) ? throw HubError.BadRequest("key is required") : key;

    internal static string ValidTier(string? tier) =>
        Array.IndexOf(StorageTiers, tier) >= 0 ? tier! : throw HubError.BadRequest($"Invalid storage tier '{tier}': use small, medium or large");

    internal static SpaceVolume ValidVolume(SpaceVolume volume) =>
        Array.IndexOf(VolumeTypes, volume.Type) >= 0 && !string.IsNullOrWhiteSpace(volume.Source) && !string.IsNullOrWhiteSpace(volume.MountPath)
            ? volume
            : throw HubError.BadRequest($"Invalid volume '{volume.Source}': type (bucket, model, dataset, space), source and mountPath are required");

    internal static (string Namespace, string Name)? SplitId(string? id)
    {
        var parts = id?.Split('/');
        return parts is [{ Length: > 0 } ns, { Length: > 0 } name] ? (ns, name) : null;
    }
}
