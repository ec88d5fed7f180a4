namespace HfSpaces.Manifests;

/// <summary>A manifest that cannot be used: every problem found, each naming the file, line and column and the rule broken.</summary>
public sealed class ManifestException : Exception
{
    /// <summary>One problem.</summary>
    public ManifestException(string message)
        : this([message])
    {
    }

    /// <summary>Several problems, one per line of <see cref="Exception.Message"/>.</summary>
    public ManifestException(IReadOnlyList<string> errors)
        : base(string.Join(Environment.NewLine, errors ?? throw new ArgumentNullException(nameof(errors))))
    {
        Errors = errors;
    }

    /// <summary>Each problem, e.g. <c>spaces.yaml:12:5: 'hardwar' is not a Space setting (did you mean 'hardware'?)</c>.</summary>
    public IReadOnlyList<string> Errors { get; }
}
