using HfSpaces.Emulator.State;

namespace HfSpaces.Emulator.Hosting;

/// <summary>A request body read whole, but never past a limit: a longer one is refused with the Hub's error as soon as it passes it.</summary>
internal static class BoundedBody
{
    public static async Task<byte[]> ReadAsync(Stream body, long limit, Func<HubError> tooLong, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw tooLong();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
