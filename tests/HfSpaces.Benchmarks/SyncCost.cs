using System.Globalization;
using System.Text;
using HfSpaces.Emulator;
using HfSpaces.Emulator.State;

namespace HfSpaces.Benchmarks;

/// <summary>
/// What a sync sends when one file of a 500-file, 50 MB Space changes: requests and bytes, counted by the emulator (not
/// timed). The floor is the changed file itself: base64 in the commit costs 4/3 of it, plus the commit's header line.
/// </summary>
internal static class SyncCost
{
    public static async Task<string> TableAsync()
    {
        var folder = Directory.CreateTempSubdirectory("hfspaces-sync-bench-").FullName;
        try
        {
            await using var emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
            {
                Timings = StageTimings.Instant,
                Accounts = new Dictionary<string, string> { ["alice"] = "hf_bench" },
                Spaces = [new SpaceSeed("alice/chat")],
            });
            using var client = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = emulator.Endpoint, Token = "hf_bench", UseImplicitToken = false });
            var random = new Random(11);
            for (var i = 0; i < 500; i++)
            {
                // 100 KB of text each (regular files: under the Hub's LFS threshold, no NUL byte).
                var text = new StringBuilder(100_000);
                while (text.Length < 100_000)
                {
                    text.Append(random.Next().ToString("x8", CultureInfo.InvariantCulture)).Append('\n');
                }

                var path = Path.Combine(folder, $"data/{i / 50:00}/file{i:000}.txt");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text.ToString());
            }

            File.WriteAllText(Path.Combine(folder, "app.py"), "import gradio as gr\n");
            await client.SyncFolderAsync("alice/chat", folder);

            var changed = Path.Combine(folder, "data/07/file370.txt");
            File.AppendAllText(changed, "one more line\n");
            var size = new FileInfo(changed).Length;
            emulator.ClearRequests();
            var result = await client.SyncFolderAsync("alice/chat", folder);
            var requests = emulator.Requests;
            var sent = requests.Sum(r => r.BodyBytes);
            var commit = requests.Single(r => r.Path.EndsWith("/commit/main", StringComparison.Ordinal));
            var header = commit.Body.Split('\n')[0].Length + 1;
            var table = new StringBuilder()
                .AppendLine("| one changed file in a 500-file, 50 MB Space | value |")
                .AppendLine("|---|---|")
                .AppendLine(CultureInfo.InvariantCulture, $"| files committed | {result.Plan.Changes.Count} (of {result.Plan.Changes.Count + result.Plan.Unchanged}) |")
                .AppendLine(CultureInfo.InvariantCulture, $"| requests | {requests.Count} ({string.Join(", ", requests.Select(r => r.Method + " " + r.Path.Split('/')[^2]))}) |")
                .AppendLine(CultureInfo.InvariantCulture, $"| request bytes sent, all requests | {sent:N0} |")
                .AppendLine(CultureInfo.InvariantCulture, $"| the file, and its base64 + the commit header (the floor) | {size:N0}, {((size + 2) / 3 * 4) + header:N0} |")
                .AppendLine(CultureInfo.InvariantCulture, $"| sent ÷ floor | {(double)sent / (((size + 2) / 3 * 4) + header):0.00}× |");
            return table.ToString();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
