using System.CommandLine;
using System.CommandLine.Parsing;
using HfSpaces.Cli.Commands.Configuration;
using HfSpaces.Cli.Commands.Demo;
using HfSpaces.Cli.Commands.Fleet;
using HfSpaces.Cli.Commands.Lifecycle;
using HfSpaces.Cli.Commands.Manifest;
using HfSpaces.Cli.Commands.Runtime;

namespace HfSpaces.Cli;

/// <summary>The <c>hf-spaces</c> command tree. <see cref="RunAsync"/> is what <c>Main</c> calls and what tests call in process.</summary>
public static class HfSpacesCli
{
    /// <summary>The Hub to talk to; default <c>HF_ENDPOINT</c>, else https://huggingface.co.</summary>
    internal static readonly Option<Uri?> EndpointOption = new("--endpoint")
    {
        Description = "The Hub URL (default: HF_ENDPOINT, else https://huggingface.co).",
        Recursive = true,
        CustomParser = r => Uri.TryCreate(r.Tokens[0].Value, UriKind.Absolute, out var uri) ? uri : Fail<Uri>(r, $"--endpoint '{r.Tokens[0].Value}' is not an absolute URL."),
    };

    /// <summary>The access token; default <c>HF_TOKEN</c>, else the token file.</summary>
    internal static readonly Option<string?> TokenOption = new("--token")
    {
        Description = "The access token (default: HF_TOKEN, else ~/.cache/huggingface/token). Prefer the variable: options show in process lists.",
        Recursive = true,
    };

    /// <summary>Machine-readable output.</summary>
    internal static readonly Option<bool> JsonOption = new("--json")
    {
        Description = "Print JSON instead of tables.",
        Recursive = true,
    };

    /// <summary>Details of unexpected errors (a stack trace) instead of one line.</summary>
    internal static readonly Option<bool> VerboseOption = new("--verbose")
    {
        Description = "Show the details (stack trace) of an unexpected error.",
        Recursive = true,
    };

    /// <summary>
    /// Runs a program at the console (<c>hf-spaces</c>, the demo): with <see cref="ConsoleContext"/>, and Ctrl+C cancelling
    /// the run's token instead of killing the process, so what was sent is reported and nothing is left half-done silently.
    /// </summary>
    public static async Task<int> RunAtConsoleAsync(Func<CliContext, CancellationToken, Task<int>> run)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        return await run(ConsoleContext(), cancel.Token).ConfigureAwait(false);
    }

    /// <summary>The context of a run at a console: its streams, a hidden prompt for secrets, colours unless redirected or NO_COLOR.</summary>
    public static CliContext ConsoleContext() => new(Console.Out, Console.Error, Console.In, options => new HfSpacesClient(options))
    {
        Interactive = !Console.IsInputRedirected,
        // A terminal that can move its cursor (not TERM=dumb): progress redraws in place.
        LiveDisplay = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb",
        StandardOutput = Console.OpenStandardOutput,
        HiddenReader = ReadHidden,
        Colors = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
    };

    /// <summary>A secret typed at the terminal is not echoed (like 'hf auth login'); Backspace works, Ctrl+C cancels.</summary>
    private static string ReadHidden()
    {
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }

    /// <summary>Runs the command line; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, CliContext cli, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cli);
        var parsed = Root(cli).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // A mistyped command: say which one was meant, instead of "Required command was not provided".
            var command = parsed.CommandResult.Command;
            if (command.Subcommands.Count > 0 && parsed.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) is { } typo)
            {
                var names = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
                var suggestion = ValueSuggestions.Nearest(typo, names);
                var path = command is RootCommand ? "hf-spaces" : $"hf-spaces {command.Name}";
                await cli.Err.WriteLineAsync($"error: '{Terminal.Safe(typo)}' is not a {path} command.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")} Commands: {string.Join(", ", names)}.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            foreach (var error in parsed.Errors)
            {
                await cli.Err.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            await cli.Err.WriteLineAsync("Run 'hf-spaces --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = cli.Out, Error = cli.Err }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The whole command tree (tests parse the README's examples with it).</summary>
    internal static RootCommand Root(CliContext cli)
    {
        var root = new RootCommand("Manage Hugging Face Spaces: create, find, run, configure and delete them, one at a time, as code (plan/apply) or as a fleet. Exit codes: 0 ok, 2 usage, 3 not found, 4 auth, 5 Hub failure, 6 wait timeout, 7 wait ended not RUNNING, 130 interrupted (plan: 0 no changes, 2 changes pending, 1 error).");
        root.Options.Add(EndpointOption);
        root.Options.Add(TokenOption);
        root.Options.Add(JsonOption);
        root.Options.Add(VerboseOption);
        foreach (var command in RuntimeCommands.Create(cli)
            .Concat(LogsCommand.Create(cli))
            .Concat(KeyValueCommands.Create(cli))
            .Concat(DuplicateCommand.Create(cli))
            .Concat(LifecycleCommands.Create(cli))
            .Concat(ManifestCommands.Create(cli))
            .Concat(FleetCommands.Create(cli))
            .Concat(VolumesCommands.Create(cli))
            .Append(Commands.Files.DeployCommand.Create(cli))
            .Append(Commands.Files.FilesCommand.Create(cli))
            .Append(DemoCommand.Create(cli)))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>A required <c>namespace/name</c> argument, validated while parsing (a bad id is a usage error).</summary>
    internal static Argument<SpaceId> SpaceArgument(string name = "space", string description = "The Space, namespace/name.") => new(name)
    {
        Description = description,
        CustomParser = r => SpaceId.TryParse(r.Tokens[0].Value, out var id, out var error) ? id : Fail<SpaceId>(r, error),
    };

    /// <summary>What the CLI's requests name in their User-Agent.</summary>
    internal const string ApplicationId = "hf-spaces-cli";

    /// <summary>
    /// One line on stderr and an exit code; a stack trace only for an unexpected error and only with --verbose. With --json,
    /// the line is a JSON object for scripts: <c>{"error":{"message","exitCode","status","errorCode","requestId"}}</c>.
    /// </summary>
    internal static async Task<int> ReportAsync(CliContext cli, Exception e, bool verbose = false, bool json = false)
    {
        var (code, message) = e switch
        {
            HfSpacesNotFoundException => (ExitCodes.NotFound, e.Message),
            // The SDK's words are for C# callers; at a shell the token comes from --token or HF_TOKEN.
            HfSpacesUnauthorizedException or HfSpacesForbiddenException => (ExitCodes.Auth, e.Message.Replace("HfSpacesClientOptions.Token", "pass --token", StringComparison.Ordinal)),
            HfSpacesConflictException => (ExitCodes.HubFailure, $"{e.Message} Pass --exist-ok if the existing Space will do."),
            HfSpacesException { StatusCode: null } when e.Message.Contains("could not connect to", StringComparison.Ordinal) =>
                (ExitCodes.HubFailure, $"{e.Message} Check the endpoint: --endpoint, or HF_ENDPOINT ({Environment.GetEnvironmentVariable("HF_ENDPOINT") ?? "not set: https://huggingface.co"})."),
            HfSpacesException => (ExitCodes.HubFailure, e.Message),
            SpaceWaitTimeoutException => (ExitCodes.Timeout, e.Message),
            SpaceCredentialFilesException refused => (ExitCodes.Usage,
                $"Refused: {refused.Files.Count} file(s) look like credentials and would be public in the Space's repository: "
                + string.Join("; ", refused.Files.Select(f => $"{f.Path} ({f.Reason})"))
                + ". Put secret values in the Space's secrets ('hf-spaces secrets set'); to send such a file on purpose, pass --allow-secret-file PATH."),
            DirectoryNotFoundException => (ExitCodes.Usage, e.Message),
            // A person at a shell does not need .NET's " (Parameter 'options')".
            ArgumentException { ParamName: { } parameter } => (ExitCodes.Usage, e.Message.Replace($" (Parameter '{parameter}')", string.Empty, StringComparison.Ordinal)),
            ArgumentException => (ExitCodes.Usage, e.Message),
            Manifests.ManifestException => (ExitCodes.Usage, e.Message),
            OperationCanceledException => (ExitCodes.Cancelled, "Cancelled."),
            _ => (ExitCodes.Unexpected, verbose
                ? $"unexpected {e}"
                : $"unexpected {e.GetType().Name}: {e.Message.TrimEnd('.')}. Run again with --verbose for the details, and please report it."),
        };
        if (json)
        {
            var hub = e as HfSpacesException;
            await cli.Err.WriteLineAsync(Json.Text(Json.Object(("error", Json.Object(
                ("message", message),
                ("exitCode", code),
                ("status", hub?.StatusCode is { } status ? (int)status : null),
                ("errorCode", hub?.ErrorCode),
                ("requestId", hub?.RequestId)))), indented: false)).ConfigureAwait(false);
            return code;
        }

        await cli.Err.WriteLineAsync("error: " + string.Join('\n', message.Split('\n').Select(line => Terminal.Safe(line.TrimEnd('\r'))))).ConfigureAwait(false);
        return code;
    }

    /// <summary>Records a parse error on the argument or option (a usage error, exit code 2) and returns a placeholder.</summary>
    internal static T Fail<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }
}
