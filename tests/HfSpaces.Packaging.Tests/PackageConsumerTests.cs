using System.Diagnostics;

namespace HfSpaces.Packaging.Tests;

/// <summary>
/// `dotnet pack` the SDK into a local folder, restore it in a consumer project that only references the package, and
/// build it: a bad hardware literal must give HFS001 with the suggestion, a valid one no warning.
/// </summary>
public sealed class PackageConsumerTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _work = Directory.CreateTempSubdirectory("hfspaces-pack-").FullName;
    private readonly string _version = $"0.1.0-pkgtest.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

    public void Dispose()
    {
        Directory.Delete(_work, recursive: true);
        // The test versions restored into the NuGet cache go with the test (both tests' packages; a missing one is skipped).
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "hfspaces", "hfspaces.emulator" })
        {
            var cached = Path.Combine(cache, id, _version);
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_consumer_of_the_package_gets_HFS001_on_a_typo_and_nothing_on_a_valid_flavor()
    {
        var feed = Path.Combine(_work, "feed");
        var pack = await Dotnet(RepoRoot(), "pack", "src/HfSpaces/HfSpaces.csproj", "-c", Configuration, "--no-build", "-o", feed, $"-p:Version={_version}");
        Assert.True(pack.Code == 0, pack.Output);
        var package = Path.Combine(feed, $"HfSpaces.{_version}.nupkg");
        using (var zip = System.IO.Compression.ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("lib/net10.0/HfSpaces.dll", entries);
            Assert.Contains("lib/net8.0/HfSpaces.dll", entries);
            Assert.Single(entries, e => e == "analyzers/dotnet/cs/HfSpaces.Analyzers.dll"); // once, whatever the target frameworks
            Assert.Contains("lib/net10.0/HfSpaces.xml", entries);
            Assert.Contains("README.md", entries);
            Assert.Contains("analyzers/dotnet/cs/HfSpaces.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/HfSpaces.Analyzers.CodeFixes.dll", entries);
            Assert.DoesNotContain(entries, e => e.Contains("HfSpaces.Generators", StringComparison.Ordinal));

            // What an intake review reads: the license, the repository, and a README written for the package.
            using var nuspec = new StreamReader(zip.GetEntry("HfSpaces.nuspec")!.Open());
            var manifest = await nuspec.ReadToEndAsync();
            Assert.Contains("<license type=\"expression\">Apache-2.0</license>", manifest, StringComparison.Ordinal);
            Assert.Contains("<repository type=\"git\" url=\"https://github.com/HfSpacesKiota/HfSpacesKiota\"", manifest, StringComparison.Ordinal);
            using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
            Assert.StartsWith("# HfSpaces\n", (await readme.ReadToEndAsync()).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }

        using (var symbols = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed, $"HfSpaces.{_version}.snupkg")))
        {
            Assert.Contains("lib/net10.0/HfSpaces.pdb", symbols.Entries.Select(e => e.FullName));
        }

        var consumer = await NewConsumer("consumer", feed);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFrameworks>net8.0;net10.0</TargetFrameworks>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="HfSpaces" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);

        await WriteProgram(consumer, "\"a10g-smal\"");
        var bad = await Dotnet(consumer, "build", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(bad.Code == 0, bad.Output);
        Assert.Contains("warning HFS001: 'a10g-smal' is not a known hardware flavor: did you mean 'a10g-small' (SpaceHardware.A10gSmall)?", bad.Output, StringComparison.Ordinal);
        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            // A .NET 8 project restores and builds against the package, and gets the analyzer too.
            Assert.Contains(bad.Output.Split('\n'), l => l.Contains("warning HFS001", StringComparison.Ordinal) && l.Contains($"TargetFramework={framework}", StringComparison.Ordinal));
        }

        await WriteProgram(consumer, "SpaceHardware.A10gSmall");
        var good = await Dotnet(consumer, "build", "--no-restore", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(good.Code == 0, good.Output);
        Assert.DoesNotContain("HFS00", good.Output, StringComparison.Ordinal);
        Assert.Contains("0 Warning(s)", good.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The emulator package, consumed as its README says: a test project outside the solution (xunit, the README's
    /// fixture and test verbatim) that references only HfSpaces and HfSpaces.Emulator from the local feed, and passes.
    /// </summary>
    [Fact]
    public async Task A_test_project_outside_the_solution_runs_the_emulator_readme_fixture_from_the_package()
    {
        var feed = Path.Combine(_work, "feed");
        foreach (var project in new[] { "src/HfSpaces/HfSpaces.csproj", "src/HfSpaces.Emulator/HfSpaces.Emulator.csproj" })
        {
            var pack = await Dotnet(RepoRoot(), "pack", project, "-c", Configuration, "--no-build", "-o", feed, $"-p:Version={_version}");
            Assert.True(pack.Code == 0, pack.Output);
        }

        using (var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed, $"HfSpaces.Emulator.{_version}.nupkg")))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("lib/net10.0/HfSpaces.Emulator.dll", entries);
            Assert.Contains("README.md", entries);
            using var nuspec = new StreamReader(zip.GetEntry("HfSpaces.Emulator.nuspec")!.Open());
            var manifest = await nuspec.ReadToEndAsync();
            Assert.Contains("<frameworkReference name=\"Microsoft.AspNetCore.App\" />", manifest, StringComparison.Ordinal);
            Assert.Contains("<license type=\"expression\">Apache-2.0</license>", manifest, StringComparison.Ordinal);
        }

        var versions = await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "Directory.Packages.props"));
        string Version(string id) => System.Text.RegularExpressions.Regex.Match(versions, $"Include=\"{System.Text.RegularExpressions.Regex.Escape(id)}\" Version=\"([^\"]+)\"").Groups[1].Value;
        var consumer = await NewConsumer("emulator-consumer", feed);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="HfSpaces" Version="{_version}" />
                <PackageReference Include="HfSpaces.Emulator" Version="{_version}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{Version("Microsoft.NET.Test.Sdk")}" />
                <PackageReference Include="xunit" Version="{Version("xunit")}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{Version("xunit.runner.visualstudio")}" />
              </ItemGroup>
            </Project>
            """);
        var readme = await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "src/HfSpaces.Emulator/README.md"));
        var fixture = System.Text.RegularExpressions.Regex.Match(readme, "```csharp\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("IClassFixture<HubFixture>", fixture, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(consumer, "DeployTests.cs"), fixture);

        var test = await Dotnet(consumer, "test", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(test.Code == 0, test.Output);
        Assert.Contains("Passed!  - Failed:     0, Passed:     1, Skipped:     0, Total:     1", test.Output, StringComparison.Ordinal);
    }

    /// <summary>A folder for a consumer project, with a NuGet.config whose only source is the local feed the test packed into.</summary>
    private async Task<string> NewConsumer(string name, string feed)
    {
        var project = Path.Combine(_work, name);
        Directory.CreateDirectory(project);
        await File.WriteAllTextAsync(Path.Combine(project, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="hfspaces-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        return project;
    }

    private static Task WriteProgram(string consumer, string flavor) =>
        File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), $$"""
            using HfSpaces;

            using var client = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = new Uri("http://127.0.0.1:9"), UseImplicitToken = false });
            var hardware = SpaceHardware.KnownValues.Count;
            Console.WriteLine(hardware);
            if (args.Length > 99)
            {
                await client.RequestHardwareAsync("alice/demo", {{flavor}});
            }
            """);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HfSpacesKiota.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HfSpacesKiota.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int Code, string Output)> Dotnet(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
