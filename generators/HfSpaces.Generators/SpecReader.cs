using System;
using System.Collections.Generic;
using System.Linq;

namespace HfSpaces.Generators;

/// <summary>Reads the <c>x-extensible-enum</c> vocabularies of <c>components.schemas</c> from an OpenAPI JSON document.</summary>
internal static class SpecReader
{
    public const string ValuesExtension = "x-extensible-enum";
    public const string GroupsExtension = "x-extensible-enum-groups";
    public const string MetadataExtension = "x-extensible-enum-metadata";
    public const string MetadataDescriptionsExtension = "x-extensible-enum-metadata-descriptions";

    public static SpecDocument Read(string path, string? text)
    {
        if (text is null)
        {
            return new SpecDocument(path, EquatableArray<Vocabulary>.Empty, "the file could not be read");
        }

        try
        {
            return new SpecDocument(path, new EquatableArray<Vocabulary>(ReadVocabularies(MiniJson.Parse(text))), Error: null);
        }
        catch (FormatException e)
        {
            return new SpecDocument(path, EquatableArray<Vocabulary>.Empty, e.Message);
        }
    }

    private static IEnumerable<Vocabulary> ReadVocabularies(object? root)
    {
        var schemas = AsObject(AsObject(AsObject(root, "the document")?.Get("components"), "components")?.Get("schemas"), "components.schemas");
        if (schemas is null)
        {
            yield break;
        }

        foreach (var schema in schemas.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var body = AsObject(schema.Value, $"components.schemas.{schema.Key}");
            if (body is null || !body.TryGetValue(ValuesExtension, out var rawValues))
            {
                continue;
            }

            var where = $"components.schemas.{schema.Key}.{ValuesExtension}";
            var values = Strings(rawValues, where);
            if (values.Length == 0)
            {
                throw new FormatException($"{where} lists no value");
            }

            var duplicate = values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new FormatException($"{where} lists '{duplicate.Key}' twice");
            }

            yield return new Vocabulary(
                schema.Key,
                body.Get("description") as string,
                new EquatableArray<string>(values),
                new EquatableArray<VocabularyGroup>(ReadGroups(body.Get(GroupsExtension), values, $"components.schemas.{schema.Key}.{GroupsExtension}")),
                new EquatableArray<MetadataProperty>(ReadMetadata(body, values, $"components.schemas.{schema.Key}.{MetadataExtension}")));
        }
    }

    private static IEnumerable<VocabularyGroup> ReadGroups(object? raw, string[] values, string where)
    {
        var groups = AsObject(raw, where);
        if (groups is null)
        {
            yield break;
        }

        foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = Strings(group.Value, $"{where}.{group.Key}");
            var stranger = members.FirstOrDefault(m => Array.IndexOf(values, m) < 0);
            if (stranger is not null)
            {
                throw new FormatException($"{where}.{group.Key} names '{stranger}', which is not in {ValuesExtension}");
            }

            yield return new VocabularyGroup(group.Key, new EquatableArray<string>(members));
        }
    }

    /// <summary>
    /// <c>x-extensible-enum-metadata: { "t4-small": { "vramGb": 16, … }, … }</c> → one property per key, typed from its
    /// values (all integral numbers: int; other numbers: double; strings; booleans).
    /// </summary>
    private static IEnumerable<MetadataProperty> ReadMetadata(Dictionary<string, object?> schema, string[] values, string where)
    {
        var metadata = AsObject(schema.Get(MetadataExtension), where);
        if (metadata is null)
        {
            yield break;
        }

        var descriptions = AsObject(schema.Get(MetadataDescriptionsExtension), where + "-descriptions") ?? new Dictionary<string, object?>();
        var byKey = new SortedDictionary<string, List<(string Value, object Raw)>>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (AsObject(metadata.Get(value), $"{where}.{value}") is not { } properties)
            {
                continue;
            }

            foreach (var property in properties)
            {
                if (property.Value is null)
                {
                    continue;
                }

                if (property.Value is not (string or double or bool))
                {
                    throw new FormatException($"{where}.{value}.{property.Key} must be a string, a number or a boolean");
                }

                if (!byKey.TryGetValue(property.Key, out var list))
                {
                    byKey[property.Key] = list = [];
                }

                list.Add((value, property.Value));
            }
        }

        var stranger = metadata.Keys.FirstOrDefault(k => Array.IndexOf(values, k) < 0);
        if (stranger is not null)
        {
            throw new FormatException($"{where} describes '{stranger}', which is not in {ValuesExtension}");
        }

        foreach (var pair in byKey)
        {
            var raws = pair.Value.Select(v => v.Raw).ToList();
            var clrType = raws.All(r => r is string) ? "string"
                : raws.All(r => r is bool) ? "bool"
                : raws.All(r => r is double d && d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue) ? "int"
                : raws.All(r => r is double) ? "double"
                : throw new FormatException($"{where}: '{pair.Key}' mixes strings, numbers and booleans");
            var entries = pair.Value.Select(v => new MetadataEntry(v.Value, Literal(v.Raw, clrType))).ToArray();
            yield return new MetadataProperty(pair.Key, clrType, descriptions.Get(pair.Key) as string, new EquatableArray<MetadataEntry>(entries));
        }
    }

    private static string Literal(object raw, string clrType) => raw switch
    {
        string s => CSharpLiteral.String(s),
        bool b => b ? "true" : "false",
        double d when clrType == "int" => ((long)d).ToString(System.Globalization.CultureInfo.InvariantCulture),
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "d",
        _ => throw new FormatException("unsupported metadata value"),
    };

    private static string[] Strings(object? raw, string where) =>
        raw is List<object?> list && list.All(v => v is string s && s.Length > 0)
            ? list.Cast<string>().ToArray()
            : throw new FormatException($"{where} must be an array of non-empty strings");

    private static Dictionary<string, object?>? AsObject(object? value, string where) => value switch
    {
        null => null,
        Dictionary<string, object?> d => d,
        _ => throw new FormatException($"{where} must be an object"),
    };

    private static object? Get(this Dictionary<string, object?> obj, string key) =>
        obj.TryGetValue(key, out var value) ? value : null;
}
