using HfSpaces.Http;
using HfSpaces.Mapping;
using Wire = HfSpaces.Generated.Models;

namespace HfSpaces;

/// <summary>What a Space keeps across restarts besides its hardware: storage, dev mode, volumes.</summary>
public partial class HfSpacesClient
{
    /// <summary>Requests persistent storage. Tiers can be upgraded, not downgraded (delete first).</summary>
    [Obsolete("The Hub deprecated persistent storage in favour of volumes: use SetVolumesAsync.")]
    public virtual async Task<SpaceRuntime> RequestStorageAsync(SpaceId space, SpaceStorage storage, CancellationToken cancellationToken = default)
    {
        var body = new Wire.StorageRequest { Tier = Required(storage.ToString(), nameof(storage), "a SpaceStorage member") };
        var info = Space(space).Storage.ToPostRequestInformation(body);
        return await RuntimeAsync(info, HubRequestOption.RequestStorage, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the persistent storage and its data. 400 when the Space has none.</summary>
    [Obsolete("The Hub deprecated persistent storage in favour of volumes: use DeleteVolumesAsync.")]
    public virtual async Task<SpaceRuntime> DeleteStorageAsync(SpaceId space, CancellationToken cancellationToken = default)
    {
        var info = Space(space).Storage.ToDeleteRequestInformation();
        return await RuntimeAsync(info, HubRequestOption.DeleteStorage, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Turns dev mode on or off (PRO, Team and Enterprise accounts; 400 on static Spaces).</summary>
    public virtual async Task<SpaceRuntime> SetDevModeAsync(SpaceId space, bool enabled, CancellationToken cancellationToken = default)
    {
        var info = Request(Requests.DevMode, space, new Wire.DevModeRequest { Enabled = enabled });
        return await RuntimeAsync(info, HubRequestOption.SetDevMode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the list of volumes mounted into the Space.</summary>
    /// <exception cref="ArgumentException">A volume has an empty source or mount path.</exception>
    public virtual async Task SetVolumesAsync(SpaceId space, IEnumerable<SpaceVolume> volumes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        var list = volumes.ToList();
        foreach (var v in list)
        {
            ArgumentNullException.ThrowIfNull(v, nameof(volumes));
            if (string.IsNullOrWhiteSpace(v.Source) || string.IsNullOrWhiteSpace(v.MountPath) || v.Type.ToString().Length == 0)
            {
                throw new ArgumentException($"Volume {v} needs a type, a source and a mount path.", nameof(volumes));
            }
        }

        var info = Request(Requests.Volumes, space, new Wire.SetVolumesRequest { Volumes = list.Select(HubModels.FromVolume).ToList() });
        await _connection.SendAsync(info, HubRequestOption.SetVolumes, static _ => true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes all volumes. 400 when none is attached.</summary>
    public virtual async Task DeleteVolumesAsync(SpaceId space, CancellationToken cancellationToken = default)
    {
        var info = Request(Requests.DeleteVolumes, space);
        await _connection.SendAsync(info, HubRequestOption.DeleteVolumes, static _ => true, cancellationToken).ConfigureAwait(false);
    }
}
