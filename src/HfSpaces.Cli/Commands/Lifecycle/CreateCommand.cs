using System.CommandLine;
using HfSpaces.Cli.Commands.Files;
using HfSpaces.Cli.Commands.Runtime;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.Commands.Lifecycle.LifecycleCommands;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Lifecycle;

/// <summary><c>create ID --sdk SDK […] [--from DIR]</c>: a new Space, and with --from its first files in one step.</summary>
internal static class CreateCommand
{
    /// <summary><see cref="From"/>: a folder to deploy right after.</summary>
    internal sealed record Options(SpaceId Space, CreateSpaceOptions Create, string? From);

    /// <summary>The Space as created, and --from's commit (null: no --from, or nothing to send).</summary>
    internal sealed record Result(SpaceCreation Created, SpaceCommit? Commit);

    public static Command Create(CliContext cli)
    {
        var space = SpaceArgument("space", "The new Space, namespace/name.");
        var sdk = new Option<string>("--sdk") { Description = "gradio, streamlit, docker or static.", Required = true };
        sdk.AcceptOnlyFromAmong([.. SpaceSdk.KnownValues.Select(v => v.ToString())]);
        var visibility = VisibilityOption();
        var template = new Option<string?>("--template") { Description = "A template Space to start from (see 'templates')." };
        var hardware = new Option<string?>("--hardware") { Description = "The hardware flavor (see 'hardware list')." };
        var force = new Option<bool>("--force") { Description = "Send a flavor this CLI does not know." };
        var sleep = RuntimeCommands.SleepOption("--sleep", "The sleep time: seconds, or 'never'.");
        var secrets = new Option<string[]>("--secret")
        {
            Description = "A secret to set, read from the environment variable of the same name (repeatable). Values never go on the command line.",
            AllowMultipleArgumentsPerToken = false,
        };
        var variables = new Option<string[]>("--variable") { Description = "A variable to set, KEY=VALUE (repeatable)." };
        var devMode = new Option<bool>("--dev-mode") { Description = "Start with dev mode on." };
        var description = new Option<string?>("--description") { Description = "A one-line description." };
        var existOk = new Option<bool>("--exist-ok") { Description = "An existing Space is not an error (nothing is changed on it)." };
        var from = new Option<string?>("--from") { Description = "Deploy this folder into the new Space right away (as 'deploy ID DIR --yes')." };
        var command = new Command("create", "Create a Space.") { space, sdk, visibility, template, hardware, force, sleep, secrets, variables, devMode, description, existOk, from };
        return command.Runs(
            cli,
            parse => new Options(parse.GetValue(space), new CreateSpaceOptions
            {
                Sdk = new SpaceSdk(parse.GetValue(sdk)!),
                Visibility = Visibility(parse.GetValue(visibility)),
                Template = parse.GetValue(template),
                Hardware = parse.GetValue(hardware) is { } h ? RuntimeCommands.ParseFlavor(h, parse.GetValue(force)) : (SpaceHardware?)null,
                SleepTime = parse.GetValue(sleep),
                Secrets = parse.GetValue(secrets) is { Length: > 0 } s ? s.Select(SecretFromEnvironment).ToArray() : null,
                Variables = parse.GetValue(variables) is { Length: > 0 } v ? v.Select(Variable).ToArray() : null,
                DevMode = parse.GetValue(devMode) ? true : null,
                ShortDescription = parse.GetValue(description),
                ExistOk = parse.GetValue(existOk),
            }, parse.GetValue(from)),
            static (cli, json) => new View(cli, json),
            RunAsync,
            Renderer);
    }

    /// <summary>Creates, says so at once (a deploy may follow), then deploys --from's folder.</summary>
    internal static async Task<Result> RunAsync(RunContext run, Options options, View view)
    {
        var created = await run.Client.CreateSpaceAsync(options.Space, options.Create, run.CancellationToken).ConfigureAwait(false);
        await view.CreatedAsync(options, created).ConfigureAwait(false);
        return new Result(created, options.From is { } folder
            ? (await DeployCommand.DeployAsync(run, view.Deploy, options.Space, folder, new SpaceSyncOptions { Message = "First version" }, dryRun: false, yes: true).ConfigureAwait(false)).Commit
            : null);
    }

    /// <summary>The view wrote everything as it happened.</summary>
    internal static Renderer<Result> Renderer { get; } = new() { Text = static (_, _) => { }, Json = null };

    /// <summary>The new Space (a JSON document, or a line and its warnings), then --from's deploy display.</summary>
    internal sealed class View(CliContext cli, bool json)
    {
        public DeployDisplay Deploy { get; } = new(cli, json);

        public async Task CreatedAsync(Options options, SpaceCreation created)
        {
            var id = options.Space;
            if (json)
            {
                cli.WriteJson(Json.Object(
                    ("id", created.Id.ToString()),
                    ("url", created.Url.ToString()),
                    ("alreadyExisted", created.AlreadyExisted),
                    ("hardwareApplied", created.HardwareApplied),
                    ("runtime", created.Runtime is { } r ? Output.ToJson(id, r) : null),
                    ("runtimeError", created.RuntimeError?.Message)));
                return;
            }

            var url = Terminal.Safe(created.Url.ToString());
            cli.Out.WriteLine(created.AlreadyExisted ? $"{id} already exists (left unchanged): {url}" : $"Created {id}: {url}");
            if (created.HardwareApplied == false)
            {
                await cli.Err.WriteLineAsync($"warning: the Hub put {id} on {created.Runtime?.RequestedHardware?.ToString() ?? "other hardware"}, not {options.Create.Hardware}; run 'hf-spaces hardware {id} {options.Create.Hardware}' to request it again.").ConfigureAwait(false);
            }
            else if (created.RuntimeError is { } error)
            {
                await cli.Err.WriteLineAsync($"warning: {id} was created, but its hardware could not be checked: {Terminal.Safe(error.Message)}").ConfigureAwait(false);
            }
        }
    }
}
