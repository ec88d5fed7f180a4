using System.Runtime.CompilerServices;
using HfSpaces.Http;
using HfSpaces.Mapping;
using Microsoft.Kiota.Abstractions;
using Wire = HfSpaces.Generated.Models;

namespace HfSpaces;

/// <summary>The running Space: its runtime, hardware, sleep time, pause and restart, and its logs.</summary>
public partial class HfSpacesClient
{
    /// <summary>Reads the Space's runtime (<c>GET /api/spaces/{id}/runtime</c>).</summary>
    /// <exception cref="HfSpacesNotFoundException">No such Space, or the token cannot see it.</exception>
    public virtual async Task<SpaceRuntime> GetRuntimeAsync(SpaceId space, CancellationToken cancellationToken = default)
    {
        var info = Request(Requests.Runtime, space);
        return await RuntimeAsync(info, HubRequestOption.GetRuntime, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Requests a hardware flavor; the Space rebuilds on it. Any flavor is sent as given, including ones this SDK does not
    /// know (<c>new SpaceHardware("h200x8")</c>): the Hub decides.
    /// </summary>
    /// <param name="space">The Space.</param>
    /// <param name="hardware">The flavor.</param>
    /// <param name="sleepTime">Optional inactivity delay before sleep, whole seconds; <see cref="Timeout.InfiniteTimeSpan"/> for never. Ignored by the Hub on cpu-basic (fixed 48 h).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="HfSpacesForbiddenException">Only the owner can change hardware.</exception>
    public virtual async Task<SpaceRuntime> RequestHardwareAsync(SpaceId space, SpaceHardware hardware, TimeSpan? sleepTime = null, CancellationToken cancellationToken = default)
    {
        var body = new Wire.HardwareRequest
        {
            Flavor = Required(hardware.ToString(), nameof(hardware), "a SpaceHardware member or new SpaceHardware(\"flavor\")"),
            SleepTimeSeconds = sleepTime is { } s ? Seconds(s, nameof(sleepTime)) : null,
        };
        var info = Request(Requests.Hardware, space, body);
        return await RuntimeAsync(info, HubRequestOption.RequestHardware, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the inactivity delay before the Space sleeps (<c>POST …/sleeptime</c>); only upgraded hardware can change it.</summary>
    /// <param name="space">The Space.</param>
    /// <param name="sleepTime">Whole seconds, positive; <see cref="Timeout.InfiniteTimeSpan"/> for never.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The runtime the Hub reports after the change: read <see cref="SpaceRuntime.SleepTime"/> to see what it applied.</returns>
    public virtual async Task<SpaceRuntime> SetSleepTimeAsync(SpaceId space, TimeSpan sleepTime, CancellationToken cancellationToken = default)
    {
        var body = new Wire.SleepTimeRequest { Seconds = Seconds(sleepTime, nameof(sleepTime)) };
        var info = Request(Requests.SleepTime, space, body);
        return await RuntimeAsync(info, HubRequestOption.SetSleepTime, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Pauses the Space (stage PAUSED, not billed). Only the owner can; static Spaces answer 400. <see cref="RestartAsync"/> un-pauses.</summary>
    public virtual async Task<SpaceRuntime> PauseAsync(SpaceId space, CancellationToken cancellationToken = default)
    {
        var info = Request(Requests.Pause, space);
        return await RuntimeAsync(info, HubRequestOption.Pause, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Restarts the Space (also un-pauses it). A factory reboot rebuilds without cache. Not retried on server errors: a restart is not idempotent.</summary>
    public virtual async Task<SpaceRuntime> RestartAsync(SpaceId space, bool factoryReboot = false, CancellationToken cancellationToken = default)
    {
        var info = factoryReboot
            ? Space(space).Restart.ToPostRequestInformation(static c => c.QueryParameters.Factory = true)
            : Request(Requests.Restart, space);
        return await RuntimeAsync(info, HubRequestOption.Restart, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams the Space's run (or build) logs. Keep-alives are skipped. Without <see cref="SpaceLogOptions.Follow"/> the
    /// sequence ends once the Hub has been silent for <see cref="SpaceLogOptions.IdleTimeout"/>; with it, when the stream ends
    /// or <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public virtual IAsyncEnumerable<SpaceLogLine> StreamLogsAsync(SpaceId space, SpaceLogOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SpaceLogOptions();
        var type = Required(options.Type.ToString(), nameof(options), "SpaceLogType.Run or SpaceLogType.Build");
        if (options.Tail is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Tail, "SpaceLogOptions.Tail cannot be negative.");
        }

        if (!options.Follow && options.IdleTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.IdleTimeout, "SpaceLogOptions.IdleTimeout must be positive.");
        }

        var info = Space(space).Logs[type].ToGetRequestInformation(c => c.QueryParameters.Tail = options.Tail);
        return ReadLogsAsync(info, options.Follow ? null : options.IdleTimeout, cancellationToken);
    }

    private async IAsyncEnumerable<SpaceLogLine> ReadLogsAsync(RequestInformation info, TimeSpan? idleTimeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await _connection.ExchangeAsync(info, HubRequestOption.StreamLogs, cancellationToken).ConfigureAwait(false);
        var path = info.URI.AbsolutePath;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var line in SpaceLogReader.ReadAsync(stream, path, idleTimeout, _connection.Clock, cancellationToken).ConfigureAwait(false))
            {
                yield return line;
            }
        }
    }

    private Task<SpaceRuntime> RuntimeAsync(RequestInformation info, HubRequestOption operation, CancellationToken cancellationToken) =>
        _connection.SendAsync(info, operation, static d => HubModels.ToRuntime(HubConnection.Body(d)), cancellationToken);
}
