using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using HfSpaces.Emulator.State;
using Microsoft.Extensions.Time.Testing;

namespace HfSpaces.Emulator.Tests;

/// <summary>
/// The emulator's bytes against the Hub's recorded answers (docs/hub-wire.md, from huggingface_hub's cassettes), read
/// with a bare HttpClient — not through the SDK, which accepts more than real clients do.
/// </summary>
public sealed partial class HubShapeTests : IAsyncLifetime
{
    /// <summary>The instant of the recordings, so dates compare byte for byte.</summary>
    private static readonly DateTimeOffset Recorded = DateTimeOffset.Parse("2025-03-07T12:24:18.657Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly FakeTimeProvider _clock = new(Recorded);
    private HfSpacesEmulator _emulator = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await HfSpacesEmulator.StartAsync(new EmulatorOptions
        {
            TimeProvider = _clock,
            Timings = new StageTimings(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)),
            Accounts = new Dictionary<string, string> { ["user"] = "hf_user" },
            Spaces = [new SpaceSeed("user/demo"), new SpaceSeed("user/static-space", Sdk: "static")],
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
    public async Task A_new_space_answers_the_recorded_building_runtime()
    {
        var created = await Post("api/repos/create", """{"name":"tmp-test-space","organization":"user","type":"space","sdk":"gradio"}""");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Matches($$"""^\{"url":"{{Regex.Escape(_emulator.Endpoint.ToString())}}spaces/user/tmp-test-space","name":"user/tmp-test-space","id":"[0-9a-f]{24}"\}$""", await created.Content.ReadAsStringAsync());

        // huggingface_hub tests/cassettes: the runtime of a Space just created.
        Assert.Equal(
            """{"stage":"BUILDING","hardware":{"current":null,"requested":"cpu-basic"},"storage":null,"gcTimeout":172800,"replicas":{"requested":1},"devMode":false,"domains":[{"domain":"user-tmp-test-space.hf.space","stage":"READY"}]}""",
            await Get("api/spaces/user/tmp-test-space/runtime"));
    }

    [Fact]
    public async Task A_static_space_answers_the_recorded_runtime_without_sleep_time_or_dev_mode()
    {
        // huggingface_hub tests/cassettes: victor/static-space.
        Assert.Equal(
            """{"stage":"RUNNING","hardware":{"current":null,"requested":null},"storage":null,"replicas":{"requested":1,"current":1}}""",
            await Get("api/spaces/user/static-space/runtime"));
    }

    [Fact]
    public async Task Creating_an_existing_space_answers_the_recorded_409()
    {
        var response = await Post("api/repos/create", """{"name":"demo","organization":"user","type":"space","sdk":"gradio"}""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal($$"""{"error":"You already created this space repo","url":"{{_emulator.Endpoint}}spaces/user/demo"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Secrets_and_variables_carry_dates_in_the_hubs_form_and_omit_unset_descriptions()
    {
        Assert.Equal("{}", await (await Post("api/spaces/user/demo/secrets", """{"key":"KEY","value":"v"}""")).Content.ReadAsStringAsync());
        Assert.Equal(
            """{"MODEL":{"value":"gpt2","updatedAt":"2025-03-07T12:24:18.657Z"}}""",
            await (await Post("api/spaces/user/demo/variables", """{"key":"MODEL","value":"gpt2"}""")).Content.ReadAsStringAsync());

        Assert.Equal("""{"KEY":{"updatedAt":"2025-03-07T12:24:18.657Z"}}""", await Get("api/spaces/user/demo/secrets"));
        Assert.Equal("""{"MODEL":{"value":"gpt2","updatedAt":"2025-03-07T12:24:18.657Z"}}""", await Get("api/spaces/user/demo/variables"));
    }

    [Fact]
    public async Task Every_date_parses_with_huggingface_hubs_strict_parser()
    {
        _clock.Advance(TimeSpan.FromTicks(1234567)); // a fraction finer than milliseconds must not leak out
        await Post("api/spaces/user/demo/variables", """{"key":"A","value":"1"}""");
        var bodies = string.Join('\n', await Get("api/spaces/user/demo"), await Get("api/spaces?full=true"), await Get("api/spaces/user/demo/variables"));

        var dates = DateValue().Matches(bodies).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", d));
        Assert.Contains("2025-03-07T12:24:18.780Z", dates);
    }

    [Fact]
    public async Task Space_info_by_default_and_with_expand()
    {
        Assert.Equal(
            """{"_id":"ID","id":"user/static-space","author":"user","sha":"SHA","lastModified":"2025-03-07T12:24:18.657Z","createdAt":"2025-03-07T12:24:18.657Z","private":false,"gated":false,"disabled":false,"subdomain":"user-static-space","likes":0,"sdk":"static","tags":["static","region:us"],"runtime":{"stage":"RUNNING","hardware":{"current":null,"requested":null},"storage":null,"replicas":{"requested":1,"current":1}}}""",
            Ids(await Get("api/spaces/user/static-space")));
        Assert.Equal("""{"_id":"ID","id":"user/demo","sdk":"gradio","likes":0}""", Ids(await Get("api/spaces/user/demo?expand=sdk&expand=likes")));

        var invalid = await _http.GetAsync(new Uri("api/spaces/user/demo?expand=colour", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task Listing_is_an_array_per_page_with_a_github_style_next_link()
    {
        _emulator.Hub.ListPageSize = 1;

        var first = await _http.GetAsync(new Uri("api/spaces?author=user&expand=sdk", UriKind.Relative));

        Assert.Equal("""[{"_id":"ID","id":"user/static-space","sdk":"static"}]""", Ids(await first.Content.ReadAsStringAsync()));
        Assert.Equal($"<{_emulator.Endpoint}api/spaces?author=user&expand=sdk&cursor=1>; rel=\"next\"", first.Headers.GetValues("Link").Single());
        Assert.Equal("2", first.Headers.GetValues("X-Total-Count").Single());
        var last = await _http.GetAsync(new Uri($"api/spaces?author=user&expand=sdk&cursor=1", UriKind.Relative));
        Assert.Equal("""[{"_id":"ID","id":"user/demo","sdk":"gradio"}]""", Ids(await last.Content.ReadAsStringAsync()));
        Assert.False(last.Headers.Contains("Link"));
    }

    [Fact]
    public async Task Replicas_under_autoscaling_read_auto()
    {
        await Post("api/spaces/user/demo/hardware", """{"flavor":"t4-small"}""");
        Assert.Equal(HttpStatusCode.OK, (await Post("api/spaces/user/demo/replicas", """{"replicas":"auto"}""")).StatusCode);

        Assert.Contains("\"replicas\":{\"requested\":\"auto\",\"current\":1}", await Get("api/spaces/user/demo/runtime"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rebuild_of_a_running_space_keeps_the_old_hardware_serving()
    {
        var answer = await (await Post("api/spaces/user/demo/hardware", """{"flavor":"t4-small"}""")).Content.ReadAsStringAsync();

        Assert.StartsWith("""{"stage":"RUNNING_BUILDING","hardware":{"current":"cpu-basic","requested":"t4-small"}""", answer, StringComparison.Ordinal);
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.StartsWith("""{"stage":"RUNNING_APP_STARTING","hardware":{"current":"cpu-basic","requested":"t4-small"}""", await Get("api/spaces/user/demo/runtime"), StringComparison.Ordinal);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.StartsWith("""{"stage":"RUNNING","hardware":{"current":"t4-small","requested":"t4-small"}""", await Get("api/spaces/user/demo/runtime"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_route_answers_a_json_404()
    {
        var response = await _http.GetAsync(new Uri("api/spaces/user/demo/no-such-thing/here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"error":"Sorry, we can't find the page you are looking for."}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("Sorry, we can't find the page you are looking for.", response.Headers.GetValues("X-Error-Message").Single());
    }

    [Theory]
    [InlineData("cpu-basic", "CPU basic")]
    [InlineData("cpu-upgrade", "CPU upgrade")]
    [InlineData("zero-a10g", "ZeroGPU")]
    [InlineData("t4-small", "Nvidia T4 - small")]
    [InlineData("l4x1", "1x Nvidia L4")]
    [InlineData("l40sx8", "8x Nvidia L40S")]
    [InlineData("a10g-largex2", "2x Nvidia A10G - large")]
    [InlineData("a100-large", "Nvidia A100 - large")]
    public async Task The_hardware_catalog_uses_the_hubs_pretty_names(string flavor, string prettyName)
    {
        using var catalog = System.Text.Json.JsonDocument.Parse(await Get("api/spaces/hardware"));

        var entry = catalog.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == flavor);

        Assert.Equal(prettyName, entry.GetProperty("prettyName").GetString());
    }

    [Fact]
    public async Task A_cpu_flavor_has_a_null_accelerator_as_the_hub_writes_it()
    {
        using var catalog = System.Text.Json.JsonDocument.Parse(await Get("api/spaces/hardware"));

        var entry = catalog.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "cpu-basic");

        Assert.Equal(System.Text.Json.JsonValueKind.Null, entry.GetProperty("accelerator").ValueKind);
    }

    [Fact]
    public async Task The_zero_gpu_quota_is_in_gpu_seconds_with_a_null_reset_until_used()
    {
        Assert.Equal("""{"base":1500,"current":1500,"resetsAt":null}""", await Get("api/spaces/zero-gpu/quota"));

        _emulator.Hub.UseZeroGpu("user", 120.5);

        Assert.Equal("""{"base":1500,"current":1379.5,"resetsAt":"2025-03-08T00:00:00.000Z"}""", await Get("api/spaces/zero-gpu/quota"));
    }

    private async Task<string> Get(string path)
    {
        var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<HttpResponseMessage> Post(string path, string json) =>
        _http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Object ids and commit hashes are random-looking: replaced by placeholders.</summary>
    private static string Ids(string json) => ShaValue().Replace(ObjectIdValue().Replace(json, "\"_id\":\"ID\""), "\"sha\":\"SHA\"");

    [GeneratedRegex("\"(?:createdAt|lastModified|updatedAt)\":\"([^\"]*)\"")]
    private static partial Regex DateValue();

    [GeneratedRegex("\"_id\":\"[0-9a-f]{24}\"")]
    private static partial Regex ObjectIdValue();

    [GeneratedRegex("\"sha\":\"[0-9a-f]{40}\"")]
    private static partial Regex ShaValue();
}
