using HfSpaces;
using HfSpaces.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await HfSpacesCli.RunAsync(args, HfSpacesCli.ConsoleContext(), cancel.Token);
