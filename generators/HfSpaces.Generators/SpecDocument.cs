namespace HfSpaces.Generators;

/// <summary>What the generator learned from one spec file: its vocabularies, or why it could not read them.</summary>
internal sealed record SpecDocument(string Path, EquatableArray<Vocabulary> Vocabularies, string? Error);
