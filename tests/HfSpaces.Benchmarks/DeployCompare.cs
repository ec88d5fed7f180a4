using System.Globalization;
using System.Text;
using HfSpaces.Emulator;
using HfSpaces.Emulator.State;

namespace HfSpaces.Benchmarks;

/// <summary>
/// A 200-file folder deployed to a new Space on the in-process emulator: <c>hf-spaces deploy</c> against huggingface.js's
/// <c>uploadFiles</c> of the same folder, each a whole process (start-up included, as a person or a CI job sees it), on
/// the same emulator, alternating, a fresh Space each run. Both commits are checked to hold the same blob ids.
/// </summary>
internal static class DeployCompare
{
    /// <param name="clis">Each way to run hf-spaces (the native binary; <c>dotnet hf-spaces.dll</c>).</param>
    public static async Task<string> TableAsync(IReadOnlyList<string[]> clis, string nodeScript, int rounds)
    {
        var folder = Directory.CreateTempSubdirectory("hfspaces-deploy-bench-").FullName;
        try
        {
            var bytes = WriteFolder(folder);
            await using var emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
            {
                Timings = StageTimings.Instant,
                Accounts = new Dictionary<string, string> { ["alice"] = "hf_bench" },
            });
            using var client = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = emulator.Endpoint, Token = "hf_bench", UseImplicitToken = false });
            var tools = clis.Select(c => (Name: c[0] == "dotnet" ? "`hf-spaces deploy ID DIR --yes` (framework-dependent, JIT)" : "`hf-spaces deploy ID DIR --yes` (native AOT)", Command: c))
                .Append((Name: $"huggingface.js 2.17.5 `uploadFiles` (node {await NodeVersionAsync()})", Command: ["node", nodeScript]))
                .ToList();
            var times = tools.ToDictionary(t => t.Name, _ => new List<double>(), StringComparer.Ordinal);
            var trees = new HashSet<string>(StringComparer.Ordinal);
            for (var round = 0; round < rounds; round++)
            {
                for (var t = 0; t < tools.Count; t++)
                {
                    var space = SpaceId.Parse($"alice/run{t}-{round}");
                    await client.CreateSpaceAsync(space, new CreateSpaceOptions { Sdk = SpaceSdk.Gradio });
                    string[] command = t < clis.Count
                        ? [.. tools[t].Command, "deploy", space.ToString(), folder, "--yes", "-m", "Deploy with hf-spaces"]
                        : [.. tools[t].Command, folder];
                    times[tools[t].Name].Add(await TimeAsync(command, Path.GetDirectoryName(nodeScript)!, emulator.Endpoint, space));
                    trees.Add(await TreeAsync(client, space));
                }
            }

            if (trees.Count != 1)
            {
                throw new InvalidOperationException($"the deploys differ:\n{string.Join("\n---\n", trees)}");
            }

            double Median(string tool) => times[tool].Order().ElementAt(times[tool].Count / 2);
            var theirs = Median(tools[^1].Name);
            var table = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"| 200 files, {bytes / (1024.0 * 1024):0.0} MiB (190 text, 10 binary → LFS), a new Space each run, median of {rounds} | seconds | × huggingface.js's time |")
                .AppendLine("|---|---:|---:|");
            foreach (var (name, _) in tools)
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Median(name):0.00} | {Median(name) / theirs:0.00}× |");
            }

            return table.ToString();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static long WriteFolder(string folder)
    {
        var random = new Random(5);
        long bytes = 0;
        for (var i = 0; i < 200; i++)
        {
            var binary = i % 20 == 19;
            var size = binary ? random.Next(64 << 10, 1 << 20) : random.Next(2 << 10, 30 << 10);
            var content = new byte[size];
            if (binary)
            {
                random.NextBytes(content);
                content[0] = 0;
            }
            else
            {
                for (var b = 0; b < size; b++)
                {
                    content[b] = b % 64 == 63 ? (byte)'\n' : (byte)('a' + random.Next(26));
                }
            }

            var path = Path.Combine(folder, i == 0 ? "app.py" : $"{(binary ? "assets" : "src")}/{i / 40:0}/file{i:000}.{(binary ? "bin" : "py")}");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
            bytes += size;
        }

        return bytes;
    }

    private static async Task<double> TimeAsync(string[] command, string workingDirectory, Uri endpoint, SpaceId space) =>
        (await ChildProcess.RunAsync(command, workingDirectory, new Dictionary<string, string>
        {
            ["HF_ENDPOINT"] = endpoint.ToString().TrimEnd('/'),
            ["HF_TOKEN"] = "hf_bench",
            ["SPACE"] = space.ToString(),
        })).Seconds;

    /// <summary>Path and blob id of every file but the README (each Space writes its own), one per line.</summary>
    private static async Task<string> TreeAsync(HfSpacesClient client, SpaceId space)
    {
        var lines = new List<string>();
        await foreach (var file in client.ListFilesAsync(space, recursive: true))
        {
            if (!file.IsDirectory && file.Path != "README.md")
            {
                lines.Add($"{file.Path} {file.BlobId}");
            }
        }

        return string.Join('\n', lines.Order(StringComparer.Ordinal));
    }

    private static async Task<string> NodeVersionAsync() => (await ChildProcess.RunAsync(["node", "--version"])).Output.Trim();
}
