using HfSpaces.Cli;
using HfSpaces.Demo;

return await HfSpacesCli.RunAtConsoleAsync((context, cancellationToken) => EmulatorDemo.RunAsync(args, context, cancellationToken));
