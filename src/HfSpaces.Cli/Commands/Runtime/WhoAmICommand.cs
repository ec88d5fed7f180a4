using System.CommandLine;
using HfSpaces.Cli.Running;

namespace HfSpaces.Cli.Commands.Runtime;

/// <summary><c>hf-spaces whoami</c>: Show the account behind the token.</summary>
internal static class WhoAmICommand
{
    public static Command Create(CliContext cli) =>
        new Command("whoami", "Show the account behind the token.").Runs(cli, static _ => (object?)null, RunAsync, Renderer);

    internal static Task<HubAccount> RunAsync(RunContext run, object? none) => run.Client.WhoAmIAsync(run.CancellationToken);

    internal static Renderer<HubAccount> Renderer { get; } = new()
    {
        Text = static (cli, account) => Output.Table(cli, [("name", account.Name), ("organizations", account.Organizations.Count == 0 ? "-" : string.Join(", ", account.Organizations))]),
        Json = static account => Json.Object(("name", account.Name), ("fullName", account.FullName), ("type", account.Type), ("organizations", Json.Strings(account.Organizations))),
    };
}
