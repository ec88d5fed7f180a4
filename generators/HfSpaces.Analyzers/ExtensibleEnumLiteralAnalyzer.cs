using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HfSpaces.Analyzers;

/// <summary>
/// HFS001–HFS003, HFS005: a constant string (literal, const, constant interpolation) implicitly converted to one of the
/// SDK's extensible enums that is not a known value. HFS004: <c>null</c>, or a string that may be null, converted to one
/// (it throws at run time). The extensible enums are found by the generator's <c>[ExtensibleEnum]</c> marker, which stays
/// in HfSpaces.dll's metadata, and their known values are the <c>Values</c> constants the generator wrote from the spec.
/// <c>new SpaceHardware("…")</c> is never flagged.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExtensibleEnumLiteralAnalyzer : DiagnosticAnalyzer
{
    private const string MarkerName = "ExtensibleEnumAttribute";
    private const string MarkerNamespace = "HfSpaces";

    /// <summary>The vocabularies with a rule of their own (HFS001–HFS003); every other extensible enum gets HFS005.</summary>
    private static readonly Dictionary<string, DiagnosticDescriptor> Rules = new(StringComparer.Ordinal)
    {
        ["SpaceHardware"] = Descriptors.UnknownHardware,
        ["SpaceStage"] = Descriptors.UnknownStage,
        ["SpaceStorage"] = Descriptors.UnknownStorage,
    };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [Descriptors.UnknownHardware, Descriptors.UnknownStage, Descriptors.UnknownStorage, Descriptors.NullValue, Descriptors.UnknownValue];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Per compilation: each target type is inspected once (its marker and its Values constants).
            var vocabularies = new ConcurrentDictionary<INamedTypeSymbol, Vocabulary?>(SymbolEqualityComparer.Default);
            start.RegisterOperationAction(c => AnalyzeConversion(c, vocabularies), OperationKind.Conversion);
        });
    }

    private static void AnalyzeConversion(OperationAnalysisContext context, ConcurrentDictionary<INamedTypeSymbol, Vocabulary?> vocabularies)
    {
        var conversion = (IConversionOperation)context.Operation;
        var operand = conversion.Operand;
        var constant = operand.ConstantValue;
        var isNullLiteral = constant is { HasValue: true, Value: null };
        if (conversion.OperatorMethod is null
            || conversion.Type is not INamedTypeSymbol { TypeKind: TypeKind.Struct } target
            || !(operand.Type?.SpecialType == SpecialType.System_String || (operand.Type is null && isNullLiteral))
            || vocabularies.GetOrAdd(target, Vocabulary.From) is not { } vocabulary)
        {
            return;
        }

        if (isNullLiteral)
        {
            ReportNull(context, conversion, vocabulary, "null is", $"Use ({vocabulary.TypeName}?)null for 'no value'", NullableResult(conversion, target));
            return;
        }

        if (constant is not { HasValue: true, Value: string value })
        {
            if (conversion.SemanticModel?.GetTypeInfo(operand.Syntax, context.CancellationToken).Nullability.FlowState == NullableFlowState.MaybeNull)
            {
                ReportNull(context, conversion, vocabulary, $"'{operand.Syntax}' may be null here and is", $"Check it for null first, or use {vocabulary.TypeName}.TryParse", nullableTarget: false);
            }

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

        context.ReportDiagnostic(Diagnostic.Create(vocabulary.Rule, operand.Syntax.GetLocation(), properties.ToImmutable(), value, reason, vocabulary.TypeName));
    }

    private static void ReportNull(OperationAnalysisContext context, IConversionOperation conversion, Vocabulary vocabulary, string what, string advice, bool nullableTarget)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[DiagnosticProperties.TypeName] = vocabulary.QualifiedName;
        if (nullableTarget)
        {
            properties[DiagnosticProperties.NullableTarget] = "true";
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NullValue, conversion.Operand.Syntax.GetLocation(), properties.ToImmutable(), what, vocabulary.TypeName, advice));
    }

    /// <summary>
    /// True when the converted value ends up in a <c>T?</c> (<c>T? x = cond ? T.A : null</c>, a <c>T?</c> property or
    /// argument): there <c>(T?)null</c> means what the author meant, and the code still compiles.
    /// </summary>
    private static bool NullableResult(IConversionOperation conversion, INamedTypeSymbol target)
    {
        var parent = conversion.Parent is IConditionalOperation conditional ? conditional.Parent : conversion.Parent;
        return parent is IConversionOperation { Type: INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable }
            && SymbolEqualityComparer.Default.Equals(nullable.TypeArguments[0], target);
    }

    /// <summary>The known values of one extensible enum, read from its generated <c>Values</c> constants.</summary>
    private sealed class Vocabulary(string typeName, string qualifiedName, DiagnosticDescriptor rule, ImmutableArray<(string Value, string Member)> values)
    {
        public string TypeName { get; } = typeName;

        public string QualifiedName { get; } = qualifiedName;

        public DiagnosticDescriptor Rule { get; } = rule;

        /// <summary>The vocabulary of a type the generator made (it carries the marker), else null.</summary>
        public static Vocabulary? From(INamedTypeSymbol type)
        {
            if (!type.GetAttributes().Any(a => a.AttributeClass is { Name: MarkerName, ContainingNamespace: { Name: MarkerNamespace, ContainingNamespace.IsGlobalNamespace: true } }))
            {
                return null;
            }

            var holder = type.GetTypeMembers("Values").FirstOrDefault();
            var values = holder?.GetMembers().OfType<IFieldSymbol>()
                .Where(f => f.IsConst && f.ConstantValue is string)
                .Select(f => ((string)f.ConstantValue!, f.Name))
                .ToImmutableArray() ?? [];
            var rule = Rules.TryGetValue(type.Name, out var own) && type.ContainingNamespace is { Name: MarkerNamespace } ? own : Descriptors.UnknownValue;
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
