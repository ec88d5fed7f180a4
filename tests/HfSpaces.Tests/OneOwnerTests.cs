using System.Reflection;
using System.Text.RegularExpressions;
using HfSpaces.Http;

namespace HfSpaces.Tests;

/// <summary>
/// One owner per concern, checked in the SDK's own source (not its generated code): every failure is made by the one
/// factory, every request goes through the one connection, one place builds the HTTP client, and every operation has a
/// name of its own on the wire's spans and metrics.
/// </summary>
public sealed partial class OneOwnerTests
{
    private static readonly string Sdk = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/HfSpaces"));

    [Fact]
    public void Only_the_failure_factory_makes_hub_exceptions() =>
        Assert.Equal(["HfSpacesModelFactory.cs", "Http/HubErrors.cs"], FilesMatching(ExceptionConstruction()));

    [Fact]
    public void Only_the_connection_sends_through_kiotas_adapter()
    {
        Assert.Equal(["Http/HubConnection.cs"], FilesMatching(AdapterSend()));
        Assert.Empty(FilesMatching(GeneratedSend())); // a generated builder's GetAsync/PostAsync would bypass the connection
    }

    [Fact]
    public void Only_the_pipeline_builds_an_http_client() =>
        Assert.Equal(["Http/HubPipeline.cs"], FilesMatching(NewHttpClient()));

    [Fact]
    public void Every_operation_has_its_own_name()
    {
        var operations = typeof(HubRequestOption).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(HubRequestOption))
            .Select(f => (Field: f.Name, ((HubRequestOption)f.GetValue(null)!).Operation))
            .ToList();

        Assert.True(operations.Count >= 39, $"{operations.Count} operations");
        Assert.All(operations, o => Assert.Equal(o.Field, o.Operation));
        Assert.Equal(operations.Count, operations.Select(o => o.Operation).Distinct().Count());
    }

    private static List<string> FilesMatching(Regex pattern) =>
        Directory.EnumerateFiles(Sdk, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Sdk, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("Generated/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .Where(f => pattern.IsMatch(File.ReadAllText(Path.Combine(Sdk, f))))
            .Order(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"new HfSpaces\w*Exception\(")]
    private static partial Regex ExceptionConstruction();

    [GeneratedRegex(@"\b_?[aA]dapter\.Send\w*Async")]
    private static partial Regex AdapterSend();

    [GeneratedRegex(@"\]\.(Get|Post|Put|Delete|Patch)Async\(|\b(Runtime|Hardware|Secrets|Variables|Tree|Commit|Batch)\.(Get|Post|Put|Delete)Async\(")]
    private static partial Regex GeneratedSend();

    [GeneratedRegex(@"new HttpClient\(")]
    private static partial Regex NewHttpClient();
}
