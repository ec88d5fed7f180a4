namespace HfSpaces.Generators;

/// <summary>Everything needed to write one extensible enum, or the diagnostic explaining why it cannot be written.</summary>
internal sealed record EnumModel(EnumTarget Target, Vocabulary? Vocabulary, string? SpecPath, DiagnosticInfo? Diagnostic);
