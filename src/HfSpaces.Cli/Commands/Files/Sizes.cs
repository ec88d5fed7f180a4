using System.Globalization;

namespace HfSpaces.Cli.Commands.Files;

/// <summary>Byte counts and rates as a person reads them: <c>512 B</c>, <c>1.2 KiB</c>, <c>3.4 MiB</c>: powers of 1024, named as such (as the live display's Spectre.Console columns name them).</summary>
internal static class Sizes
{
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.00} GiB"),
    };
}
