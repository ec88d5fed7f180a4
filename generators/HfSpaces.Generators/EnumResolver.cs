using System.Linq;

namespace HfSpaces.Generators;

/// <summary>Pairs an <c>[ExtensibleEnum]</c> declaration with its vocabulary, or says why it cannot (shared by the generator and the analyzer).</summary>
internal static class EnumResolver
{
    public static EnumModel Resolve(EnumTarget target, EquatableArray<SpecDocument> specs)
    {
        if (specs.Count == 0)
        {
            return new EnumModel(target, null, null, DiagnosticInfo.Create(GeneratorDiagnostics.SpecMissing, target.Location, target.SchemaName, target.TypeName));
        }

        foreach (var spec in specs)
        {
            if (spec.Error is not null)
            {
                return new EnumModel(target, null, spec.Path, DiagnosticInfo.Create(GeneratorDiagnostics.SpecUnreadable, target.Location, spec.Path, spec.Error));
            }

            var vocabulary = spec.Vocabularies.FirstOrDefault(v => v.SchemaName == target.SchemaName);
            if (vocabulary is not null)
            {
                return new EnumModel(target, vocabulary, spec.Path, null);
            }
        }

        var available = string.Join(", ", specs.SelectMany(s => s.Vocabularies).Select(v => v.SchemaName));
        return new EnumModel(
            target,
            null,
            specs[0].Path,
            DiagnosticInfo.Create(GeneratorDiagnostics.VocabularyMissing, target.Location, target.SchemaName, target.TypeName, specs[0].Path, available.Length == 0 ? "none" : available));
    }
}
