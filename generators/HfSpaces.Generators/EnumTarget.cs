namespace HfSpaces.Generators;

/// <summary>A <c>[ExtensibleEnum("Schema")] partial struct</c> found in user code. No symbols or syntax: only what the output needs.</summary>
internal sealed record EnumTarget(
    string? Namespace,
    string TypeName,
    string Accessibility,
    string SchemaName,
    LocationInfo? Location);
