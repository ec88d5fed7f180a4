using System.CommandLine;
using HfSpaces.Cli.Commands.Files;
using HfSpaces.Cli.Commands.Fleet;
using HfSpaces.Cli.Commands.Lifecycle;
using HfSpaces.Cli.Commands.Manifest;
using HfSpaces.Cli.Commands.Runtime;
using HfSpaces.Cli.Running;
using HfSpaces.Manifests;

namespace HfSpaces.Cli.Tests.Running;

/// <summary>
/// The commands' shape (gh's): options bound, a run that returns a result and writes nothing, a renderer that writes it.
/// The renderers are checked here on results built by hand (no Hub), the runs on the emulator with nothing rendered.
/// </summary>
public sealed class VerbTests : CliTest
{
    private static readonly string NL = Environment.NewLine;

    [Fact]
    public void Every_command_is_a_verb_or_a_group_of_them()
    {
        var root = HfSpacesCli.Root(new CliContext(TextWriter.Null, TextWriter.Null, TextReader.Null, _ => throw new InvalidOperationException()));
        var verbs = new List<string>();
        var neither = new List<string>();
        void Walk(Command command, string path)
        {
            foreach (var child in command.Subcommands)
            {
                var name = $"{path} {child.Name}".Trim();
                if (child.Action is IVerbAction verb)
                {
                    verbs.Add($"{name}: {verb.Options.Name} -> {verb.Result.Name}");
                }
                else if (child.Action is not null || child.Subcommands.Count == 0)
                {
                    neither.Add(name);
                }

                Walk(child, name);
            }
        }

        Walk(root, string.Empty);

        Assert.Empty(neither);
        Assert.Equal(43, verbs.Count);
        Assert.Contains("sleep: Options -> Result", verbs);
        Assert.Contains("fleet pause: Options -> Result", verbs);
        Assert.Contains("secrets list: SpaceId -> IReadOnlyDictionary`2", verbs);
        Assert.Contains("hardware list: Object -> IReadOnlyList`1", verbs);
    }

    [Fact]
    public async Task The_runtime_renderer_writes_a_table_or_a_document_from_the_same_result()
    {
        var status = new SpaceStatus(SpaceId.Parse("acme/chat"), HfSpacesModelFactory.SpaceRuntime(
            SpaceStage.Running, SpaceHardware.T4Small, SpaceHardware.T4Small, TimeSpan.FromHours(1), replicas: HfSpacesModelFactory.SpaceReplicas(1, 1)));

        var text = await RenderAsync(Output.Runtime, status, json: false);
        var json = await RenderAsync(Output.Runtime, status, json: true);

        Assert.Equal(
            $"space       acme/chat{NL}stage       RUNNING{NL}hardware    t4-small{NL}requested   t4-small{NL}sleep time  1 h{NL}storage     -{NL}dev mode    off{NL}replicas    1 requested, 1 running{NL}volumes     -{NL}domains     -{NL}error       -{NL}",
            text.Out);
        Assert.Equal(
            $$"""{{NL}}  "space": "acme/chat",{{NL}}  "stage": "RUNNING",{{NL}}  "hardware": "t4-small",{{NL}}  "requestedHardware": "t4-small",{{NL}}  "sleepTimeSeconds": 3600,{{NL}}  "devMode": false,{{NL}}  "replicas": {{{NL}}    "requested": 1,{{NL}}    "current": 1,{{NL}}    "isAuto": false{{NL}}  },{{NL}}  "domains": []{{NL}}}{{NL}}""".Insert(0, "{"),
            json.Out);
        Assert.Equal((ExitCodes.Success, string.Empty, ExitCodes.Success, string.Empty), (text.Code, text.Err, json.Code, json.Err));
    }

    [Fact]
    public async Task A_wait_that_ends_in_an_error_stage_is_exit_7_with_one_line_on_stderr_in_both_modes()
    {
        var status = new SpaceStatus(SpaceId.Parse("acme/chat"), HfSpacesModelFactory.SpaceRuntime(SpaceStage.BuildError, errorMessage: "pip failed\u001b[2J"));

        var text = await RenderAsync(WaitCommand.Renderer, status, json: false);
        var json = await RenderAsync(WaitCommand.Renderer, status, json: true);

        // The stage lines were the text; the escape sequence the Hub sent is not passed to the terminal.
        Assert.Equal((ExitCodes.NotRunning, string.Empty), (text.Code, text.Out));
        Assert.Equal("error: acme/chat ended BUILD_ERROR, not RUNNING: pip failed\ufffd[2J" + NL, text.Err);
        Assert.Equal((ExitCodes.NotRunning, text.Err), (json.Code, json.Err));
        Assert.Contains("\"stage\": \"BUILD_ERROR\"", json.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sleep_the_hub_ignored_is_a_warning_not_a_silent_success()
    {
        var result = new SleepCommand.Result(new SpaceStatus(SpaceId.Parse("acme/chat"), HfSpacesModelFactory.SpaceRuntime(SpaceStage.Running, SpaceHardware.CpuBasic, sleepTime: TimeSpan.FromHours(48))), Unchanged: true);

        var (code, output, error) = await RenderAsync(SleepCommand.Renderer, result, json: true);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("\"sleepTimeSeconds\": 172800", output, StringComparison.Ordinal);
        Assert.Equal("warning: acme/chat runs on cpu-basic, which always sleeps after 48 h: the sleep time was not changed. Request upgraded hardware first ('hf-spaces hardware acme/chat FLAVOR --sleep …')." + NL, error);
    }

    [Fact]
    public async Task A_delete_not_confirmed_writes_nothing_and_is_exit_130()
    {
        var declined = new DeleteCommand.Result(SpaceId.Parse("acme/chat"), Deleted: null);

        Assert.Equal((ExitCodes.Cancelled, string.Empty, string.Empty), await RenderAsync(DeleteCommand.Renderer, declined, json: false));
        Assert.Equal((ExitCodes.Cancelled, string.Empty, string.Empty), await RenderAsync(DeleteCommand.Renderer, declined, json: true));
        Assert.Equal((ExitCodes.Success, $"acme/chat does not exist: nothing to delete.{NL}", string.Empty), await RenderAsync(DeleteCommand.Renderer, declined with { Deleted = false }, json: false));
    }

    [Fact]
    public async Task A_fleet_dry_run_summary_is_a_sentence_or_the_last_ndjson_event()
    {
        var spaces = new[]
        {
            HfSpacesModelFactory.SpaceInfo(SpaceId.Parse("acme/a"), runtime: HfSpacesModelFactory.SpaceRuntime(SpaceStage.Running, SpaceHardware.T4Small)),
            HfSpacesModelFactory.SpaceInfo(SpaceId.Parse("acme/b"), runtime: HfSpacesModelFactory.SpaceRuntime(SpaceStage.Paused, SpaceHardware.T4Small)),
        };
        var options = new FleetActCommand.Options(FleetOperation.Pause(), new FleetQuery { Author = "acme" }, DryRun: true, Yes: false, MaxParallel: 4);
        var result = new FleetActCommand.Result(options, spaces, Results: null, Confirmed: true);

        var text = await RenderAsync(FleetActCommand.Renderer, result, json: false);
        var json = await RenderAsync(FleetActCommand.Renderer, result, json: true);

        Assert.Equal($"Dry run: pause would go to 1 Space(s), 1 skipped. Nothing was sent.{NL}", text.Out);
        Assert.Equal("""{"event":"summary","operation":"pause","dryRun":true,"succeeded":1,"failed":0,"skipped":1,"notStarted":0}""" + NL, json.Out);
        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (text.Code, json.Code));
    }

    [Fact]
    public async Task A_plan_renders_terraforms_exit_codes()
    {
        var plan = new ManifestPlan { Spaces = [new SpacePlan { Spec = new SpaceSpec { Id = SpaceId.Parse("acme/a") }, Action = PlanAction.NoChange, Changes = [] }] };

        var (code, output, _) = await RenderAsync(PlanCommand.Renderer, new PlanCommand.Result(plan, Detailed: false), json: false);

        Assert.Equal((ExitCodes.Success, $"acme/a: no changes{NL}No changes: 1 Space(s) match the manifest.{NL}"), (code, output));
    }

    [Fact]
    public async Task A_download_to_a_file_says_so_on_stderr_in_text_and_only_in_the_document_with_json()
    {
        var options = new FilesGetCommand.Options(SpaceId.Parse("acme/chat"), "app.py", "out/app.py", Revision: null);
        var result = new FilesGetCommand.Result(options, new SpaceFileDownload { CommitId = "0123456789abcdef0123456789abcdef01234567", Length = 2048 });

        var text = await RenderAsync(FilesGetCommand.Renderer, result, json: false);
        var json = await RenderAsync(FilesGetCommand.Renderer, result, json: true);
        var toStdout = await RenderAsync(FilesGetCommand.Renderer, result with { Options = options with { Output = null }, Download = null }, json: true);

        Assert.Equal((string.Empty, $"Wrote 2.0 KiB to out/app.py (at 0123456).{NL}"), (text.Out, text.Err));
        Assert.Equal(string.Empty, json.Err);
        Assert.Contains("\"bytes\": 2048", json.Out, StringComparison.Ordinal);
        Assert.Equal((string.Empty, string.Empty), (toStdout.Out, toStdout.Err));
    }

    [Fact]
    public async Task A_run_returns_its_result_and_writes_nothing()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new CliContext(output, error, TextReader.Null, _ => throw new InvalidOperationException());
        using var client = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = Emulator.Endpoint, Token = Token, UseImplicitToken = false });

        var result = await SleepCommand.RunAsync(new RunContext(cli, client, json: false, CancellationToken.None), new SleepCommand.Options(SpaceId.Parse("alice/demo"), TimeSpan.FromHours(1)));

        Assert.True(result.Unchanged);
        Assert.Equal(SpaceHardware.CpuBasic, result.Status.Runtime.Hardware);
        Assert.Equal((string.Empty, string.Empty), (output.ToString(), error.ToString()));
        Assert.Single(Emulator.Requests, r => r.Method == "POST" && r.Path == "/api/spaces/alice/demo/sleeptime");
    }

    private static async Task<(int Code, string Out, string Err)> RenderAsync<T>(Renderer<T> renderer, T result, bool json)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await renderer.WriteAsync(new CliContext(output, error, TextReader.Null, _ => throw new InvalidOperationException()), result, json);
        return (code, output.ToString(), error.ToString());
    }
}
