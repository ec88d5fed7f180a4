using System.CommandLine;
using HfSpaces.Cli.Commands.Runtime;
using HfSpaces.Cli.Running;
using static HfSpaces.Cli.HfSpacesCli;

namespace HfSpaces.Cli.Commands.Lifecycle;

/// <summary>duplicate SOURCE [TARGET] [--private|--visibility] [--hardware] [--sleep] [--exist-ok].</summary>
internal static class DuplicateCommand
{
    internal sealed record Options(SpaceId Source, string? Target, DuplicateSpaceOptions Duplicate);

    public static IEnumerable<Command> Create(CliContext cli)
    {
        var source = SpaceArgument("source", "The Space to copy, namespace/name.");
        var target = new Argument<string?>("target") { Description = "namespace/name, or a name in your namespace (default: the source's name).", Arity = ArgumentArity.ZeroOrOne };
        var visibility = new Option<string?>("--visibility") { Description = "public, private or protected." };
        visibility.AcceptOnlyFromAmong("public", "private", "protected");
        var hardware = new Option<string?>("--hardware") { Description = "The copy's hardware flavor." };
        var sleep = RuntimeCommands.SleepOption("--sleep", "The copy's sleep time: seconds, or 'never'.");
        var existOk = new Option<bool>("--exist-ok") { Description = "An existing target is not an error." };
        yield return new Command("duplicate", "Copy a Space.") { source, target, visibility, hardware, sleep, existOk }.Runs(
            cli,
            parse => new Options(parse.GetValue(source), parse.GetValue(target), new DuplicateSpaceOptions
            {
                Visibility = parse.GetValue(visibility) is { } v ? SpaceVisibility.Parse(v) : (SpaceVisibility?)null,
                Hardware = parse.GetValue(hardware) is { } h ? RuntimeCommands.ParseFlavor(h, force: false) : (SpaceHardware?)null,
                SleepTime = parse.GetValue(sleep),
                ExistOk = parse.GetValue(existOk),
            }),
            RunAsync,
            Renderer);
    }

    internal static Task<SpaceDuplicate> RunAsync(RunContext run, Options options) =>
        run.Client.DuplicateAsync(options.Source, options.Target, options.Duplicate, run.CancellationToken);

    internal static Renderer<SpaceDuplicate> Renderer { get; } = new()
    {
        Text = static (cli, result) =>
        {
            var url = Terminal.Safe(result.Url.ToString());
            cli.Out.WriteLine(result.AlreadyExisted ? $"{result.Id} already exists: {url}" : $"Duplicated to {result.Id}: {url}");
        },
        Json = static result => Json.Object(("id", result.Id.ToString()), ("url", result.Url.ToString()), ("alreadyExisted", result.AlreadyExisted)),
    };
}
