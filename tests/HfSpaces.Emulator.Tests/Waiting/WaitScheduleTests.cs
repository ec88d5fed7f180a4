using HfSpaces.Resilience;

namespace HfSpaces.Emulator.Tests.Waiting;

/// <summary>
/// The wait schedule pinned on a fake clock against the emulator's state machine: how late a wait notices RUNNING, and
/// how many requests it makes, against reading every second (<c>huggingface_hub</c>'s <c>wait_for_space</c>).
/// </summary>
public sealed class WaitScheduleTests
{
    /// <summary>Builds from 1 s to 9 min, app starts from 0.3 s to 1 min; odd fractions so no transition lands on a poll.</summary>
    public static TheoryData<double, double> Spaces => new()
    {
        { 1.3, 0.7 }, { 1.7, 2.9 }, { 4.1, 0.35 }, { 3.6, 6.45 }, { 8.2, 1.15 }, { 25.3, 4.6 },
        { 47.9, 12.1 }, { 110.5, 9.3 }, { 170.15, 60.2 }, { 299.7, 0.9 }, { 541.3, 58.6 },
    };

    [Theory]
    [MemberData(nameof(Spaces))]
    public async Task A_wait_notices_running_within_a_second_and_never_reads_more_than_one_second_polling(double building, double appStarting)
    {
        var outcome = await WaitSimulation.RunAsync(TimeSpan.FromSeconds(building), TimeSpan.FromSeconds(appStarting));

        Assert.InRange(outcome.Late, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.InRange(outcome.Requests, 2, outcome.OneSecondPollingRequests);
    }

    [Fact]
    public async Task A_long_build_costs_a_fraction_of_one_second_polling_and_its_start_is_noticed_within_half_a_second()
    {
        var outcome = await WaitSimulation.RunAsync(TimeSpan.FromMinutes(9), TimeSpan.FromSeconds(20.3));

        // The first read, the build log, 55 safety reads (2 s, 6 s, 14 s, then every 10 s), the read its end wakes at 540 s,
        // and 41 reads every half second while the app starts (RUNNING at 560.3 s, seen at 560.5 s).
        Assert.Equal(99, outcome.Requests);
        Assert.Equal(562, outcome.OneSecondPollingRequests);
        Assert.Equal(TimeSpan.FromSeconds(0.2), outcome.Late);
    }

    [Fact]
    public async Task Without_the_build_log_it_reads_every_interval_and_is_never_more_than_an_interval_late()
    {
        var outcome = await WaitSimulation.RunAsync(TimeSpan.FromSeconds(30.4), TimeSpan.FromSeconds(5.2), new WaitForStageOptions { WatchBuildLog = false });

        Assert.Equal(outcome.OneSecondPollingRequests, outcome.Requests);
        Assert.InRange(outcome.Late, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }
}
