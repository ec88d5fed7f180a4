using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace HfSpaces.Generators.Tests;

/// <summary>Metadata references for in-memory compilations: the test host's own assemblies.</summary>
internal static class TestReferences
{
    /// <summary>Every trusted platform assembly whose file name does not start with one of <paramref name="excludedPrefixes"/>.</summary>
    public static ImmutableArray<MetadataReference> Except(params string[] excludedPrefixes) =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => !excludedPrefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
}
