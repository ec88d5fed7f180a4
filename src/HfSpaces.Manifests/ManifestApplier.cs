namespace HfSpaces.Manifests;

/// <summary>
/// Makes the Hub match a <see cref="ManifestPlan"/>: per Space, in an order the Hub accepts (create first; variables,
/// secrets, volumes and dev mode before the hardware, so one rebuild picks them all up; the sleep time with the
/// hardware; replicas last), several Spaces at once. A failure stops that Space's remaining changes and no other
/// Space's. Secret values are read from their references before anything is sent, used once, never kept or shown.
/// </summary>
public static class ManifestApplier
{
    /// <summary>Applies every Space of the plan that has changes.</summary>
    /// <exception cref="ManifestException">A referenced secret cannot be read, or a Space to create has no SDK — before anything is sent.</exception>
    public static async Task<ApplyResult> ApplyAsync(
        HfSpacesClient client,
        ManifestPlan plan,
        ApplyOptions? options = null,
        IProgress<SpaceApplyResult>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(plan);
        options ??= new ApplyOptions();
        var work = plan.Spaces.Where(s => s.Changes.Count > 0).ToList();
        var values = ResolveSecrets(work, options);

        var scheduler = new HubScheduler(options.MaxParallel);
        var results = await scheduler.RunAsync(
            work,
            (space, ct) => ApplySpaceAsync(client, space, values, options, ct),
            progress is null ? null : new Forward(progress),
            cancellationToken).ConfigureAwait(false);
        return new ApplyResult { Spaces = results.Select(r => r.Status switch
        {
            ScheduledStatus.Succeeded => r.Value!,
            ScheduledStatus.Failed => new SpaceApplyResult { Id = r.Item.Id, Applied = [], FailedChange = r.Item.Changes[0], Error = r.Error!.Message },
            _ => new SpaceApplyResult { Id = r.Item.Id, Applied = [], FailedChange = null, Error = "not started: cancelled", NotStarted = true },
        }).ToList() };
    }

    /// <summary>Every secret value the plan sends, read now: a missing one stops the whole apply before the first call.</summary>
    private static Dictionary<(SpaceId, string), string> ResolveSecrets(List<SpacePlan> work, ApplyOptions options)
    {
        var errors = new List<string>();
        var values = new Dictionary<(SpaceId, string), string>();
        foreach (var space in work)
        {
            var keys = space.Action == PlanAction.Create
                ? space.Spec.Secrets.Keys
                : space.Changes.Where(c => c.Kind == ChangeKind.SetSecret).Select(c => c.Key!);
            if (space.Action == PlanAction.Create && space.Spec.Sdk is null)
            {
                errors.Add($"{Where(space.Spec)}{space.Id} does not exist and has no 'sdk': the Hub needs one to create it.");
            }

            foreach (var key in keys)
            {
                try
                {
                    values[(space.Id, key)] = space.Spec.Secrets[key].Resolve(options.ManifestDirectory, options.GetEnvironmentVariable);
                }
                catch (ManifestException e)
                {
                    errors.Add($"{Where(space.Spec)}{space.Id} secret {key}: {e.Message}");
                }
            }
        }

        return errors.Count > 0 ? throw new ManifestException(errors) : values;
    }

    private static string Where(SpaceSpec spec) => spec.Location is { } at ? $"{at}: " : string.Empty;

    private static async Task<SpaceApplyResult> ApplySpaceAsync(HfSpacesClient client, SpacePlan plan, Dictionary<(SpaceId, string), string> secrets, ApplyOptions options, CancellationToken cancellationToken)
    {
        var spec = plan.Spec;
        var applied = new List<PlannedChange>();
        var warnings = new List<string>();
        var sleepSent = false;
        foreach (var change in plan.Changes)
        {
            try
            {
                switch (change.Kind)
                {
                    case ChangeKind.Create:
                        var created = await client.CreateSpaceAsync(spec.Id, new CreateSpaceOptions
                        {
                            Sdk = spec.Sdk!.Value,
                            Template = spec.Template,
                            Visibility = spec.Visibility,
                            Hardware = spec.Hardware,
                            SleepTime = spec.Hardware is { } hw && hw != SpaceHardware.CpuBasic ? spec.SleepTime : null,
                            Storage = spec.Storage,
                            DevMode = spec.DevMode,
                            Volumes = spec.Volumes,
                            Variables = [.. spec.Variables.Select(v => new SpaceVariableValue(v.Key, v.Value.Value, v.Value.Description))],
                            Secrets = [.. spec.Secrets.Select(s => new SpaceSecretValue(s.Key, secrets[(spec.Id, s.Key)], s.Value.Description))],
                        }, cancellationToken).ConfigureAwait(false);
                        if (created.HardwareApplied == false && spec.Hardware is { } ignored)
                        {
                            warnings.Add($"the Hub created {spec.Id} on {created.Runtime?.RequestedHardware}, not {ignored}: requested {ignored} again.");
                            await client.RequestHardwareAsync(spec.Id, ignored, spec.SleepTime, cancellationToken).ConfigureAwait(false);
                        }

                        break;
                    case ChangeKind.Visibility:
                        await client.UpdateSettingsAsync(spec.Id, new SpaceSettings { Visibility = spec.Visibility }, cancellationToken).ConfigureAwait(false);
                        break;
                    case ChangeKind.SetVariable:
                        var variable = spec.Variables[change.Key!];
                        await client.SetVariableAsync(spec.Id, change.Key!, variable.Value, variable.Description, cancellationToken).ConfigureAwait(false);
                        break;
                    case ChangeKind.RemoveVariable:
                        await client.DeleteVariableAsync(spec.Id, change.Key!, cancellationToken).ConfigureAwait(false);
                        break;
                    case ChangeKind.SetSecret:
                        await client.SetSecretAsync(spec.Id, change.Key!, secrets[(spec.Id, change.Key!)], spec.Secrets[change.Key!].Description, cancellationToken).ConfigureAwait(false);
                        break;
                    case ChangeKind.RemoveSecret:
                        await client.DeleteSecretAsync(spec.Id, change.Key!, cancellationToken).ConfigureAwait(false);
                        break;
                    case ChangeKind.Volumes when spec.Volumes is { Count: 0 }:
                        await client.DeleteVolumesAsync(spec.Id, cancellationToken).ConfigureAwait(false);
                        break;
                    case ChangeKind.Volumes:
                        await client.SetVolumesAsync(spec.Id, spec.Volumes!, cancellationToken).ConfigureAwait(false);
                        break;
                    case ChangeKind.Storage:
#pragma warning disable CS0618 // deprecated by the Hub, still a setting people have
                        await client.RequestStorageAsync(spec.Id, spec.Storage!.Value, cancellationToken).ConfigureAwait(false);
#pragma warning restore CS0618
                        break;
                    case ChangeKind.Files when plan.Files is { } files:
                        await client.CommitPlanAsync(files, ManifestPlanner.SyncOptions(spec.Source!), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    case ChangeKind.Files:
                        // A Space created by this apply: its files are compared with its first commit now.
                        await client.SyncFolderAsync(spec.Id, spec.Source!.Resolve(options.ManifestDirectory), ManifestPlanner.SyncOptions(spec.Source), cancellationToken: cancellationToken).ConfigureAwait(false);
                        break;
                    case ChangeKind.DevMode:
                        await client.SetDevModeAsync(spec.Id, spec.DevMode!.Value, cancellationToken).ConfigureAwait(false);
                        break;
                    case ChangeKind.Hardware:
                        // The sleep time travels with the hardware (one call; cpu-basic would refuse it on its own).
                        var withSleep = plan.Changes.Any(c => c.Kind == ChangeKind.SleepTime) ? spec.SleepTime : null;
                        await client.RequestHardwareAsync(spec.Id, spec.Hardware!.Value, withSleep, cancellationToken).ConfigureAwait(false);
                        sleepSent = withSleep is not null;
                        break;
                    case ChangeKind.SleepTime when sleepSent:
                        break;
                    case ChangeKind.SleepTime:
                        await client.SetSleepTimeAsync(spec.Id, spec.SleepTime!.Value, cancellationToken).ConfigureAwait(false);
                        break;
                    case ChangeKind.Replicas when spec.AutoReplicas:
                        await client.SetAutoReplicasAsync(spec.Id, cancellationToken).ConfigureAwait(false);
                        break;
                    case ChangeKind.Replicas:
                        await client.SetReplicasAsync(spec.Id, spec.Replicas!.Value, cancellationToken).ConfigureAwait(false);
                        break;
                }

                applied.Add(change);
            }
            catch (HfSpacesException e)
            {
                return new SpaceApplyResult { Id = spec.Id, Applied = applied, FailedChange = change, Error = e.Message, Warnings = warnings };
            }
        }

        SpaceRuntime? runtime = null;
        if (options.Wait && plan.Restarts)
        {
            try
            {
                runtime = await client.WaitForStageAsync(spec.Id, options.WaitOptions, cancellationToken).ConfigureAwait(false);
                if (runtime.Stage != SpaceStage.Running)
                {
                    return new SpaceApplyResult { Id = spec.Id, Applied = applied, FailedChange = null, Error = $"applied, but the Space ended {runtime.Stage}{(runtime.ErrorMessage is { } m ? $": {m}" : string.Empty)}", Warnings = warnings, Runtime = runtime };
                }
            }
            catch (Exception e) when (e is HfSpacesException or SpaceWaitTimeoutException)
            {
                return new SpaceApplyResult { Id = spec.Id, Applied = applied, FailedChange = null, Error = $"applied, but waiting for it failed: {e.Message}", Warnings = warnings };
            }
        }

        return new SpaceApplyResult { Id = spec.Id, Applied = applied, FailedChange = null, Error = null, Warnings = warnings, Runtime = runtime };
    }

    private sealed class Forward(IProgress<SpaceApplyResult> progress) : IProgress<ScheduledResult<SpacePlan, SpaceApplyResult>>
    {
        public void Report(ScheduledResult<SpacePlan, SpaceApplyResult> value)
        {
            if (value.Value is { } result)
            {
                progress.Report(result);
            }
        }
    }
}

/// <summary>How <see cref="ManifestApplier.ApplyAsync"/> runs.</summary>
public sealed class ApplyOptions
{
    /// <summary>Wait for each Space that rebuilds or restarts to run again; one that ends in an error stage fails.</summary>
    public bool Wait { get; init; }

    /// <summary>How to wait (timeout, polling) when <see cref="Wait"/> is set.</summary>
    public WaitForStageOptions? WaitOptions { get; init; }

    /// <summary>How many Spaces are changed at once. Default <see cref="HubScheduler.DefaultMaxParallel"/>.</summary>
    public int MaxParallel { get; init; } = HubScheduler.DefaultMaxParallel;

    /// <summary>The folder <c>${file:…}</c> references start from (the manifest's).</summary>
    public string? ManifestDirectory { get; init; }

    /// <summary>Reads <c>${env:…}</c> references; tests pass their own. Default: the process environment.</summary>
    public Func<string, string?>? GetEnvironmentVariable { get; init; }
}

/// <summary>The outcome of an apply.</summary>
public sealed record ApplyResult
{
    /// <summary>One result per Space that had changes.</summary>
    public required IReadOnlyList<SpaceApplyResult> Spaces { get; init; }

    /// <summary>True when every Space was applied.</summary>
    public bool Succeeded => Spaces.All(s => s.Error is null);
}

/// <summary>What was done to one Space.</summary>
public sealed record SpaceApplyResult
{
    /// <summary>The Space.</summary>
    public required SpaceId Id { get; init; }

    /// <summary>The changes made, in order.</summary>
    public required IReadOnlyList<PlannedChange> Applied { get; init; }

    /// <summary>The change that failed (the rest were not tried), if any.</summary>
    public PlannedChange? FailedChange { get; init; }

    /// <summary>Why it failed (the Hub's message), if it did.</summary>
    public string? Error { get; init; }

    /// <summary>What the user should know although nothing failed (the Hub ignored the hardware at creation…).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The runtime after waiting, when <see cref="ApplyOptions.Wait"/> was set.</summary>
    public SpaceRuntime? Runtime { get; init; }

    /// <summary>True when the run was cancelled before this Space was touched.</summary>
    public bool NotStarted { get; init; }
}
