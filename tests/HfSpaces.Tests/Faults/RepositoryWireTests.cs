using System.Text;

namespace HfSpaces.Tests.Faults;

/// <summary>A Space's files on the wire as a socket sees it: the raw request targets, and a commit's body under retries and faults.</summary>
public sealed class RepositoryWireTests
{
    private const string Committed = """{"commitUrl":"http://x/spaces/alice/chat/commit/9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c","commitOid":"9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c"}""";
    private const string Regular = """{"files":[{"path":"app.py","uploadMode":"regular","shouldIgnore":false}]}""";

    private static HfSpacesClient Client(Uri endpoint, int maxRetries = 0) =>
        new(new HfSpacesClientOptions { Endpoint = endpoint, Token = "hf_repo_wire_0123456789", MaxRetries = maxRetries, RetryDelay = TimeSpan.Zero });

    [Fact]
    public async Task A_folder_and_a_revision_go_as_one_encoded_segment_each_a_download_keeps_its_slashes()
    {
        await using var server = new ScriptedServer((r, s, ct) => r.Path.Contains("/resolve/", StringComparison.Ordinal)
            ? ScriptedServer.Answer(s, 200, "x", ct, "application/octet-stream")
            : ScriptedServer.Answer(s, 200, "[]", ct));
        using var client = Client(server.Endpoint);

        await client.ListFilesAsync("alice/chat", "src/lib", recursive: true, revision: "refs/pr/1").ToListAsync();
        await client.DownloadFileAsync("alice/chat", "src/my app.py", Stream.Null, revision: "refs/pr/1");

        Assert.Equal(
            ["/api/spaces/alice/chat/tree/refs%2Fpr%2F1/src%2Flib?recursive=true", "/spaces/alice/chat/resolve/refs%2Fpr%2F1/src/my%20app.py"],
            server.Requests.Select(r => r.Target));
    }

    [Fact]
    public async Task A_commit_refused_with_429_is_sent_again_with_its_whole_body()
    {
        var commits = 0;
        await using var server = new ScriptedServer((r, s, ct) => r.Path.Contains("/preupload/", StringComparison.Ordinal)
            ? ScriptedServer.Answer(s, 200, Regular, ct)
            : Interlocked.Increment(ref commits) == 1
                ? ScriptedServer.Answer(s, 429, """{"error":"slow down"}""", ct, "application/json", "Retry-After: 0")
                : ScriptedServer.Answer(s, 200, Committed, ct));
        using var client = Client(server.Endpoint, maxRetries: 1);
        var content = Encoding.UTF8.GetBytes(new string('a', 300_000));

        await client.CommitAsync("alice/chat", [SpaceCommitOperation.Add("app.py", content)], "Big file");

        var bodies = server.Requests.Where(r => r.Path.Contains("/commit/", StringComparison.Ordinal)).Select(r => r.BodyText).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.Equal(bodies[0], bodies[1]);
        Assert.Contains(Convert.ToBase64String(content), bodies[1], StringComparison.Ordinal);
        Assert.All(server.Requests.Where(r => r.Path.Contains("/commit/", StringComparison.Ordinal)), r => Assert.Equal("chunked", r.Headers["Transfer-Encoding"]));
    }

    [Fact]
    public async Task A_file_that_changes_while_it_is_sent_fails_the_commit_and_says_nothing_was_committed()
    {
        var reads = 0;
        await using var server = new ScriptedServer((r, s, ct) => r.Path.Contains("/preupload/", StringComparison.Ordinal)
            ? ScriptedServer.Answer(s, 200, Regular, ct)
            : ScriptedServer.Answer(s, 200, Committed, ct));
        using var client = Client(server.Endpoint);

        // Read once for the sample (10 bytes), then it has grown.
        var operation = SpaceCommitOperation.AddFromStream("app.py", 10, () => new MemoryStream(new byte[Interlocked.Increment(ref reads) == 1 ? 10 : 20]));
        var error = await Assert.ThrowsAsync<HfSpacesException>(() => client.CommitAsync("alice/chat", [operation], "x"));

        Assert.Equal("POST /api/spaces/alice/chat/commit/main failed: the request body could not be sent: app.py changed while it was sent: 20 bytes where 10 were read before. Nothing was committed.", error.Message);
        Assert.False(error.IsTransient);
        Assert.DoesNotContain(server.Requests, r => r.Path.Contains("/commit/", StringComparison.Ordinal) && r.BodyText.EndsWith("}}\n", StringComparison.Ordinal));
    }

}
