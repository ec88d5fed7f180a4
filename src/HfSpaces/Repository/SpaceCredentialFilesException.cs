namespace HfSpaces;

/// <summary>
/// A sync refused before anything was sent: the folder holds files that look like credentials (a <c>.env</c>, a private
/// key, a file with an <c>hf_</c> token in it). Put the values in the Space's secrets instead; to send such a file on
/// purpose, name it in <see cref="SpaceSyncOptions.AllowCredentialFiles"/> (<c>--allow-secret-file</c> on the CLI).
/// </summary>
public sealed class SpaceCredentialFilesException : InvalidOperationException
{
    /// <summary>Creates the exception for the files found.</summary>
    public SpaceCredentialFilesException(IReadOnlyList<SpaceIgnoredFile> files)
        : base(Describe(files)) => Files = files;

    /// <summary>The files, each with what made it look like a credential (never its content).</summary>
    public IReadOnlyList<SpaceIgnoredFile> Files { get; }

    private static string Describe(IReadOnlyList<SpaceIgnoredFile> files) =>
        $"Refused: {files.Count} file(s) look like credentials and would be public in the Space's repository: "
        + string.Join("; ", files.Select(f => $"{f.Path} ({f.Reason})"))
        + ". Put secret values in the Space's secrets (SetSecretAsync, 'hf-spaces secrets set'); to send such a file on purpose, list it in SpaceSyncOptions.AllowCredentialFiles (hf-spaces deploy --allow-secret-file PATH).";
}
