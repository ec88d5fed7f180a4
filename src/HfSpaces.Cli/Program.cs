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
    HiddenReader = ReadHidden,
    Colors = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
};
return await HfSpacesCli.RunAsync(args, cli, cancel.Token);

// A secret typed at the terminal is not echoed (like 'hf auth login'); Backspace works, Ctrl+C cancels.
static string ReadHidden()
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
