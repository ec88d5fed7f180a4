namespace HfSpaces.Generators;

/// <summary>A named group of values inside a vocabulary (e.g. the intermediate stages).</summary>
internal sealed record VocabularyGroup(string Name, EquatableArray<string> Values);

/// <summary>One known value's entry of a metadata property, as a ready C# literal.</summary>
internal sealed record MetadataEntry(string Value, string Literal);

/// <summary>A property that known values carry (<c>x-extensible-enum-metadata</c>), e.g. <c>vramGb</c>; unknown values have none.</summary>
/// <param name="Name">The JSON key, e.g. <c>vramGb</c>.</param>
/// <param name="ClrType"><c>string</c>, <c>int</c>, <c>double</c> or <c>bool</c>.</param>
/// <param name="Description">From <c>x-extensible-enum-metadata-descriptions</c>.</param>
/// <param name="Entries">The values that have it.</param>
internal sealed record MetadataProperty(string Name, string ClrType, string? Description, EquatableArray<MetadataEntry> Entries);

/// <summary>One <c>x-extensible-enum</c> schema read from the spec.</summary>
internal sealed record Vocabulary(
    string SchemaName,
    string? Description,
    EquatableArray<string> Values,
    EquatableArray<VocabularyGroup> Groups,
    EquatableArray<MetadataProperty> Metadata);
