using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HfSpaces.Emulator.State;
using Microsoft.Extensions.Time.Testing;

namespace HfSpaces.Emulator.Tests;

/// <summary>
/// The emulator's repository against the Hub's file API as docs/hub-wire.md describes it, with a bare HttpClient and
/// git's own object ids computed here (not by the SDK or the emulator): tree, paths-info, resolve, preupload, the NDJSON
/// commit (atomic, a stale parent refused), rebuilds and NO_APP_FILE.
/// </summary>
public sealed class RepositoryShapeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2025-03-07T12:24:18.657Z", System.Globalization.CultureInfo.InvariantCulture));
    private HfSpacesEmulator _emulator = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            TimeProvider = _clock,
            Timings = new StageTimings(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)),
            Accounts = new Dictionary<string, string> { ["user"] = "hf_user" },
        });
        _http = new HttpClient { BaseAddress = _emulator.Endpoint };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "hf_user");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task A_new_space_holds_a_readme_with_its_sdk_and_ends_no_app_file()
    {
        await Create("chat", "gradio");

        var readme = await _http.GetByteArrayAsync("spaces/user/chat/resolve/main/README.md");
        var text = Encoding.UTF8.GetString(readme);
        Assert.StartsWith("---\ntitle: chat\n", text, StringComparison.Ordinal);
        Assert.Contains("\nsdk: gradio\napp_file: app.py\n", text, StringComparison.Ordinal);
        Assert.Equal($$"""[{"type":"file","oid":"{{BlobId(readme)}}","size":{{readme.Length}},"path":"README.md"}]""", await Get("api/spaces/user/chat/tree/main"));

        Assert.Equal("BUILDING", await Stage("chat"));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("NO_APP_FILE", await Stage("chat"));
    }

    [Fact]
    public async Task A_commit_adds_files_in_folders_rebuilds_and_the_tree_shows_git_ids()
    {
        await Create("chat", "gradio");
        var app = "import gradio as gr\n"u8.ToArray();
        var util = "x = 1\n"u8.ToArray();
        var answer = await Commit("chat", Header("Add the app"), FileLine("app.py", app), FileLine("src/lib/util.py", util));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        var id = json.GetProperty("commitOid").GetString()!;
        Assert.Matches("^[0-9a-f]{40}$", id);
        Assert.Equal(new Uri(_emulator.Endpoint, $"spaces/user/chat/commit/{id}").ToString(), json.GetProperty("commitUrl").GetString());
        Assert.Equal("BUILDING", await Stage("chat"));

        var tree = JsonDocument.Parse(await Get("api/spaces/user/chat/tree/main?recursive=true")).RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("type").GetString(), e.GetProperty("path").GetString(), e.GetProperty("oid").GetString())).ToList();
        var utilTree = TreeId(("util.py", false, BlobId(util)));
        var libTree = TreeId(("lib", true, utilTree));
        Assert.Equal(
            [("file", "README.md", tree[0].Item3), ("file", "app.py", BlobId(app)), ("directory", "src", libTree), ("directory", "src/lib", utilTree), ("file", "src/lib/util.py", BlobId(util))],
            tree);
        Assert.Equal($$"""[{"type":"file","oid":"{{BlobId(util)}}","size":6,"path":"src/lib/util.py"}]""", await Get("api/spaces/user/chat/tree/main/src%2Flib"));
        Assert.Equal($$"""[{"type":"file","oid":"{{BlobId(util)}}","size":6,"path":"src/lib/util.py"}]""", await Get("api/spaces/user/chat/tree/main/src/lib"));

        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal("RUNNING", await Stage("chat"));
        Assert.Contains(id, await Get("api/spaces/user/chat/revision/main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_during_a_build_starts_a_new_build_from_its_files()
    {
        await Create("chat", "gradio");
        _clock.Advance(TimeSpan.FromSeconds(5)); // the README-only build is half done

        await Commit("chat", Header("Add the app"), FileLine("app.py", [1]));
        Assert.Equal("BUILDING", await Stage("chat"));
        _clock.Advance(TimeSpan.FromSeconds(5)); // when the first build would have ended
        Assert.Equal("BUILDING", await Stage("chat"));
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("RUNNING", await Stage("chat"));
    }

    [Fact]
    public async Task Paths_info_reads_a_form_and_answers_only_what_exists()
    {
        await Create("chat", "gradio");
        await Commit("chat", Header("Add"), FileLine("src/a.py", [1, 2]));

        using var form = new FormUrlEncodedContent([new("paths", "src/a.py"), new("paths", "missing.py"), new("paths", "src")]);
        var answer = await _http.PostAsync("api/spaces/user/chat/paths-info/main", form);

        var entries = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(e => $"{e.GetProperty("type").GetString()} {e.GetProperty("path").GetString()}").ToList();
        Assert.Equal(["file src/a.py", "directory src"], entries);
    }

    [Fact]
    public async Task Resolve_serves_the_bytes_with_the_commit_and_etag_by_raw_or_encoded_path()
    {
        await Create("chat", "gradio");
        var content = new byte[] { 0, 1, 2, 255 };
        await Commit("chat", Header("Add"), FileLine("data/raw bytes.bin", content));
        var head = _emulator.Hub.HeadCommit("user/chat");

        foreach (var url in new[] { "spaces/user/chat/resolve/main/data/raw%20bytes.bin", "spaces/user/chat/resolve/main/data%2Fraw%20bytes.bin", $"spaces/user/chat/resolve/{head}/data/raw%20bytes.bin" })
        {
            using var response = await _http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(head, response.Headers.GetValues("X-Repo-Commit").Single());
            Assert.Equal($"\"{BlobId(content)}\"", response.Headers.ETag?.Tag);
        }

        using var missing = await _http.GetAsync("spaces/user/chat/resolve/main/nope.txt");
        Assert.Equal((HttpStatusCode.NotFound, "EntryNotFound"), (missing.StatusCode, missing.Headers.GetValues("X-Error-Code").Single()));
        using var revision = await _http.GetAsync("spaces/user/chat/resolve/v9/README.md");
        Assert.Equal((HttpStatusCode.NotFound, "RevisionNotFound"), (revision.StatusCode, revision.Headers.GetValues("X-Error-Code").Single()));
    }

    [Fact]
    public async Task A_commit_is_all_or_nothing_and_a_stale_parent_is_refused_with_412()
    {
        await Create("chat", "gradio");
        var before = _emulator.Hub.HeadCommit("user/chat");

        using var missing = await Commit("chat", Header("Half"), FileLine("app.py", [1]), """{"key":"deletedFile","value":{"path":"nope.py"}}""");
        Assert.Equal((HttpStatusCode.NotFound, "EntryNotFound"), (missing.StatusCode, missing.Headers.GetValues("X-Error-Code").Single()));
        Assert.Equal(before, _emulator.Hub.HeadCommit("user/chat"));
        Assert.Null(_emulator.Hub.FileContent("user/chat", "app.py"));

        using var first = await Commit("chat", Header("One", parent: before), FileLine("app.py", [1]));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var after = _emulator.Hub.HeadCommit("user/chat");
        using var stale = await Commit("chat", Header("Two", parent: before), FileLine("app.py", [2]));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("""{"error":"A commit has happened since. Please refresh and try again."}""", await stale.Content.ReadAsStringAsync());
        Assert.Equal(after, _emulator.Hub.HeadCommit("user/chat"));
        Assert.Equal([1], _emulator.Hub.FileContent("user/chat", "app.py"));
    }

    [Theory]
    [InlineData("""{"key":"file","value":{"path":"../x","content":"AQ==","encoding":"base64"}}""", "Line 2: invalid path: '../x' has an empty, '.' or '..' segment")]
    [InlineData("""{"key":"file","value":{"path":".git/config","content":"AQ==","encoding":"base64"}}""", "Line 2: invalid path: '.git/config' is inside .git/")]
    [InlineData("""{"key":"file","value":{"path":"a","content":"not base64!","encoding":"base64"}}""", "Line 2: the content of a is not valid base64")]
    [InlineData("""{"key":"lfsFile","value":{"path":"a","algo":"sha256","oid":"0000000000000000000000000000000000000000000000000000000000000000","size":3}}""", "LFS object 0000000000000000000000000000000000000000000000000000000000000000 (a) was not uploaded with size 3: upload it through the LFS batch API first")]
    [InlineData("not json", "Line 2 of the commit is not JSON")]
    public async Task A_commit_line_that_breaks_a_rule_is_a_400_naming_it(string line, string message)
    {
        await Create("chat", "gradio");

        using var answer = await Commit("chat", Header("Bad"), line);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.StartsWith($$"""{"error":"{{message}}""", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tree_pages_follow_the_link_header()
    {
        _emulator.Hub.TreePageSize = 2;
        await Create("chat", "gradio");
        await Commit("chat", Header("Add"), FileLine("a.py", [1]), FileLine("b.py", [2]), FileLine("c.py", [3]));

        using var first = await _http.GetAsync("api/spaces/user/chat/tree/main");
        var link = first.Headers.GetValues("Link").Single();
        Assert.Equal($"<{_emulator.Endpoint}api/spaces/user/chat/tree/main?cursor=2>; rel=\"next\"", link);
        var second = await Get(link[1..link.IndexOf('>')]);

        Assert.Equal(["README.md", "a.py"], JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(e => e.GetProperty("path").GetString()));
        Assert.Equal(["b.py", "c.py"], JsonDocument.Parse(second).RootElement.EnumerateArray().Select(e => e.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task Preupload_sends_large_or_binary_files_to_lfs()
    {
        await Create("chat", "gradio");
        var sample = Convert.ToBase64String("text"u8.ToArray());
        var binary = Convert.ToBase64String(new byte[] { 0x89, 0x50, 0x4e, 0x47, 0x00 });
        var body = $$"""{"files":[{"path":"app.py","sample":"{{sample}}","size":4},{"path":"logo.png","sample":"{{binary}}","size":5},{"path":"big.txt","sample":"{{sample}}","size":10485760}]}""";

        var answer = await Post("api/spaces/user/chat/preupload/main", body);

        Assert.Equal(
            """{"files":[{"path":"app.py","uploadMode":"regular","shouldIgnore":false},{"path":"logo.png","uploadMode":"lfs","shouldIgnore":false},{"path":"big.txt","uploadMode":"lfs","shouldIgnore":false}]}""",
            await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Preupload_applies_the_gitignore_sent_along_or_else_the_revisions()
    {
        await Create("chat", "gradio");
        await Commit("chat", Header("Rules"), FileLine(".gitignore", "# built\n*.pyc\n!keep.pyc\nbuild/\n/top.txt\ndocs/**/*.tmp\n"u8.ToArray()));
        string[] paths = ["app.py", "a.pyc", "sub/b.pyc", "keep.pyc", "build/x.txt", "src/build/y.txt", "top.txt", "sub/top.txt", "docs/a/b/c.tmp", "docs/c.tmp", "build.txt"];

        Assert.Equal(["a.pyc", "sub/b.pyc", "build/x.txt", "src/build/y.txt", "top.txt", "docs/a/b/c.tmp", "docs/c.tmp"], await Ignored(paths, gitIgnore: null));
        Assert.Equal(["app.py"], await Ignored(paths, gitIgnore: "*.py\n"));

        async Task<List<string>> Ignored(string[] files, string? gitIgnore)
        {
            var body = new System.Text.Json.Nodes.JsonObject { ["files"] = new System.Text.Json.Nodes.JsonArray([.. files.Select(f => new System.Text.Json.Nodes.JsonObject { ["path"] = f, ["sample"] = "eA==", ["size"] = 1 })]) };
            if (gitIgnore is not null)
            {
                body["gitIgnore"] = gitIgnore;
            }

            using var answer = await Post("api/spaces/user/chat/preupload/main", body.ToJsonString());
            return [.. JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("files").EnumerateArray()
                .Where(f => f.GetProperty("shouldIgnore").GetBoolean()).Select(f => f.GetProperty("path").GetString()!)];
        }
    }

    [Fact]
    public async Task A_hot_reload_commit_of_python_files_keeps_a_running_gradio_space_running()
    {
        await Create("chat", "gradio");
        await Commit("chat", Header("Add the app"), FileLine("app.py", "v1"u8.ToArray()));
        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal("RUNNING", await Stage("chat"));

        using var answer = await CommitWithQuery("chat", "?hot_reload=1", Header("Reload"), FileLine("app.py", "v2"u8.ToArray()), FileLine("lib/util.py", "x"u8.ToArray()));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var id = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("commitOid").GetString()!;
        var runtime = await Get("api/spaces/user/chat/runtime");
        Assert.Equal("RUNNING", JsonDocument.Parse(runtime).RootElement.GetProperty("stage").GetString());
        Assert.Contains($$"""
            "hotReloading":{"status":"created","replicaStatuses":[["{{id[..8]}}-0","created"]]}
            """.Trim(), runtime, StringComparison.Ordinal);

        // A requirement is not Python code: it rebuilds, and the hot reload is over.
        await CommitWithQuery("chat", "?hot_reload=1", Header("Deps"), FileLine("requirements.txt", "numpy"u8.ToArray()));
        runtime = await Get("api/spaces/user/chat/runtime");
        Assert.Equal("RUNNING_BUILDING", JsonDocument.Parse(runtime).RootElement.GetProperty("stage").GetString());
        Assert.DoesNotContain("hotReloading", runtime, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docker", "Dockerfile")]
    [InlineData("static", "index.html")]
    public async Task Each_sdk_needs_its_entry_point(string sdk, string entry)
    {
        await Create("site", sdk);
        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal("NO_APP_FILE", await Stage("site"));

        await Commit("site", Header("Add"), FileLine(entry, "x"u8.ToArray()));
        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal("RUNNING", await Stage("site"));
    }

    [Fact]
    public async Task The_readme_front_matter_names_the_app_file()
    {
        await Create("chat", "streamlit");
        var readme = "---\nsdk: streamlit\napp_file: main.py\n---\n"u8.ToArray();
        await Commit("chat", Header("Use main.py"), FileLine("README.md", readme), FileLine("app.py", [1]));
        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal("NO_APP_FILE", await Stage("chat"));

        await Commit("chat", Header("Add main.py"), FileLine("main.py", [1]));
        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal("RUNNING", await Stage("chat"));
    }

    [Fact]
    public async Task Stored_bytes_over_the_limit_are_a_413_and_nothing_is_committed()
    {
        await Create("chat", "gradio");
        _emulator.Hub.StorageLimitBytes = _emulator.Hub.StorageUsedBytes + 100;
        var before = _emulator.Hub.HeadCommit("user/chat");

        using var answer = await Commit("chat", Header("Too big"), FileLine("big.bin", new byte[101]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.StartsWith("""{"error":"Storage limit exceeded""", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, _emulator.Hub.HeadCommit("user/chat"));
    }

    /// <summary>git's blob id: SHA-1 of "blob {size}\0" and the bytes.</summary>
    private static string BlobId(byte[] content) =>
        Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {content.Length}\0"), .. content]));

    /// <summary>git's tree id for one level: "tree {size}\0" and "{mode} {name}\0{20-byte id}" per entry.</summary>
    private static string TreeId(params (string Name, bool Folder, string Id)[] entries)
    {
        var body = entries.SelectMany(e => Encoding.UTF8.GetBytes($"{(e.Folder ? "40000" : "100644")} {e.Name}\0").Concat(Convert.FromHexString(e.Id))).ToArray();
        return Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"tree {body.Length}\0"), .. body]));
    }

    private static string Header(string summary, string? parent = null) =>
        parent is null
            ? $$$"""{"key":"header","value":{"summary":"{{{summary}}}","description":""}}"""
            : $$$"""{"key":"header","value":{"summary":"{{{summary}}}","description":"","parentCommit":"{{{parent}}}"}}""";

    private static string FileLine(string path, byte[] content) =>
        $$$"""{"key":"file","value":{"path":"{{{path}}}","content":"{{{Convert.ToBase64String(content)}}}","encoding":"base64"}}""";

    private Task<HttpResponseMessage> Commit(string name, params string[] lines) => CommitWithQuery(name, string.Empty, lines);

    private async Task<HttpResponseMessage> CommitWithQuery(string name, string query, params string[] lines)
    {
        using var content = new StringContent(string.Join("\n", lines) + "\n", Encoding.UTF8, "application/x-ndjson");
        return await _http.PostAsync($"api/spaces/user/{name}/commit/main{query}", content);
    }

    private async Task Create(string name, string sdk)
    {
        using var created = await Post("api/repos/create", $$"""{"name":"{{name}}","organization":"user","type":"space","sdk":"{{sdk}}"}""");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
    }

    private async Task<string> Stage(string name) =>
        JsonDocument.Parse(await Get($"api/spaces/user/{name}/runtime")).RootElement.GetProperty("stage").GetString()!;

    private async Task<string> Get(string path)
    {
        using var response = await _http.GetAsync(path);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpResponseMessage> Post(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await _http.PostAsync(path, content);
    }
}
