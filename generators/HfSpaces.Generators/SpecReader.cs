using System;
using System.Collections.Generic;
using System.Linq;

namespace HfSpaces.Generators;

/// <summary>Reads the <c>x-extensible-enum</c> vocabularies of <c>components.schemas</c> from an OpenAPI JSON document.</summary>
internal static class SpecReader
{
    public const string ValuesExtension = "x-extensible-enum";
    public const string GroupsExtension = "x-extensible-enum-groups";

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
                new EquatableArray<VocabularyGroup>(ReadGroups(body.Get(GroupsExtension), values, $"components.schemas.{schema.Key}.{GroupsExtension}")));
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
