using Microsoft.CodeAnalysis;

namespace HfSpaces.Generators;

/// <summary>An equatable diagnostic, turned into a <see cref="Diagnostic"/> only when reported.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(), messageArgs: [.. Arguments]);

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor, location, new EquatableArray<string>(arguments));
}
