namespace HfSpaces.Generators;

/// <summary>A named group of values inside a vocabulary (e.g. the intermediate stages).</summary>
internal sealed record VocabularyGroup(string Name, EquatableArray<string> Values);

/// <summary>One <c>x-extensible-enum</c> schema read from the spec.</summary>
internal sealed record Vocabulary(
    string SchemaName,
    string? Description,
    EquatableArray<string> Values,
    EquatableArray<VocabularyGroup> Groups);
