using System.CommandLine;
using System.CommandLine.Invocation;
using System.Text.Json.Nodes;

namespace HfSpaces.Cli.Running;

/// <summary>
/// A command in <c>gh</c>'s shape: its options read from the command line into a <typeparamref name="TOptions"/> (nothing
/// sent yet: a bad value is a usage error), a run that calls the Hub and returns a <typeparamref name="TResult"/> (no
/// writing), and one <see cref="Renderer{TResult}"/> that writes that result as text or as JSON and decides the exit code.
/// A command that reports as it goes (logs, wait, deploy, fleet, apply) also has a view, made for the output mode, which
/// the run reports to.
/// </summary>
internal static class Verb
{
    /// <summary>
    /// Makes <paramref name="command"/> run as bind → run → render. <paramref name="everyFailure"/>: one exit code for every
    /// failure but Ctrl+C (plan's 1, so that its 2 always means "changes pending"), instead of one a kind.
    /// <paramref name="applicationId"/>: what the User-Agent names (the demo's own).
    /// </summary>
    public static Command Runs<TOptions, TResult>(
        this Command command,
        CliContext cli,
        Func<ParseResult, TOptions> bind,
        Func<RunContext, TOptions, Task<TResult>> run,
        Renderer<TResult> renderer,
        int? everyFailure = null,
        string applicationId = HfSpacesCli.ApplicationId)
    {
        command.Action = new VerbAction<TOptions, object?, TResult>(cli, bind, static (_, _) => null, (context, options, _) => run(context, options), renderer, everyFailure, applicationId);
        return command;
    }

    /// <summary>Makes <paramref name="command"/> run as bind → run (reporting to a view for the output mode) → render.</summary>
    public static Command Runs<TOptions, TView, TResult>(
        this Command command,
        CliContext cli,
        Func<ParseResult, TOptions> bind,
        Func<CliContext, bool, TView> view,
        Func<RunContext, TOptions, TView, Task<TResult>> run,
        Renderer<TResult> renderer,
        int? everyFailure = null,
        string applicationId = HfSpacesCli.ApplicationId)
    {
        command.Action = new VerbAction<TOptions, TView, TResult>(cli, bind, view, run, renderer, everyFailure, applicationId);
        return command;
    }
}

/// <summary>What a run may use: the client, the output mode, prompts and stdin (through <see cref="Cli"/>), the token.</summary>
internal sealed class RunContext(CliContext cli, HfSpacesClient client, bool json, CancellationToken cancellationToken)
{
    public CliContext Cli { get; } = cli;

    public HfSpacesClient Client { get; } = client;

    /// <summary>--json: the run must not prompt for what a script cannot answer, and its view writes NDJSON.</summary>
    public bool Json { get; } = json;

    public CancellationToken CancellationToken { get; } = cancellationToken;
}

/// <summary>How a command's result is written: text for a person, JSON for a script; its stderr lines; its exit code.</summary>
internal sealed class Renderer<TResult>
{
    /// <summary>The text a person reads on stdout.</summary>
    public required Action<CliContext, TResult> Text { get; init; }

    /// <summary>
    /// The result as one indented JSON document, or null when there is none to write (nothing was done). No function: the
    /// text serves both modes (export's YAML; a command whose view wrote everything as it went).
    /// </summary>
    public required Func<TResult, JsonNode?>? Json { get; init; }

    /// <summary>The JSON is the last event of an NDJSON stream the view wrote: one line, not indented.</summary>
    public bool JsonLine { get; init; }

    /// <summary>Lines for stderr in both modes (<c>warning: …</c>, <c>error: …</c>), after the result.</summary>
    public Func<TResult, IEnumerable<string>>? Diagnostics { get; init; }

    /// <summary>The process's exit code for this result (default <see cref="ExitCodes.Success"/>).</summary>
    public Func<TResult, int>? ExitCode { get; init; }

    /// <summary>Writes <paramref name="result"/> in the mode asked for and returns its exit code.</summary>
    public async Task<int> WriteAsync(CliContext cli, TResult result, bool json)
    {
        if (!json || Json is null)
        {
            Text(cli, result);
        }
        else if (Json(result) is { } document)
        {
            if (JsonLine)
            {
                cli.WriteJsonLine(document);
            }
            else
            {
                cli.WriteJson(document);
            }
        }

        foreach (var line in Diagnostics?.Invoke(result) ?? [])
        {
            await cli.Err.WriteLineAsync(line).ConfigureAwait(false);
        }

        return ExitCode?.Invoke(result) ?? ExitCodes.Success;
    }
}

/// <summary>The three parts of a verb, for tests that walk the command tree.</summary>
internal interface IVerbAction
{
    Type Options { get; }

    Type Result { get; }
}

/// <summary>Runs a verb: the options bound, the client built from the global options, the run, the renderer, failures as exit codes.</summary>
internal sealed class VerbAction<TOptions, TView, TResult>(
    CliContext cli,
    Func<ParseResult, TOptions> bind,
    Func<CliContext, bool, TView> view,
    Func<RunContext, TOptions, TView, Task<TResult>> run,
    Renderer<TResult> renderer,
    int? everyFailure,
    string applicationId) : AsynchronousCommandLineAction, IVerbAction
{
    public Type Options => typeof(TOptions);

    public Type Result => typeof(TResult);

    /// <summary>The one place a command builds its client (from the global options) and turns a failure into an exit code.</summary>
    public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        var (json, verbose) = (parseResult.GetValue(HfSpacesCli.JsonOption), parseResult.GetValue(HfSpacesCli.VerboseOption));
        try
        {
            var options = bind(parseResult);
            using var client = cli.CreateClient(new HfSpacesClientOptions
            {
                Endpoint = parseResult.GetValue(HfSpacesCli.EndpointOption),
                Token = parseResult.GetValue(HfSpacesCli.TokenOption),
                ApplicationId = applicationId,
            });
            var result = await run(new RunContext(cli, client, json, cancellationToken), options, view(cli, json)).ConfigureAwait(false);
            return await renderer.WriteAsync(cli, result, json).ConfigureAwait(false);
        }
        catch (Exception e) when (everyFailure is { } code && e is not OperationCanceledException)
        {
            await HfSpacesCli.ReportAsync(cli, e, verbose).ConfigureAwait(false);
            return code;
        }
        catch (Exception e)
        {
            return await HfSpacesCli.ReportAsync(cli, e, verbose, json).ConfigureAwait(false);
        }
    }
}
