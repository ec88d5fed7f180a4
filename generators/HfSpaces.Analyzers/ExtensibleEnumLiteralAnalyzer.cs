using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HfSpaces.Analyzers;

/// <summary>
/// HFS001–HFS003: a constant string (literal, const, constant interpolation) implicitly converted to
/// <c>SpaceHardware</c>, <c>SpaceStage</c> or <c>SpaceStorage</c> that is not a known value. The known values are the
/// <c>Values</c> constants the source generator wrote from the spec. <c>new SpaceHardware("…")</c> is never flagged.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExtensibleEnumLiteralAnalyzer : DiagnosticAnalyzer
{
    private static readonly (string MetadataName, DiagnosticDescriptor Rule)[] Targets =
    [
        ("HfSpaces.SpaceHardware", Descriptors.UnknownHardware),
        ("HfSpaces.SpaceStage", Descriptors.UnknownStage),
        ("HfSpaces.SpaceStorage", Descriptors.UnknownStorage),
    ];

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [Descriptors.UnknownHardware, Descriptors.UnknownStage, Descriptors.UnknownStorage];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Resolved once per compilation; nothing to do when the SDK is not referenced.
            var vocabularies = new Dictionary<INamedTypeSymbol, Vocabulary>(SymbolEqualityComparer.Default);
            foreach (var (metadataName, rule) in Targets)
            {
                if (start.Compilation.GetTypeByMetadataName(metadataName) is { } type && Vocabulary.From(type, rule) is { } vocabulary)
                {
                    vocabularies[type] = vocabulary;
                }
            }

            if (vocabularies.Count > 0)
            {
                start.RegisterOperationAction(c => AnalyzeConversion(c, vocabularies), OperationKind.Conversion);
            }
        });
    }

    private static void AnalyzeConversion(OperationAnalysisContext context, Dictionary<INamedTypeSymbol, Vocabulary> vocabularies)
    {
        var conversion = (IConversionOperation)context.Operation;
        if (conversion.OperatorMethod is null
            || conversion.Type is not INamedTypeSymbol target
            || !vocabularies.TryGetValue(target, out var vocabulary)
            || conversion.Operand.Type?.SpecialType != SpecialType.System_String
            || conversion.Operand.ConstantValue is not { HasValue: true, Value: string value })
        {
            return;
        }

        if (vocabulary.IsKnown(value))
        {
            return;
        }

        var (suggestion, member) = vocabulary.Suggest(value);
        var reason = suggestion is null
            ? $"use a {vocabulary.TypeName} member, or new {vocabulary.TypeName}(\"{value}\") if the Hub added it after this SDK was built"
            : string.Equals(suggestion, value, StringComparison.OrdinalIgnoreCase)
                ? $"the Hub's values are case-sensitive; did you mean '{suggestion}' ({vocabulary.TypeName}.{member})?"
                : $"did you mean '{suggestion}' ({vocabulary.TypeName}.{member})?";
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[DiagnosticProperties.TypeName] = vocabulary.QualifiedName;
        properties[DiagnosticProperties.Value] = value;
        if (member is not null)
        {
            properties[DiagnosticProperties.SuggestedMember] = member;
        }

        context.ReportDiagnostic(Diagnostic.Create(vocabulary.Rule, conversion.Operand.Syntax.GetLocation(), properties.ToImmutable(), value, reason));
    }

    /// <summary>The known values of one extensible enum, read from its generated <c>Values</c> constants.</summary>
    private sealed class Vocabulary(string typeName, string qualifiedName, DiagnosticDescriptor rule, ImmutableArray<(string Value, string Member)> values)
    {
        public string TypeName { get; } = typeName;

        public string QualifiedName { get; } = qualifiedName;

        public DiagnosticDescriptor Rule { get; } = rule;

        public static Vocabulary? From(INamedTypeSymbol type, DiagnosticDescriptor rule)
        {
            var holder = type.GetTypeMembers("Values").FirstOrDefault();
            var values = holder?.GetMembers().OfType<IFieldSymbol>()
                .Where(f => f.IsConst && f.ConstantValue is string)
                .Select(f => ((string)f.ConstantValue!, f.Name))
                .ToImmutableArray() ?? [];
            return values.IsEmpty
                ? null
                : new Vocabulary(type.Name, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), rule, values);
        }

        public bool IsKnown(string value) => values.Any(v => v.Value == value);

        /// <summary>The nearest known value (the same rule as <c>SpaceHardware.Parse</c>'s message), with its member name.</summary>
        public (string? Value, string? Member) Suggest(string value) =>
            ValueSuggestions.Nearest(value, values.Select(v => v.Value)) is { } nearest
                ? (nearest, values.First(v => v.Value == nearest).Member)
                : (null, null);
    }
}
