namespace HfSpaces.Emulator.Tests.Waiting;

/// <summary>
/// A fake clock that two parties share — the client (<see cref="Client"/>) and the simulated Hub (<see cref="Hub"/>) — and
/// that <see cref="RunUntilAsync"/> moves straight to the next timer once each party has reacted to the last one (the
/// client by starting its next delay or finishing; a build log by parking on its end or ending). Nothing real about time
/// decides anything: steps are ordered by fake time only.
/// </summary>
internal sealed class SteppedClock : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<Timer> _timers = [];
    private DateTimeOffset _now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private int _clientTimers;

    public SteppedClock()
    {
        Client = new View(this, isClient: true);
        Hub = new View(this, isClient: false);
    }

    /// <summary>The client's view: its timers are the waits the driver expects it to start.</summary>
    public TimeProvider Client { get; }

    /// <summary>The simulated Hub's view.</summary>
    public TimeProvider Hub { get; }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Create(callback, state, dueTime, isClient: false);

    /// <summary>Steps the clock, timer by timer, until <paramref name="wait"/> completes.</summary>
    public async Task RunUntilAsync(Task wait, WaitSimulation.SimulatedHub hub)
    {
        var clientSeen = 0;
        await SettleAsync(() => wait.IsCompleted || (Volatile.Read(ref _clientTimers) > clientSeen && hub.StreamsSettled && ClientWaiting));
        while (!wait.IsCompleted)
        {
            List<Timer> due;
            lock (_lock)
            {
                var next = _timers.Count > 0 ? _timers.Min(t => t.Due) : throw new InvalidOperationException("The wait is blocked on nothing the clock can fire.");
                _now = next;
                due = _timers.Where(t => t.Due <= next).ToList();
                _timers.RemoveAll(due.Contains);
            }

            clientSeen = Volatile.Read(ref _clientTimers);
            var endedSeen = hub.StreamsEnded;
            foreach (var timer in due)
            {
                timer.Fire();
            }

            // A Hub timer is a build log's end: the log has ended, and the client (woken by it or by its own timer) has
            // started its next delay or finished.
            var hubFired = due.Count(t => !t.IsClient);
            await SettleAsync(() => wait.IsCompleted
                || (hub.StreamsSettled && hub.StreamsEnded >= endedSeen + hubFired && Volatile.Read(ref _clientTimers) > clientSeen && ClientWaiting));
        }
    }

    /// <summary>A client timer is pending: the client is blocked on it.</summary>
    private bool ClientWaiting
    {
        get
        {
            lock (_lock)
            {
                return _timers.Exists(t => t.IsClient);
            }
        }
    }

    private static async Task SettleAsync(Func<bool> settled)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        for (var i = 0; !settled(); i++)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The simulated wait did not react to the clock within 30 s of real time.");
            }

            if (i < 200)
            {
                await Task.Yield();
            }
            else
            {
                await Task.Delay(1);
            }
        }
    }

    private Timer Create(TimerCallback callback, object? state, TimeSpan dueTime, bool isClient)
    {
        var timer = new Timer(this, callback, state, isClient);
        timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        if (isClient && dueTime != Timeout.InfiniteTimeSpan)
        {
            // Only a timer that will fire is a wait: a token source made with an infinite delay (a log reader's idle
            // timer before it is armed) creates one that never does.
            Interlocked.Increment(ref _clientTimers);
        }

        return timer;
    }

    private sealed class View(SteppedClock owner, bool isClient) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => owner.GetUtcNow();

        public override long TimestampFrequency => owner.TimestampFrequency;

        public override long GetTimestamp() => owner.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            owner.Create(callback, state, dueTime, isClient);
    }

    private sealed class Timer(SteppedClock owner, TimerCallback callback, object? state, bool isClient) : ITimer
    {
        public DateTimeOffset Due { get; private set; }

        public bool IsClient => isClient;

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                owner._timers.Remove(this);
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    Due = owner._now + dueTime;
                    owner._timers.Add(this);
                }
            }

            return true;
        }

        public void Dispose()
        {
            lock (owner._lock)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
