using System.Security.Cryptography;
using HfSpaces.Emulator.Hosting;
using HfSpaces.Emulator.State;

namespace HfSpaces.Emulator.Tests;

/// <summary>
/// LFS through the SDK on the emulator: binary and large files go through the batch API (basic or multipart) to presigned
/// storage without the token; objects the Hub has are not sent again; faults leave the Space on its old commit or the new
/// one, and running the same commit again finishes it.
/// </summary>
public sealed class LfsOnEmulatorTests : IAsyncLifetime
{
    private HfSpacesEmulator _emulator = null!;
    private HfSpacesClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            Timings = StageTimings.Instant,
            Accounts = new Dictionary<string, string> { ["alice"] = "hf_alice" },
            Spaces = [new SpaceSeed("alice/chat")],
        });
        _client = Client(maxRetries: 2);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task A_binary_file_goes_to_lfs_and_downloads_back_through_the_storage_redirect()
    {
        var model = Binary(300_000, seed: 1);

        var commit = await _client.CommitAsync("alice/chat", [SpaceCommitOperation.Add("model.bin", model)], "Add the model");

        var entry = Assert.Single(await _client.GetPathsInfoAsync("alice/chat", ["model.bin"]));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(model)), entry.Lfs!.Sha256);
        Assert.Equal(300_000, entry.Size);
        Assert.Single(_emulator.Requests, r => r.Method == "PUT" && r.Path.StartsWith("/__storage/lfs/", StringComparison.Ordinal) && r.Status == 200);
        Assert.DoesNotContain(_emulator.Requests, r => r.Path.StartsWith("/__storage/", StringComparison.Ordinal) && r.Account is not null);

        using var downloaded = new MemoryStream();
        var download = await _client.DownloadFileAsync("alice/chat", "model.bin", downloaded);
        Assert.Equal(model, downloaded.ToArray());
        Assert.Equal(commit.Id, download.CommitId);
        await Recorded(r => r.Method == "GET" && r.Path.StartsWith("/__storage/lfs/", StringComparison.Ordinal) && r.Account is null && r.Status == 200);
    }

    [Fact]
    public async Task A_large_object_goes_in_parts_and_an_object_the_hub_has_is_not_sent_again()
    {
        _emulator.Hub.LfsChunkBytes = 64 * 1024;
        var data = Binary(200_000, seed: 2);

        await _client.CommitAsync("alice/chat", [SpaceCommitOperation.Add("data/a.bin", data)], "Add a");
        Assert.Equal(4, _emulator.Requests.Count(r => r.Method == "PUT" && r.Path.Contains("/part/", StringComparison.Ordinal)));
        Assert.Single(_emulator.Requests, r => r.Path.EndsWith("/complete", StringComparison.Ordinal) && r.Status == 200);
        Assert.Equal(data, _emulator.Hub.FileContent("alice/chat", "data/a.bin"));

        _emulator.ClearRequests();
        await _client.CommitAsync("alice/chat", [SpaceCommitOperation.Add("data/copy.bin", data)], "Same bytes elsewhere");
        Assert.DoesNotContain(_emulator.Requests, r => r.Path.StartsWith("/__storage/", StringComparison.Ordinal));
        Assert.Equal(data, _emulator.Hub.FileContent("alice/chat", "data/copy.bin"));
    }

    [Fact]
    public async Task A_part_answered_500_is_sent_again_and_the_commit_lands()
    {
        _emulator.Hub.LfsChunkBytes = 64 * 1024;
        _emulator.AddFault(new FaultRule { Method = "PUT", PathPattern = "/__storage/lfs/.*/part/2", Status = 500, Times = 1 });
        var data = Binary(150_000, seed: 3);

        await _client.CommitAsync("alice/chat", [SpaceCommitOperation.Add("b.bin", data)], "Add b");

        Assert.Equal(2, _emulator.Requests.Count(r => r.Path.EndsWith("/part/2", StringComparison.Ordinal)));
        Assert.Equal(data, _emulator.Hub.FileContent("alice/chat", "b.bin"));
    }

    [Fact]
    public async Task A_connection_cut_mid_upload_leaves_the_old_commit_and_running_again_sends_only_what_is_missing()
    {
        _emulator.Hub.LfsChunkBytes = 64 * 1024;
        var before = _emulator.Hub.HeadCommit("alice/chat");
        var first = Binary(100_000, seed: 4);
        var second = Binary(100_000, seed: 5);
        _emulator.AddFault(new FaultRule { Method = "PUT", PathPattern = $"/__storage/lfs/{Sha(second)}/part/2", Abort = true });
        using var noRetry = Client(maxRetries: 0);
        SpaceCommitOperation[] operations = [SpaceCommitOperation.Add("one.bin", first), SpaceCommitOperation.Add("two.bin", second), SpaceCommitOperation.Add("app.py", "print(2)\n"u8.ToArray())];

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => noRetry.CommitAsync("alice/chat", operations, "Two models"));

        Assert.Null(error.StatusCode);
        Assert.Equal(before, _emulator.Hub.HeadCommit("alice/chat"));
        Assert.Null(_emulator.Hub.FileContent("alice/chat", "one.bin"));

        // The two objects went up side by side: the first may or may not have been stored before the cut. Requests the
        // client gave up on may still be finishing on the server: wait until none is, then ask the store.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (_emulator.RequestsInFlight > 0)
            {
                await Task.Delay(10, timeout.Token);
            }
        }

        var firstStored = _emulator.Hub.HasLfsObject(Sha(first));
        Assert.False(_emulator.Hub.HasLfsObject(Sha(second)));
        _emulator.ClearFaults();
        _emulator.ClearRequests();
        await _client.CommitAsync("alice/chat", operations, "Two models");

        // Sent again only if it was not stored.
        Assert.Equal(!firstStored, _emulator.Requests.Any(r => r.Method == "PUT" && r.Status == 200 && r.Path.StartsWith($"/__storage/lfs/{Sha(first)}", StringComparison.Ordinal)));
        Assert.Contains(_emulator.Requests, r => r.Path.StartsWith($"/__storage/lfs/{Sha(second)}", StringComparison.Ordinal));
        Assert.Equal(second, _emulator.Hub.FileContent("alice/chat", "two.bin"));
        Assert.Equal("RUNNING", _emulator.Hub.StageOf("alice/chat"));
    }

    [Fact]
    public async Task Storage_refuses_a_token_and_a_url_the_batch_api_did_not_sign()
    {
        using var http = new HttpClient { BaseAddress = _emulator.Endpoint };
        var oid = Sha([1, 2, 3]);
        using var unsigned = new HttpRequestMessage(HttpMethod.Put, $"__storage/lfs/{oid}?size=3&sig=00") { Content = new ByteArrayContent([1, 2, 3]) };
        using var withToken = new HttpRequestMessage(HttpMethod.Put, $"__storage/lfs/{oid}?size=3&sig=00") { Content = new ByteArrayContent([1, 2, 3]) };
        withToken.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "hf_alice");

        using var refused = await http.SendAsync(unsigned);
        using var twice = await http.SendAsync(withToken);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("Only one auth mechanism allowed", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The emulator records a request after its answer has left: wait for it rather than race it.</summary>
    private async Task Recorded(Func<RecordedRequest, bool> match)
    {
        for (var i = 0; i < 200 && !_emulator.Requests.Any(match); i++)
        {
            await Task.Delay(10);
        }

        Assert.Contains(_emulator.Requests, r => match(r));
    }

    private HfSpacesClient Client(int maxRetries) =>
        new(new HfSpacesClientOptions { Endpoint = _emulator.Endpoint, Token = "hf_alice", UseImplicitToken = false, MaxRetries = maxRetries, RetryDelay = TimeSpan.Zero });

    /// <summary>Bytes with a NUL in the first 512 (the Hub sends binary files to LFS whatever their size).</summary>
    private static byte[] Binary(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0;
        return bytes;
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
