using HfSpaces.Resilience;

namespace HfSpaces;

public partial class HfSpacesClient
{
    /// <summary>
    /// Waits until the stage is no longer intermediate (BUILDING, RUNNING_BUILDING, APP_STARTING, RUNNING_APP_STARTING)
    /// and returns the runtime — RUNNING, an error stage, PAUSED, or a stage this SDK does not know. While the image builds
    /// it follows the build log and reads the runtime as soon as the log ends (polls meanwhile only as a safety net); while
    /// the application starts it polls every half <see cref="WaitForStageOptions.PollInterval"/> or so. It never makes more
    /// requests than reading every <see cref="WaitForStageOptions.PollInterval"/> would.
    /// </summary>
    /// <exception cref="SpaceWaitTimeoutException">Still intermediate after <see cref="WaitForStageOptions.Timeout"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive timeout or poll interval.</exception>
    public virtual async Task<SpaceRuntime> WaitForStageAsync(SpaceId space, WaitForStageOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WaitForStageOptions();
        ValidateSpace(space);
        if (options.Timeout <= TimeSpan.Zero && options.Timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Timeout, "WaitForStageOptions.Timeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.MaxPollInterval < options.PollInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PollInterval, "WaitForStageOptions.PollInterval must be positive and at most MaxPollInterval.");
        }

        var clock = _connection.Clock;
        var started = clock.GetTimestamp();
        var schedule = new WaitSchedule(options.PollInterval, options.MaxPollInterval);
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var buildLog = new BuildLogWatch(this, space, options.WatchBuildLog, () => clock.GetElapsedTime(started));
        try
        {
            var runtime = await GetRuntimeAsync(space, cancellationToken).ConfigureAwait(false);
            while (true)
            {
                options.Progress?.Report(runtime);
                if (!runtime.Stage.IsIntermediate)
                {
                    return runtime;
                }

                var now = clock.GetElapsedTime(started);
                if (options.Timeout != Timeout.InfiniteTimeSpan && now >= options.Timeout)
                {
                    throw new SpaceWaitTimeoutException(space, options.Timeout, runtime);
                }

                var building = runtime.Stage == SpaceStage.Building || runtime.Stage == SpaceStage.RunningBuilding;
                if (building && buildLog.Open(now, stopWatching.Token))
                {
                    schedule.OpenedBuildLog();
                }

                var watching = building && buildLog.Watching;
                var next = schedule.Next(now, watching);
                if (watching && await SleepUntilAsync(next, buildLog.Ended).ConfigureAwait(false))
                {
                    // The build ended (or its log did): read now, within the budget.
                    await SleepUntilAsync(schedule.Woken(clock.GetElapsedTime(started)), null).ConfigureAwait(false);
                    buildLog.Closed();
                }
                else if (!watching)
                {
                    await SleepUntilAsync(next, null).ConfigureAwait(false);
                }

                runtime = await GetRuntimeAsync(space, cancellationToken).ConfigureAwait(false);
                schedule.Read(clock.GetElapsedTime(started));
            }
        }
        finally
        {
            await stopWatching.CancelAsync().ConfigureAwait(false);
            await buildLog.DisposeAsync().ConfigureAwait(false);
        }

        // Sleeps until `at` (an offset from the start), but not past the timeout; true if `wake` completed first.
        async Task<bool> SleepUntilAsync(TimeSpan at, Task? wake)
        {
            var now = clock.GetElapsedTime(started);
            if (options.Timeout != Timeout.InfiniteTimeSpan && at > options.Timeout)
            {
                at = options.Timeout;
            }

            if (wake is null)
            {
                if (at > now)
                {
                    await Task.Delay(at - now, clock, cancellationToken).ConfigureAwait(false);
                }

                return false;
            }

            if (wake.IsCompleted)
            {
                return true;
            }

            using var sleeping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(at > now ? at - now : TimeSpan.Zero, clock, sleeping.Token);
            var first = await Task.WhenAny(delay, wake).ConfigureAwait(false);
            await sleeping.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return first == wake;
        }
    }

    /// <summary>
    /// The build log a wait follows as a wake-up: one stream at a time; its end (or failure) wakes the wait. A stream that
    /// failed, or ended within <see cref="MinLifetime"/> (a finished build's log; the Space's stage lagging behind), is not
    /// opened again in this wait: polling takes over. One that lived longer (a proxy cutting a long stream) is.
    /// </summary>
    private sealed class BuildLogWatch(HfSpacesClient client, SpaceId space, bool enabled, Func<TimeSpan> elapsed) : IAsyncDisposable
    {
        private static readonly TimeSpan MinLifetime = TimeSpan.FromSeconds(30);
        private Task? _stream;
        private TimeSpan _openedAt;
        private TimeSpan _endedAt;
        private bool _unusable = !enabled;

        /// <summary>True while a stream is open (or has ended without the wait having read since).</summary>
        public bool Watching => _stream is not null;

        /// <summary>Completes when the open stream ends.</summary>
        public Task Ended => _stream ?? throw new InvalidOperationException("No build log is open.");

        /// <summary>Opens a stream unless one is open or the log proved unusable; true if it did (a request was made).</summary>
        public bool Open(TimeSpan now, CancellationToken cancellationToken)
        {
            if (_unusable || _stream is not null)
            {
                return false;
            }

            _openedAt = now;
            _endedAt = TimeSpan.MaxValue;
            _stream = FollowAsync(cancellationToken);
            return true;
        }

        /// <summary>The wait has read the runtime after the stream ended.</summary>
        public void Closed()
        {
            if (_stream is { } ended && (ended.IsFaulted || _endedAt - _openedAt < MinLifetime))
            {
                _unusable = true;
                _ = ended.Exception; // observed: a failed wake-up only means polling
            }

            _stream = null;
        }

        public async ValueTask DisposeAsync()
        {
            if (_stream is { } open)
            {
                try
                {
                    await open.ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or HfSpacesException)
                {
                    // Cancelled with the wait, or the log failed: either way the wait no longer needs it.
                }
            }
        }

        private async Task FollowAsync(CancellationToken cancellationToken)
        {
            var options = new SpaceLogOptions { Type = SpaceLogType.Build, Follow = true, Tail = 0 };
            try
            {
                await foreach (var _ in client.StreamLogsAsync(space, options, cancellationToken).ConfigureAwait(false))
                {
                    // Lines only say the build goes on; its end is what the wait needs.
                }
            }
            finally
            {
                _endedAt = elapsed();
            }
        }
    }
}
