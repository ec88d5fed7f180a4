namespace HfSpaces.Generators;

/// <summary>Names of the pipeline steps, so tests can assert each one is cached after an unrelated edit.</summary>
internal static class TrackingNames
{
    public const string Specs = nameof(Specs);
    public const string AllSpecs = nameof(AllSpecs);
    public const string Targets = nameof(Targets);
    public const string Enums = nameof(Enums);
}
