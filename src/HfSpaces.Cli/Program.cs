using HfSpaces.Cli;

return await HfSpacesCli.RunAtConsoleAsync((context, cancellationToken) => HfSpacesCli.RunAsync(args, context, cancellationToken));
