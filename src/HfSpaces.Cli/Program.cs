using HfSpaces;
using HfSpaces.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var cli = new CliContext(Console.Out, Console.Error, Console.In, options => new HfSpacesClient(options))
{
    Interactive = !Console.IsInputRedirected,
    Colors = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
};
return await HfSpacesCli.RunAsync(args, cli, cancel.Token);
