using System.Reflection;
using System.Text;
using HfSpaces.Http;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Wire = HfSpaces.Generated.Models;

namespace HfSpaces.Tests;

/// <summary>
/// Request bodies are written by the SDK's <see cref="JsonBodyWriter"/> from Kiota's generated models; Kiota's own
/// <see cref="JsonSerializationWriter"/> is the oracle: for every generated model, filled at random (escapes, non-ASCII,
/// control characters, extremes, nulls, nested objects and lists, additional data), both must write the same bytes or
/// fail the same way — or the SDK's writer leaves the body to Kiota's.
/// </summary>
public sealed class JsonBodyWriterTests
{
    private static readonly Type[] Models = typeof(Wire.HardwareRequest).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(Wire.HardwareRequest).Namespace && !t.IsAbstract && typeof(IParsable).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    private static readonly string[] Strings =
    [
        "", "t4-small", "a10g-large", "OPENAI_API_KEY", "quote \" and backslash \\", "line\nbreak\ttab", "\u0001\u001f\u007f",
        "<script>&'+", "é日本語", "emoji 🚀", "/data", "model:openai/whisper-large-v3", new string('x', 300), "\u2028\u2029",
    ];

    [Fact]
    public void The_bodies_the_facade_sends_are_written_as_kiota_writes_them()
    {
        var hardware = new Wire.HardwareRequest { Flavor = "t4-small", SleepTimeSeconds = 3600 };
        Assert.Equal("""{"flavor":"t4-small","sleepTimeSeconds":3600}""", Written(hardware));
        Assert.Equal(ViaKiota(hardware), Written(hardware));

        var secret = new Wire.SpaceSecretUpsert { Key = "OPENAI_API_KEY", Value = "sk-\"é\n", Description = null };
        Assert.Equal(ViaKiota(secret), Written(secret));
        Assert.Equal("""{"key":"OPENAI_API_KEY","value":"sk-\u0022\u00E9\n"}""", Written(secret));
    }

    [Fact]
    public void Every_generated_model_filled_at_random_is_written_as_kiota_writes_it()
    {
        Assert.Contains(typeof(Wire.HardwareRequest), Models);
        Assert.Contains(typeof(Wire.ReplicasRequest), Models);
        var random = new Random(20261130);
        var compared = 0;
        var leftToKiota = 0;
        foreach (var type in Models)
        {
            for (var i = 0; i < 150; i++)
            {
                var unsupported = false;
                var model = (IParsable)Fill(type, random, depth: 0, ref unsupported);
                var expected = Outcome(() => ViaKiota(model));
                var actual = Outcome(() => JsonBodyWriter.TryWrite(model) is { } bytes ? Encoding.UTF8.GetString(bytes) : null);
                if (actual is null)
                {
                    Assert.True(unsupported, $"{type.Name}: left to Kiota's writer although it holds nothing unsupported");
                    leftToKiota++;
                    continue;
                }

                Assert.Equal(expected, actual);
                compared++;
            }
        }

        Assert.True(compared > Models.Length * 100, $"{compared} compared, {leftToKiota} left to Kiota");
    }

    [Fact]
    public void Additional_data_the_writer_does_not_write_leaves_the_body_to_kiota()
    {
        var body = new Wire.HardwareRequest { Flavor = "t4-small" };
        body.AdditionalData["nested"] = new Dictionary<string, object> { ["a"] = 1 };
        Assert.Null(JsonBodyWriter.TryWrite(body));

        // The writer is reused on its thread: a refused body leaves nothing behind for the next one.
        Assert.Equal("""{"flavor":"cpu-basic"}""", Written(new Wire.HardwareRequest { Flavor = "cpu-basic" }));
    }

    [Fact]
    public void A_secret_does_not_stay_behind_in_the_reused_buffer()
    {
        var json = JsonBodyWriter.TryWrite(new Wire.SpaceSecretUpsert { Key = "TOKEN", Value = "sk-left-behind-4711" });
        Assert.Contains("sk-left-behind-4711", Encoding.UTF8.GetString(json!), StringComparison.Ordinal);

        // The writer this thread reuses: its whole buffer (nothing written now, so GetSpan hands all of it back) is zeroes.
        var cached = typeof(JsonBodyWriter).GetField("_cached", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        var buffer = (System.Buffers.ArrayBufferWriter<byte>)typeof(JsonBodyWriter).GetField("_buffer", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(cached)!;
        Assert.Equal(0, buffer.WrittenCount);
        Assert.All(buffer.GetSpan().ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Kiota_finds_the_sdks_writer_in_the_adapters_factory_and_it_writes_what_kiota_would()
    {
        var registry = HubJsonWriterFactory.Registry();
        var random = new Random(20261203);
        foreach (var contentType in new[] { "application/json", "application/vnd.git-lfs+json" })
        {
            foreach (var type in Models)
            {
                var unsupported = false;
                var model = (IParsable)Fill(type, random, depth: 0, ref unsupported);
                using var writer = (HubJsonSerializationWriter)registry.GetSerializationWriter(contentType);
                var expected = Outcome(() => ViaKiota(model));
                var actual = Outcome(() =>
                {
                    writer.WriteObjectValue(null, model);
                    using var reader = new StreamReader(writer.GetSerializedContent());
                    return reader.ReadToEnd();
                });

                // Fast or left to Kiota (additional data it does not write): the same bytes, or the same failure.
                Assert.Equal(expected, actual);
            }
        }

        // What the generated client registers beside JSON is still there: forms (paths-info), text, multipart.
        Assert.Equal(["application/json", "application/x-www-form-urlencoded", "multipart/form-data", "text/plain"], registry.ContentTypeAssociatedFactories.Keys.Order(StringComparer.Ordinal));
    }

    private static string Written(IParsable body) => Encoding.UTF8.GetString(JsonBodyWriter.TryWrite(body) ?? throw new InvalidOperationException("left to Kiota"));

    private static string ViaKiota(IParsable body)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, body);
        using var reader = new StreamReader(writer.GetSerializedContent(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The JSON text, or the type of the exception (both writers must fail alike on what JSON cannot hold).</summary>
    private static string? Outcome(Func<string?> write)
    {
        try
        {
            return write();
        }
        catch (Exception e) when (e is not NotSupportedException)
        {
            return "threw " + e.GetType().Name;
        }
    }

    private static object Fill(Type type, Random random, int depth, ref bool unsupported)
    {
        var model = Activator.CreateInstance(type)!;
        // The model's own properties (an error model is also an ApiException, whose properties are not the body's).
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.DeclaringType!.Namespace == type.Namespace))
        {
            if (property.Name == "AdditionalData")
            {
                var data = (IDictionary<string, object>)property.GetValue(model)!;
                for (var i = random.Next(4); i > 0; i--)
                {
                    data["extra" + random.Next(1000)] = random.Next(8) switch
                    {
                        0 => Pick(random),
                        1 => random.Next(int.MinValue, int.MaxValue),
                        2 => random.NextInt64(),
                        3 => random.Next(2) == 0,
                        4 => random.NextDouble() * 1e6,
                        5 => Date(random),
                        6 => null!,
                        _ => Pick(random),
                    };
                }

                continue;
            }

            if (random.Next(5) == 0)
            {
                continue; // left unset (null)
            }

            var value = Value(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, random, depth, ref unsupported);
            if (value is not null)
            {
                property.SetValue(model, value);
            }
        }

        return model;
    }

    private static object? Value(Type type, Random random, int depth, ref bool unsupported)
    {
        if (type == typeof(string))
        {
            return Pick(random);
        }

        if (type == typeof(int))
        {
            return random.Next(3) == 0 ? int.MaxValue * (random.Next(2) == 0 ? 1 : -1) : random.Next(-1, 200_000);
        }

        if (type == typeof(long))
        {
            return random.NextInt64(long.MinValue, long.MaxValue);
        }

        if (type == typeof(double))
        {
            return random.Next(10) == 0 ? double.NaN : Math.Round(random.NextDouble() * 100, random.Next(6));
        }

        if (type == typeof(float))
        {
            return (float)(random.NextDouble() * 100);
        }

        if (type == typeof(bool))
        {
            return random.Next(2) == 0;
        }

        if (type == typeof(DateTimeOffset))
        {
            return Date(random);
        }

        if (typeof(UntypedNode).IsAssignableFrom(type))
        {
            unsupported = true;
            return new UntypedString(Pick(random));
        }

        if (typeof(IParsable).IsAssignableFrom(type))
        {
            return depth > 2 ? null : Fill(type, random, depth + 1, ref unsupported);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var item = type.GetGenericArguments()[0];
            var list = (System.Collections.IList)Activator.CreateInstance(type)!;
            for (var i = random.Next(4); i > 0; i--)
            {
                list.Add(item == typeof(string) ? Pick(random) : Value(item, random, depth + 1, ref unsupported));
            }

            return list;
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(random.Next(values.Length));
        }

        throw new InvalidOperationException($"the test cannot fill a {type.Name} yet: teach it, so the new model is compared too");
    }

    private static string Pick(Random random) => Strings[random.Next(Strings.Length)];

    private static DateTimeOffset Date(Random random) =>
        new(new DateTime(2020, 1, 1).AddTicks(random.NextInt64(TimeSpan.TicksPerDay * 3650)), TimeSpan.FromMinutes(15 * random.Next(-48, 56)));
}
