namespace HfSpaces.Manifests;

/// <summary>What <see cref="ManifestExporter.ExportAsync"/> writes besides the manifest.</summary>
public sealed class ManifestExportOptions
{
    /// <summary>
    /// Download each Space's files into <c>{FilesFolder}/{namespace}/{name}</c> and name that folder as its
    /// <c>source:</c>. Null (the default): the manifest holds the settings only.
    /// </summary>
    public string? FilesFolder { get; init; }

    /// <summary>The folder the manifest will be written to, which <c>source:</c> paths are relative to. Default: the current folder.</summary>
    public string? ManifestFolder { get; init; }
}
