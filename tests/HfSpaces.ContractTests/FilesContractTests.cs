using System.Net;
using System.Text.Json;
using System.Text;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HfSpaces.ContractTests;

/// <summary>A Space's files: the exact requests (paths, form and NDJSON bodies, headers) and the Hub's answers read (docs/hub-wire.md "A Space's files").</summary>
public sealed class FilesContractTests(HubServer hub) : ContractTest(hub)
{
    /// <summary>Tree entries in the shapes the Hub answers: a folder, a regular file, an LFS file.</summary>
    private const string Tree = """
        [{"type":"directory","oid":"3f7c1a2b4d5e6f708192a3b4c5d6e7f801234567","size":0,"path":"src"},
         {"type":"file","oid":"d2c3a1b0e9f8d7c6b5a4f3e2d1c0b9a8f7e6d5c4","size":1204,"path":"app.py"},
         {"type":"file","oid":"aa11bb22cc33dd44ee55ff66aa77bb88cc99dd00","size":52428800,"lfs":{"oid":"4d7a9c3e0f1b8a5c6d2e9f7a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c","size":52428800,"pointerSize":134},"path":"model.bin","xetHash":"abc"}]
        """;

    [Fact]
    public async Task ListFiles_reads_folders_files_and_lfs_entries()
    {
        Hub.Reply("GET", "/api/spaces/alice/chat/tree/main", 200, Tree);

        var files = await Client.ListFilesAsync("alice/chat").ToListAsync();

        RequestAssert.Sent(Hub.SingleRequest(), "GET", "/api/spaces/alice/chat/tree/main");
        RequestAssert.Authorized(Hub.SingleRequest());
        Assert.Equal(
            [
                new SpaceFileInfo { Path = "src", IsDirectory = true, BlobId = "3f7c1a2b4d5e6f708192a3b4c5d6e7f801234567" },
                new SpaceFileInfo { Path = "app.py", Size = 1204, BlobId = "d2c3a1b0e9f8d7c6b5a4f3e2d1c0b9a8f7e6d5c4" },
                new SpaceFileInfo
                {
                    Path = "model.bin",
                    Size = 52428800,
                    BlobId = "aa11bb22cc33dd44ee55ff66aa77bb88cc99dd00",
                    Lfs = new SpaceLfsInfo { Sha256 = "4d7a9c3e0f1b8a5c6d2e9f7a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c", Size = 52428800, PointerSize = 134 },
                },
            ],
            files);
    }

    [Fact]
    public async Task ListFiles_of_a_folder_at_a_revision_follows_the_pages()
    {
        // WireMock matches the decoded path; the raw target (one encoded segment each) is pinned by RepositoryWireTests.
        var first = $"{Hub.Url}api/spaces/alice/chat/tree/refs%2Fpr%2F1/src%2Flib?recursive=true&cursor=2";
        Hub.Server.Given(Request.Create().WithPath("/api/spaces/alice/chat/tree/refs/pr/1/src/lib").WithParam("cursor", WireMock.Matchers.MatchBehaviour.RejectOnMatch).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithHeader("Link", $"<{first}>; rel=\"next\"")
                .WithBody("""[{"type":"file","oid":"d2c3a1b0e9f8d7c6b5a4f3e2d1c0b9a8f7e6d5c4","size":3,"path":"src/lib/a.py"}]"""));
        Hub.Server.Given(Request.Create().WithPath("/api/spaces/alice/chat/tree/refs/pr/1/src/lib").WithParam("cursor", "2").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""[{"type":"file","oid":"e2c3a1b0e9f8d7c6b5a4f3e2d1c0b9a8f7e6d5c4","size":4,"path":"src/lib/b.py"}]"""));

        var files = await Client.ListFilesAsync("alice/chat", "src/lib", recursive: true, revision: "refs/pr/1").Select(f => f.Path).ToListAsync();

        Assert.Equal(["src/lib/a.py", "src/lib/b.py"], files);
        var requests = Hub.Requests();
        Assert.Equal("recursive=true", requests[0].RawQuery?.TrimStart('?'));
        Assert.Equal("cursor=2&recursive=true", string.Join('&', requests[1].Query!.OrderBy(q => q.Key).Select(q => $"{q.Key}={q.Value.Single()}")));
    }

    [Fact]
    public async Task A_tree_entry_of_an_unknown_type_is_a_typed_unreadable_answer()
    {
        Hub.Reply("GET", "/api/spaces/alice/chat/tree/main", 200, """[{"type":"symlink","oid":"x","path":"a"}]""");

        var error = await Assert.ThrowsAsync<HfSpacesException>(async () => await Client.ListFilesAsync("alice/chat").ToListAsync());

        Assert.Equal("GET /api/spaces/alice/chat/tree/main answered 200 with a body this SDK cannot read: tree entry 'a' has type 'symlink', not file or directory.", error.Message);
    }

    [Fact]
    public async Task PathsInfo_posts_one_form_field_per_path()
    {
        Hub.Reply("POST", "/api/spaces/alice/chat/paths-info/main", 200, """[{"type":"file","oid":"d2c3a1b0e9f8d7c6b5a4f3e2d1c0b9a8f7e6d5c4","size":1204,"path":"app.py"}]""");

        var info = await Client.GetPathsInfoAsync("alice/chat", ["app.py", "src/missing.py"]);

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "POST", "/api/spaces/alice/chat/paths-info/main");
        Assert.Equal("application/x-www-form-urlencoded", RequestAssert.Header(request, "Content-Type"));
        Assert.Equal("paths=app.py&paths=src%2Fmissing.py", request.Body);
        Assert.Equal("app.py", Assert.Single(info).Path);
    }

    [Fact]
    public async Task Download_keeps_the_paths_slashes_and_reads_the_commit_and_etag()
    {
        Hub.Server.Given(Request.Create().WithPath("/spaces/alice/chat/resolve/main/src/my app.py").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/octet-stream")
                .WithHeader("X-Repo-Commit", "9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c").WithHeader("ETag", "\"d2c3a1b0\"").WithBody("print('hi')\n"));
        using var destination = new MemoryStream();

        var download = await Client.DownloadFileAsync("alice/chat", "src/my app.py", destination);

        Assert.Equal("print('hi')\n", Encoding.UTF8.GetString(destination.ToArray()));
        Assert.Equal(new SpaceFileDownload { CommitId = "9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c", ETag = "d2c3a1b0", Length = 12 }, download);
    }

    [Fact]
    public async Task Download_folder_pins_the_commit_then_writes_each_file_of_its_tree()
    {
        const string Sha = "9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c";
        Hub.Reply("GET", "/api/spaces/alice/chat/revision/main", 200, $$"""{"_id":"x","id":"alice/chat","sha":"{{Sha}}"}""");
        Hub.Reply("GET", $"/api/spaces/alice/chat/tree/{Sha}", 200, """
            [{"type":"file","oid":"d2c3a1b0e9f8d7c6b5a4f3e2d1c0b9a8f7e6d5c4","size":12,"path":"app.py"},
             {"type":"directory","oid":"3f7c1a2b4d5e6f708192a3b4c5d6e7f801234567","size":0,"path":"src"},
             {"type":"file","oid":"aa11bb22cc33dd44ee55ff66aa77bb88cc99dd00","size":3,"path":"src/util.py"}]
            """);
        Hub.Server.Given(Request.Create().WithPath($"/spaces/alice/chat/resolve/{Sha}/app.py").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("print('hi')\n"));
        Hub.Server.Given(Request.Create().WithPath($"/spaces/alice/chat/resolve/{Sha}/src/util.py").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("x=1"));
        var folder = Directory.CreateTempSubdirectory("hfspaces-snapshot-").FullName;
        try
        {
            var reported = new List<SpaceTransferProgress>();
            var done = await Client.DownloadFolderAsync("alice/chat", folder, progress: new Recorder<SpaceTransferProgress>(reported));

            Assert.Equal(new SpaceFolderDownload { CommitId = Sha, Folder = folder, Files = 2, Bytes = 15 }, done);
            Assert.Equal("print('hi')\n", File.ReadAllText(Path.Combine(folder, "app.py")));
            Assert.Equal("x=1", File.ReadAllText(Path.Combine(folder, "src", "util.py")));
            Assert.Equal(["app.py", "src/util.py"], Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
            Assert.Contains(Hub.Requests(), r => r.Path == $"/api/spaces/alice/chat/tree/{Sha}" && r.RawQuery?.TrimStart('?') == "recursive=true");
            Assert.Equal(
                [("app.py", 12L, 12L), ("src/util.py", 3L, 3L)],
                reported.Where(p => p.Phase == SpaceTransferPhase.Downloading).GroupBy(p => p.Path).Select(g => (g.Key, g.Last().Bytes, g.Last().TotalBytes)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("../outside.py", "has an empty, '.' or '..' segment")]
    [InlineData("/etc/cron.d/x", "is not a relative, /-separated path")]
    [InlineData(".git/hooks/post-checkout", "is inside .git/")]
    public async Task A_tree_path_that_would_land_outside_the_folder_is_refused_before_anything_is_written(string path, string rule)
    {
        const string Sha = "9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c";
        Hub.Reply("GET", "/api/spaces/alice/chat/revision/main", 200, $$"""{"_id":"x","id":"alice/chat","sha":"{{Sha}}"}""");
        Hub.Reply("GET", $"/api/spaces/alice/chat/tree/{Sha}", 200, $$"""[{"type":"file","oid":"d2c3a1b0e9f8d7c6b5a4f3e2d1c0b9a8f7e6d5c4","size":1,"path":"app.py"},{"type":"file","oid":"d2c3a1b0e9f8d7c6b5a4f3e2d1c0b9a8f7e6d5c4","size":1,"path":"{{path}}"}]""");
        var parent = Directory.CreateTempSubdirectory("hfspaces-snapshot-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<HfSpacesException>(() => Client.DownloadFolderAsync("alice/chat", Path.Combine(parent, "space")));

            Assert.Contains($"a tree entry is not a repository path: '{path}' {rule}", error.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(parent));
            Assert.DoesNotContain(Hub.Requests(), r => r.Path.Contains("/resolve/", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public async Task A_file_shorter_than_its_tree_entry_is_not_written()
    {
        const string Sha = "9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c";
        Hub.Reply("GET", "/api/spaces/alice/chat/revision/main", 200, $$"""{"_id":"x","id":"alice/chat","sha":"{{Sha}}"}""");
        Hub.Reply("GET", $"/api/spaces/alice/chat/tree/{Sha}", 200, """[{"type":"file","oid":"d2c3a1b0e9f8d7c6b5a4f3e2d1c0b9a8f7e6d5c4","size":100,"path":"app.py"}]""");
        Hub.Server.Given(Request.Create().WithPath($"/spaces/alice/chat/resolve/{Sha}/app.py").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("cut"));
        var folder = Directory.CreateTempSubdirectory("hfspaces-snapshot-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<HfSpacesException>(() => Client.DownloadFolderAsync("alice/chat", folder));

            Assert.Equal($"GET /spaces/alice/chat/resolve/{Sha}/app.py sent 3 bytes where the Space's tree lists 100: the file was not written.", error.Message);
            Assert.False(error.IsTransient);
            Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Commit_asks_for_upload_modes_then_streams_the_ndjson_lines()
    {
        Hub.Reply("POST", "/api/spaces/alice/chat/preupload/main", 200, """{"files":[{"path":"app.py","uploadMode":"regular","shouldIgnore":false},{"path":"notes/a \"b\".txt","uploadMode":"regular","shouldIgnore":false}]}""");
        Hub.Reply("POST", "/api/spaces/alice/chat/commit/main", 200, """{"commitUrl":"https://huggingface.co/spaces/alice/chat/commit/9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c","commitOid":"9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c"}""");

        var commit = await Client.CommitAsync(
            "alice/chat",
            [
                SpaceCommitOperation.Add("app.py", "import gradio\n"u8.ToArray()),
                SpaceCommitOperation.Add("notes/a \"b\".txt", new byte[] { 0xff, 0x00, 0x01, 0x02 }),
                SpaceCommitOperation.Delete("old.py"),
                SpaceCommitOperation.DeleteFolder("assets"),
            ],
            "Update the app",
            new SpaceCommitOptions { Description = "two files", ParentCommit = "1111111111111111111111111111111111111111" });

        var requests = Hub.Requests();
        Assert.Equal(2, requests.Count);
        RequestAssert.Sent(requests[0], "POST", "/api/spaces/alice/chat/preupload/main");
        RequestAssert.JsonBody(requests[0], """{"files":[{"path":"app.py","sample":"aW1wb3J0IGdyYWRpbwo=","size":14},{"path":"notes/a \"b\".txt","sample":"/wABAg==","size":4}]}""");
        RequestAssert.Sent(requests[1], "POST", "/api/spaces/alice/chat/commit/main");
        RequestAssert.Authorized(requests[1]);
        Assert.Equal("application/x-ndjson", RequestAssert.Header(requests[1], "Content-Type"));
        Assert.Equal(
            """
            {"key":"header","value":{"summary":"Update the app","description":"two files","parentCommit":"1111111111111111111111111111111111111111"}}
            {"key":"file","value":{"path":"app.py","content":"aW1wb3J0IGdyYWRpbwo=","encoding":"base64"}}
            {"key":"file","value":{"path":"notes/a \u0022b\u0022.txt","content":"/wABAg==","encoding":"base64"}}
            {"key":"deletedFile","value":{"path":"old.py"}}
            {"key":"deletedFolder","value":{"path":"assets/"}}

            """.ReplaceLineEndings("\n"),
            requests[1].Body);
        Assert.Equal(new SpaceCommit { Id = "9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c", Url = new Uri("https://huggingface.co/spaces/alice/chat/commit/9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c") }, commit);
    }

    [Fact]
    public async Task A_file_the_hub_ignores_is_left_out_and_one_its_answer_omits_goes_as_a_regular_file()
    {
        Hub.Reply("POST", "/api/spaces/alice/chat/preupload/main", 200, """{"files":[{"path":"cache.pyc","uploadMode":"regular","shouldIgnore":true}]}""");
        Hub.Reply("POST", "/api/spaces/alice/chat/commit/main", 200, """{"commitUrl":"https://huggingface.co/spaces/alice/chat/commit/9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c","commitOid":"9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c"}""");

        await Client.CommitAsync("alice/chat", [SpaceCommitOperation.Add("cache.pyc", [1]), SpaceCommitOperation.Add("app.py", "x"u8.ToArray())], "Add");

        var lines = Hub.Requests()[1].Body!.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("""{"key":"file","value":{"path":"app.py","content":"eA==","encoding":"base64"}}""", lines[1]);
    }

    [Fact]
    public async Task A_pull_request_commit_says_so_in_the_query_and_returns_its_url()
    {
        Hub.Reply("POST", "/api/spaces/alice/chat/commit/main", 200, """{"commitUrl":"https://huggingface.co/spaces/alice/chat/commit/9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c","commitOid":"9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c","pullRequestUrl":"https://huggingface.co/spaces/alice/chat/discussions/3"}""");

        var commit = await Client.CommitAsync("alice/chat", [SpaceCommitOperation.Delete("old.py")], "Remove old.py", new SpaceCommitOptions { CreatePullRequest = true });

        RequestAssert.Sent(Hub.SingleRequest(), "POST", "/api/spaces/alice/chat/commit/main", "create_pr=1");
        Assert.Equal(new Uri("https://huggingface.co/spaces/alice/chat/discussions/3"), commit.PullRequestUrl);
    }

    [Fact]
    public async Task A_hot_reload_commit_says_so_in_the_query()
    {
        Hub.Reply("POST", "/api/spaces/alice/chat/commit/main", 200, """{"commitUrl":"https://huggingface.co/spaces/alice/chat/commit/9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c","commitOid":"9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c"}""");

        await Client.CommitAsync("alice/chat", [SpaceCommitOperation.Delete("old.py")], "Remove old.py", new SpaceCommitOptions { HotReload = true });

        RequestAssert.Sent(Hub.SingleRequest(), "POST", "/api/spaces/alice/chat/commit/main", "hot_reload=1");
    }

    [Fact]
    public async Task A_commit_that_writes_gitignore_sends_its_text_with_every_preupload_batch()
    {
        var files = Enumerable.Range(0, 257).Select(i => SpaceCommitOperation.Add($"f{i:000}.txt", "x"u8.ToArray())).Prepend(SpaceCommitOperation.Add(".gitignore", "*.pyc\n# cache\n"u8.ToArray())).ToList();
        Hub.Reply("POST", "/api/spaces/alice/chat/preupload/main", 200, """{"files":[]}""");
        Hub.Reply("POST", "/api/spaces/alice/chat/commit/main", 200, """{"commitUrl":"https://huggingface.co/spaces/alice/chat/commit/9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c","commitOid":"9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c"}""");

        await Client.CommitAsync("alice/chat", files, "Many files");

        var preuploads = Hub.Requests().Where(r => r.Path.Contains("/preupload/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, preuploads.Count);
        Assert.All(preuploads, r => Assert.Equal("*.pyc\n# cache\n", JsonDocument.Parse(r.Body!).RootElement.GetProperty("gitIgnore").GetString()));
    }

    [Fact]
    public async Task A_gitignore_over_a_mebibyte_is_refused_before_anything_is_sent()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.CommitAsync("alice/chat", [SpaceCommitOperation.Add(".gitignore", new byte[(1024 * 1024) + 1])], "Huge rules"));

        Assert.Equal("The commit's .gitignore is 1048577 bytes; its text is sent inside the preupload request, and HfSpaces sends at most 1048576 bytes of it. (Parameter 'operations')", error.Message);
        Assert.Empty(Hub.Requests());
    }

    [Fact]
    public async Task A_commit_without_gitignore_sends_no_gitignore_field()
    {
        Hub.Reply("POST", "/api/spaces/alice/chat/preupload/main", 200, """{"files":[]}""");
        Hub.Reply("POST", "/api/spaces/alice/chat/commit/main", 200, """{"commitUrl":"https://huggingface.co/spaces/alice/chat/commit/9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c","commitOid":"9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c"}""");

        await Client.CommitAsync("alice/chat", [SpaceCommitOperation.Add("src/.gitignore", "x"u8.ToArray())], "Nested rules");

        Assert.False(JsonDocument.Parse(Hub.Requests()[0].Body!).RootElement.TryGetProperty("gitIgnore", out _));
    }

    [Fact]
    public async Task A_stale_parent_is_a_conflict_that_names_the_new_head()
    {
        Hub.Reply("POST", "/api/spaces/alice/chat/commit/main", 412, """{"error":"A commit has happened since. Please refresh and try again."}""");
        Hub.Reply("GET", "/api/spaces/alice/chat/revision/main", 200, """{"_id":"x","id":"alice/chat","sha":"2222222222222222222222222222222222222222"}""");

        var error = await Assert.ThrowsAsync<HfSpacesConflictException>(() => Client.CommitAsync(
            "alice/chat", [SpaceCommitOperation.Delete("old.py")], "Remove", new SpaceCommitOptions { ParentCommit = "1111111111111111111111111111111111111111" }));

        Assert.Equal(HttpStatusCode.PreconditionFailed, error.StatusCode);
        Assert.Equal("2222222222222222222222222222222222222222", error.CurrentCommit);
        Assert.Equal("POST /api/spaces/alice/chat/commit/main answered 412 Precondition Failed: A commit has happened since. Please refresh and try again. The commit was based on 1111111111111111111111111111111111111111, but the branch is at 2222222222222222222222222222222222222222 now: someone else committed first; nothing was changed. Read the files again and commit on top of 2222222222222222222222222222222222222222.", error.Message);
        RequestAssert.Sent(Hub.Requests()[1], "GET", "/api/spaces/alice/chat/revision/main", "expand=sha");
    }

    [Fact]
    public async Task A_commit_answered_503_is_not_sent_again()
    {
        using var client = Hub.CreateClient(maxRetries: 3);
        Hub.Reply("POST", "/api/spaces/alice/chat/commit/main", 503, """{"error":"busy"}""");

        await Assert.ThrowsAsync<HfSpacesException>(() => client.CommitAsync("alice/chat", [SpaceCommitOperation.Delete("a")], "x"));

        Assert.Single(Hub.Requests());
    }

    [Theory]
    [InlineData("/etc/passwd", "Invalid repository path: '/etc/passwd' is not a relative, /-separated path without control characters.")]
    [InlineData("a/../b", "Invalid repository path: 'a/../b' has an empty, '.' or '..' segment.")]
    [InlineData(".git/config", "Invalid repository path: '.git/config' is inside .git/, which the Hub refuses.")]
    [InlineData("a\\b", "Invalid repository path: 'a\\b' is not a relative, /-separated path without control characters.")]
    public async Task A_bad_path_is_refused_before_anything_is_sent(string path, string message)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.CommitAsync("alice/chat", [SpaceCommitOperation.Add(path, [1])], "x"));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(Hub.Requests());
    }

    [Fact]
    public async Task The_same_path_twice_is_refused_before_anything_is_sent()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.CommitAsync("alice/chat", [SpaceCommitOperation.Add("a.py", [1]), SpaceCommitOperation.Delete("a.py")], "x"));

        Assert.StartsWith("The commit names a.py more than once.", error.Message, StringComparison.Ordinal);
        Assert.Empty(Hub.Requests());
    }

    /// <summary>Keeps each report as it is made (<see cref="Progress{T}"/> would post it later).</summary>
    private sealed class Recorder<T>(List<T> reports) : IProgress<T>
    {
        public void Report(T value) => reports.Add(value);
    }
}
