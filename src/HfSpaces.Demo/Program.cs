using HfSpaces.Cli;
using HfSpaces.Demo;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await EmulatorDemo.RunAsync(args, HfSpacesCli.ConsoleContext(), cancel.Token);
