using System.Net;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HfSpaces.ContractTests;

/// <summary>Create, info, list, settings, delete, templates, ZeroGPU quota and replicas: the exact requests, and the Hub's answers read.</summary>
public sealed class LifecycleContractTests(HubServer hub) : ContractTest(hub)
{
    /// <summary>huggingface_hub's cassette: the runtime of a Space just created (cpu-basic requested, nothing running yet).</summary>
    private const string RecordedNewRuntime =
        """{"stage":"BUILDING","hardware":{"current":null,"requested":"cpu-basic"},"storage":null,"gcTimeout":172800,"replicas":{"requested":1},"devMode":false,"domains":[{"domain":"alice-chat.hf.space","stage":"READY"}]}""";

    [Fact]
    public async Task Create_sends_the_hubs_keys_and_nothing_unset()
    {
        Hub.Reply("POST", "/api/repos/create", 200, """{"url":"https://huggingface.co/spaces/alice/chat","name":"alice/chat","id":"67cae57a4b4e5c5b432e5b3c"}""");

        var created = await Client.CreateSpaceAsync("alice/chat", new CreateSpaceOptions { Sdk = SpaceSdk.Gradio });

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "POST", "/api/repos/create");
        RequestAssert.Authorized(request);
        RequestAssert.JsonBody(request, """{"name":"chat","organization":"alice","type":"space","sdk":"gradio"}""");
        Assert.Equal(new SpaceCreation { Id = "alice/chat", Url = new Uri("https://huggingface.co/spaces/alice/chat"), AlreadyExisted = false }, created);
    }

    [Fact]
    public async Task Create_with_everything_then_reads_the_runtime_back_and_says_the_hardware_was_ignored()
    {
        Hub.Reply("POST", "/api/repos/create", 200, """{"url":"https://huggingface.co/spaces/alice/chat"}""");
        Hub.Reply("GET", "/api/spaces/alice/chat/runtime", 200, RecordedNewRuntime);

        var created = await Client.CreateSpaceAsync("alice/chat", new CreateSpaceOptions
        {
            Sdk = SpaceSdk.Docker,
            Visibility = SpaceVisibility.Protected,
            Template = "SpacesExamples/jupyterlab",
            Hardware = SpaceHardware.T4Small,
            SleepTime = Timeout.InfiniteTimeSpan,
            Storage = SpaceStorage.Small,
            Secrets = [new SpaceSecretValue("TOKEN", "s3cret", "api")],
            Variables = [new SpaceVariableValue("MODEL", "gpt2")],
            Volumes = [new SpaceVolume(SpaceVolumeType.Model, "openai/whisper", "/data")],
            DevMode = true,
            ShortDescription = "A notebook",
        });

        var requests = Hub.Requests();
        Assert.Equal(2, requests.Count);
        RequestAssert.JsonBody(requests[0], """
            {"name":"chat","organization":"alice","visibility":"protected","type":"space","sdk":"docker","template":"SpacesExamples/jupyterlab",
             "hardware":"t4-small","storageTier":"small","sleepTimeSeconds":-1,
             "secrets":[{"key":"TOKEN","value":"s3cret","description":"api"}],"variables":[{"key":"MODEL","value":"gpt2"}],
             "volumes":[{"type":"model","source":"openai/whisper","mountPath":"/data"}],"devModeEnabled":true,"shortDescription":"A notebook"}
            """);
        RequestAssert.Sent(requests[1], "GET", "/api/spaces/alice/chat/runtime");
        Assert.Equal((false, SpaceHardware.CpuBasic, null), (created.HardwareApplied, created.Runtime!.RequestedHardware, created.RuntimeError));
    }

    [Fact]
    public async Task Create_reports_a_runtime_it_could_not_read_back_without_hiding_that_the_space_exists()
    {
        Hub.Reply("POST", "/api/repos/create", 200, """{"url":"https://huggingface.co/spaces/alice/chat"}""");
        Hub.Reply("GET", "/api/spaces/alice/chat/runtime", 500, """{"error":"boom"}""");

        var created = await Client.CreateSpaceAsync("alice/chat", new CreateSpaceOptions { Sdk = SpaceSdk.Gradio, Hardware = SpaceHardware.T4Small });

        Assert.Equal((false, (bool?)null, HttpStatusCode.InternalServerError), (created.AlreadyExisted, created.HardwareApplied, created.RuntimeError!.StatusCode));
    }

    [Fact]
    public async Task Create_exist_ok_reads_the_url_from_the_409_or_falls_back_when_the_body_has_none()
    {
        // huggingface_hub PR #3279: a concurrent creation's 409 has no url.
        Hub.Reply("POST", "/api/repos/create", 409, """{"error":"A repository with this name already exists"}""");

        var existing = await Client.CreateSpaceAsync("alice/chat", new CreateSpaceOptions { Sdk = SpaceSdk.Gradio, Hardware = SpaceHardware.T4Small, ExistOk = true });

        Assert.Equal(new SpaceCreation { Id = "alice/chat", Url = new Uri(Hub.Url, "spaces/alice/chat"), AlreadyExisted = true }, existing);
        Assert.Single(Hub.Requests()); // nothing read back: nothing was applied
    }

    [Fact]
    public async Task Create_is_not_resent_after_a_server_error()
    {
        using var client = Hub.CreateClient(maxRetries: 3);
        Hub.Reply("POST", "/api/repos/create", 503, """{"error":"unavailable"}""");

        await Assert.ThrowsAsync<HfSpacesException>(() => client.CreateSpaceAsync("alice/chat", new CreateSpaceOptions { Sdk = SpaceSdk.Gradio }));

        Assert.Single(Hub.Requests());
    }

    [Fact]
    public async Task Info_repeats_expand_and_reads_the_runtime_gating_and_dates()
    {
        Hub.Reply("GET", "/api/spaces/alice/chat", 200, $$"""
            {"_id":"67cae57a4b4e5c5b432e5b3c","id":"alice/chat","author":"alice","sha":"b1d5","createdAt":"2025-03-07T12:24:18.000Z","lastModified":"2025-03-08T09:00:00.123Z",
             "private":true,"gated":"manual","disabled":false,"subdomain":"alice-chat","likes":7,"sdk":"streamlit","tags":["streamlit","region:us"],
             "trendingScore":2.5,"usedStorage":123456789012,"runtime":{{RecordedNewRuntime}},"xetEnabled":true}
            """);

        var info = await Client.GetSpaceInfoAsync("alice/chat", [SpaceExpand.Runtime, SpaceExpand.Sdk]);

        RequestAssert.Sent(Hub.SingleRequest(), "GET", "/api/spaces/alice/chat", "expand=runtime&expand=sdk");
        Assert.Equal(
            ("alice/chat", "alice", true, SpaceGating.Manual, SpaceSdk.Streamlit, 7, 123456789012L, new DateTimeOffset(2025, 3, 8, 9, 0, 0, 123, TimeSpan.Zero)),
            (info.Id.ToString(), info.Author, info.Private, info.Gated, info.Sdk, info.Likes, info.UsedStorage, info.LastModified));
        Assert.Equal(["streamlit", "region:us"], info.Tags!);
        Assert.Equal((SpaceStage.Building, SpaceHardware.CpuBasic), (info.Runtime!.Stage, info.Runtime.RequestedHardware));
        Assert.True(info.Raw.GetProperty("xetEnabled").GetBoolean());
    }

    [Fact]
    public async Task Info_without_expand_sends_no_query_and_reads_an_ungated_space_without_runtime()
    {
        Hub.Reply("GET", "/api/spaces/alice/chat", 200, """{"id":"alice/chat","gated":false,"sdk":"a-future-sdk"}""");

        var info = await Client.GetSpaceInfoAsync("alice/chat");

        RequestAssert.Sent(Hub.SingleRequest(), "GET", "/api/spaces/alice/chat");
        Assert.Equal((SpaceGating.Off, new SpaceSdk("a-future-sdk"), null, null), (info.Gated, info.Sdk, info.Runtime, info.Private));
    }

    [Fact]
    public async Task Info_with_an_id_that_is_not_namespace_and_name_is_unreadable_not_a_crash()
    {
        Hub.Reply("GET", "/api/spaces/alice/chat", 200, """{"id":"no-slash"}""");

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => Client.GetSpaceInfoAsync("alice/chat"));

        Assert.StartsWith("GET /api/spaces/alice/chat answered 200 with a body this SDK cannot read: a Space's 'id' is not namespace/name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_sends_the_query_as_huggingface_hub_does()
    {
        Hub.Reply("GET", "/api/spaces", 200, "[]");

        await Client.ListSpacesAsync(new SpaceListQuery
        {
            Author = "alice",
            Search = "chat",
            Filter = ["gradio", "region:us"],
            Sort = "likes",
            Limit = 3,
            Expand = [SpaceExpand.Runtime, SpaceExpand.Likes],
        }).ToListAsync();

        RequestAssert.Sent(Hub.SingleRequest(), "GET", "/api/spaces", "author=alice&direction=-1&expand=runtime&expand=likes&filter=gradio&filter=region%3Aus&limit=3&search=chat&sort=likes");
    }

    [Fact]
    public async Task List_full_sends_full_true()
    {
        Hub.Reply("GET", "/api/spaces", 200, "[]");

        await Client.ListSpacesAsync(new SpaceListQuery { Full = true }).ToListAsync();

        RequestAssert.Sent(Hub.SingleRequest(), "GET", "/api/spaces", "full=true");
    }

    [Fact]
    public async Task List_follows_next_links_only_when_the_page_is_used_up_and_stops_at_the_limit()
    {
        Page(cursor: null, """[{"id":"a/one"},{"id":"a/two"}]""", $"<{Hub.Url}api/spaces?author=a&cursor=2>; rel=\"next\"");
        Page(cursor: "2", """[{"id":"a/three"},{"id":"a/four"}]""", "</api/spaces?author=a&cursor=4>; rel=\"next\"");
        Page(cursor: "4", """[{"id":"a/five"}]""", link: null);

        var all = await Client.ListSpacesAsync(new SpaceListQuery { Author = "a" }).ToListAsync();
        Assert.Equal(["a/one", "a/two", "a/three", "a/four", "a/five"], all.Select(s => s.Id.ToString()));
        Assert.Equal(["author=a", "author=a&cursor=2", "author=a&cursor=4"], Hub.Requests().Select(r => r.RawQuery!.TrimStart('?')));
        Assert.All(Hub.Requests(), r => RequestAssert.Authorized(r));

        Hub.Server.ResetLogEntries();
        var two = await Client.ListSpacesAsync(new SpaceListQuery { Author = "a", Limit = 2 }).ToListAsync();
        Assert.Equal(2, two.Count);
        Assert.Single(Hub.Requests());
    }

    [Fact]
    public async Task List_refuses_a_next_link_to_another_host_before_sending_anything_there()
    {
        using var elsewhere = WireMock.Server.WireMockServer.Start();
        Page(cursor: null, """[{"id":"a/one"}]""", $"<{elsewhere.Url}/api/spaces?cursor=1>; rel=\"next\"");

        var seen = new List<string>();
        var error = await Assert.ThrowsAsync<HfSpacesException>(async () =>
        {
            await foreach (var space in Client.ListSpacesAsync())
            {
                seen.Add(space.Id.ToString());
            }
        });

        Assert.Equal(["a/one"], seen);
        Assert.Equal($"GET /api/spaces the next-page link points to another host ({elsewhere.Url}): not followed.", error.Message);
        Assert.Empty(elsewhere.LogEntries);
    }

    [Fact]
    public async Task List_stops_a_next_link_that_loops()
    {
        Page(cursor: null, """[{"id":"a/one"}]""", "</api/spaces?cursor=1>; rel=\"next\"");
        Page(cursor: "1", """[{"id":"a/two"}]""", "</api/spaces?cursor=1>; rel=\"next\"");

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => Client.ListSpacesAsync().ToListAsync().AsTask());

        Assert.Equal("GET /api/spaces the next-page link leads back to a page already read (/api/spaces?cursor=1): the listing would never end.", error.Message);
        Assert.Equal(2, Hub.Requests().Count);
    }

    [Fact]
    public async Task List_answer_that_is_not_an_array_is_unreadable()
    {
        Hub.Reply("GET", "/api/spaces", 200, """{"error":"nope"}""");

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => Client.ListSpacesAsync().ToListAsync().AsTask());

        Assert.Equal("GET /api/spaces answered 200 with a body this SDK cannot read: expected a JSON array of Spaces, got Object.", error.Message);
    }

    [Theory]
    [InlineData(null, SpaceGating.Auto, """{"gated":"auto"}""")]
    [InlineData("private", SpaceGating.Off, """{"gated":false,"visibility":"private"}""")]
    [InlineData("protected", null, """{"visibility":"protected"}""")]
    public async Task Settings_put_only_what_changes(string? visibility, SpaceGating? gated, string body)
    {
        Hub.Reply("PUT", "/api/spaces/alice/chat/settings", 200, "{}");

        await Client.UpdateSettingsAsync("alice/chat", new SpaceSettings { Visibility = visibility is null ? (SpaceVisibility?)null : new SpaceVisibility(visibility), Gated = gated });

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "PUT", "/api/spaces/alice/chat/settings");
        RequestAssert.JsonBody(request, body);
    }

    [Fact]
    public async Task Delete_sends_name_organization_and_type_and_is_not_resent()
    {
        using var client = Hub.CreateClient(maxRetries: 3);
        Hub.Reply("DELETE", "/api/repos/delete", 200, json: null!);

        Assert.True(await client.DeleteSpaceAsync("alice/chat"));

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "DELETE", "/api/repos/delete");
        RequestAssert.Authorized(request);
        RequestAssert.JsonBody(request, """{"name":"chat","organization":"alice","type":"space"}""");

        Hub.Reset();
        Hub.Reply("DELETE", "/api/repos/delete", 503, """{"error":"unavailable"}""");
        await Assert.ThrowsAsync<HfSpacesException>(() => client.DeleteSpaceAsync("alice/chat"));
        Assert.Single(Hub.Requests());
    }

    [Fact]
    public async Task Delete_of_a_missing_space_is_not_found_unless_missing_ok()
    {
        Hub.Reply("DELETE", "/api/repos/delete", 404, """{"error":"Repository not found"}""", ("X-Error-Code", "RepoNotFound"));

        await Assert.ThrowsAsync<HfSpacesNotFoundException>(() => Client.DeleteSpaceAsync("alice/chat"));
        Assert.False(await Client.DeleteSpaceAsync("alice/chat", missingOk: true));
    }

    [Fact]
    public async Task Templates_are_read_from_the_templates_key()
    {
        Hub.Reply("GET", "/api/spaces/templates", 200, """{"templates":[{"name":"Chatbot","repoId":"gradio-templates/chatbot","sdk":"gradio","preferredPrivate":false},{"name":"JupyterLab","repoId":"SpacesExamples/jupyterlab","sdk":"docker","preferredPrivate":true}]}""");

        var templates = await Client.ListTemplatesAsync();

        RequestAssert.Sent(Hub.SingleRequest(), "GET", "/api/spaces/templates");
        Assert.Equal([new SpaceTemplate { Name = "Chatbot", RepoId = "gradio-templates/chatbot", Sdk = SpaceSdk.Gradio, PreferredPrivate = false }, new SpaceTemplate { Name = "JupyterLab", RepoId = "SpacesExamples/jupyterlab", Sdk = SpaceSdk.Docker, PreferredPrivate = true }], templates);
    }

    [Fact]
    public async Task Zero_gpu_quota_reads_seconds_and_a_null_reset()
    {
        // huggingface_hub#2842 (2026-07-29): base and current in GPU-seconds, resetsAt ISO or null.
        Hub.Reply("GET", "/api/spaces/zero-gpu/quota", 200, """{"base":1500,"current":1320.5,"resetsAt":null}""");

        var quota = await Client.GetZeroGpuQuotaAsync();

        RequestAssert.Sent(Hub.SingleRequest(), "GET", "/api/spaces/zero-gpu/quota");
        Assert.Equal(new ZeroGpuQuota { Base = TimeSpan.FromSeconds(1500), Remaining = TimeSpan.FromSeconds(1320.5), ResetsAt = null, OverQuotaUsed = null }, quota);
    }

    [Fact]
    public async Task Zero_gpu_quota_without_base_is_unreadable()
    {
        Hub.Reply("GET", "/api/spaces/zero-gpu/quota", 200, """{"current":3}""");

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => Client.GetZeroGpuQuotaAsync());

        Assert.Equal("GET /api/spaces/zero-gpu/quota answered 200 with a body this SDK cannot read: the quota has no 'base'.", error.Message);
    }

    [Fact]
    public async Task Replicas_send_a_count_or_auto()
    {
        Hub.Reply("POST", "/api/spaces/alice/chat/replicas", 200, "{}");

        await Client.SetReplicasAsync("alice/chat", 2);
        await Client.SetAutoReplicasAsync("alice/chat");

        var requests = Hub.Requests();
        RequestAssert.Sent(requests[0], "POST", "/api/spaces/alice/chat/replicas");
        RequestAssert.JsonBody(requests[0], """{"replicas":2}""");
        RequestAssert.JsonBody(requests[1], """{"replicas":"auto"}""");
    }

    private void Page(string? cursor, string json, string? link)
    {
        var request = Request.Create().WithPath("/api/spaces").UsingGet();
        request = cursor is null ? request.WithParam("cursor", WireMock.Matchers.MatchBehaviour.RejectOnMatch) : request.WithParam("cursor", cursor);
        var response = Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(json);
        if (link is not null)
        {
            response = response.WithHeader("Link", link);
        }

        Hub.Server.Given(request).RespondWith(response);
    }
}
