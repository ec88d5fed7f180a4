using System.Runtime.CompilerServices;

namespace HfSpaces;

/// <summary>Fleets: many Spaces of one owner, listed with their runtime and acted on at the Hub's rate limit.</summary>
public partial class HfSpacesClient
{
    /// <summary>Properties a fleet listing asks for: enough to filter, cost and act without one more call per Space.</summary>
    private static readonly string[] FleetExpand = [SpaceExpand.Runtime, SpaceExpand.Sdk, SpaceExpand.Private, SpaceExpand.LastModified];

    /// <summary>
    /// Lists the Spaces of <see cref="FleetQuery.Author"/> with their runtime (one paged listing, no call per Space) and
    /// yields those that match the query's stage, hardware and name filters.
    /// </summary>
    /// <exception cref="ArgumentException">No author.</exception>
    public virtual IAsyncEnumerable<SpaceInfo> ListFleetAsync(FleetQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var invalid = string.IsNullOrWhiteSpace(query.Author) ? string.Empty : SpaceId.Validate(query.Author, "x") is { } rule ? $": {rule}" : null;
        if (invalid is not null)
        {
            throw new ArgumentException($"FleetQuery.Author must be a user or organisation name{invalid}.", nameof(query));
        }

        return FilterAsync(ListSpacesAsync(new SpaceListQuery { Author = query.Author, Search = query.Search, Expand = FleetExpand }, cancellationToken), query, cancellationToken);
    }

    private static async IAsyncEnumerable<SpaceInfo> FilterAsync(IAsyncEnumerable<SpaceInfo> spaces, FleetQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var space in spaces.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (query.Matches(space))
            {
                yield return space;
            }
        }
    }

    /// <summary>
    /// Applies <paramref name="operation"/> to every Space, <paramref name="scheduler"/>'s number at once: one that does
    /// not apply is skipped with the reason (nothing sent), a refusal fails that Space and no other, a rate-limit refusal
    /// waits and runs again, and cancelling starts nothing new while calls already sent finish. Every Space is reported
    /// once, in order.
    /// </summary>
    public virtual async Task<IReadOnlyList<FleetResult>> RunFleetAsync(
        IEnumerable<SpaceInfo> spaces,
        FleetOperation operation,
        HubScheduler? scheduler = null,
        IProgress<FleetResult>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spaces);
        ArgumentNullException.ThrowIfNull(operation);
        scheduler ??= new HubScheduler();
        var results = await scheduler.RunAsync(
            spaces,
            async (space, ct) =>
            {
                if (operation.WhySkipped(space) is { } reason)
                {
                    return new FleetResult { Space = space, Outcome = FleetOutcome.Skipped, Reason = reason, Runtime = null };
                }

                var runtime = await operation.Run(this, space.Id, ct).ConfigureAwait(false);
                return new FleetResult { Space = space, Outcome = FleetOutcome.Succeeded, Reason = null, Runtime = runtime };
            },
            progress is null ? null : new FleetProgress(progress),
            cancellationToken).ConfigureAwait(false);
        return results.Select(ToFleetResult).ToList();
    }

    /// <summary>A scheduled item as the fleet reports it: the Hub's own words for a failure.</summary>
    private static FleetResult ToFleetResult(ScheduledResult<SpaceInfo, FleetResult> scheduled) => scheduled.Status switch
    {
        ScheduledStatus.Succeeded => scheduled.Value!,
        ScheduledStatus.Failed => new FleetResult { Space = scheduled.Item, Outcome = FleetOutcome.Failed, Reason = scheduled.Error is HfSpacesException hub ? hub.Details.ServerMessage ?? hub.Message : scheduled.Error!.Message, Runtime = null },
        _ => new FleetResult { Space = scheduled.Item, Outcome = FleetOutcome.NotStarted, Reason = "cancelled before it was sent", Runtime = null },
    };

    private sealed class FleetProgress(IProgress<FleetResult> progress) : IProgress<ScheduledResult<SpaceInfo, FleetResult>>
    {
        public void Report(ScheduledResult<SpaceInfo, FleetResult> value) => progress.Report(ToFleetResult(value));
    }
}
