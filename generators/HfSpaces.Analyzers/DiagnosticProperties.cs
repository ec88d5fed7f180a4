namespace HfSpaces.Analyzers;

/// <summary>Keys of <c>Diagnostic.Properties</c>: what the code fix needs, computed once by the analyzer.</summary>
public static class DiagnosticProperties
{
    /// <summary>Fully qualified type name, e.g. <c>global::HfSpaces.SpaceHardware</c>.</summary>
    public const string TypeName = nameof(TypeName);

    /// <summary>The static member holding the suggested value, e.g. <c>A10gSmall</c>; absent without a suggestion.</summary>
    public const string SuggestedMember = nameof(SuggestedMember);

    /// <summary>The literal's value, for the escape hatch <c>new SpaceHardware("…")</c>.</summary>
    public const string Value = nameof(Value);

    /// <summary>HFS004 on a <c>null</c> literal whose result is used as a nullable: <c>(T?)null</c> keeps the meaning without throwing.</summary>
    public const string NullableTarget = nameof(NullableTarget);
}
