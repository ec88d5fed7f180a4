using System.Globalization;

namespace HfSpaces.Manifests;

/// <summary>
/// Compares a manifest with the live Hub — the Hub is the state: nothing is stored between runs — and says what
/// <see cref="ManifestApplier"/> would change. It only reads (info with the runtime, variables, secret names), several
/// Spaces at once.
/// </summary>
public static class ManifestPlanner
{
    /// <summary>Plans every Space of the manifest. A Space whose state cannot be read is reported, not planned; the others are.</summary>
    public static async Task<ManifestPlan> PlanAsync(HfSpacesClient client, SpaceManifest manifest, PlanOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(manifest);
        options ??= new PlanOptions();
        var scheduler = new HubScheduler(options.MaxParallel) { CancelStartedItems = true }; // a plan only reads
        var results = await scheduler.RunAsync(manifest.Spaces, (spec, ct) => PlanSpaceAsync(client, spec, manifest.Path is { } file ? Path.GetDirectoryName(Path.GetFullPath(file)) : null, options, ct), cancellationToken: cancellationToken).ConfigureAwait(false);
        return new ManifestPlan { Spaces = results.Select(r => r.Status switch
        {
            ScheduledStatus.Succeeded => r.Value!,
            ScheduledStatus.Failed when r.Error is OperationCanceledException => NotRead(r.Item, "cancelled"),
            ScheduledStatus.Failed => NotRead(r.Item, r.Error!.Message),
            _ => NotRead(r.Item, "not read: cancelled"),
        }).ToList() };
    }

    private static SpacePlan NotRead(SpaceSpec spec, string why) => new() { Spec = spec, Action = PlanAction.Failed, Changes = [], Error = why };

    private static async Task<SpacePlan> PlanSpaceAsync(HfSpacesClient client, SpaceSpec spec, string? manifestDirectory, PlanOptions options, CancellationToken cancellationToken)
    {
        LiveSpace now;
        try
        {
            now = await LiveSpace.ReadAsync(client, spec.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (HfSpacesNotFoundException)
        {
            return CreatePlan(spec);
        }

        var (info, runtime, variables, secrets) = now;
        var changes = new List<PlannedChange>();
        var notes = new List<string>();

        if (spec.Sdk is { } sdk && info.Sdk is { } liveSdk && liveSdk != sdk)
        {
            notes.Add($"sdk: the manifest says {sdk}, the Space is {liveSdk}; the Hub cannot change a Space's SDK (not applied).");
        }

        if (spec.Visibility is { } visibility)
        {
            var live = info.Private switch { true => SpaceVisibility.Private, false => SpaceVisibility.Public, null => (SpaceVisibility?)null };
            if (visibility == SpaceVisibility.Protected)
            {
                notes.Add("visibility: protected cannot be read back from the Hub, so it is not compared (applied when the Space is created).");
            }
            else if (live != visibility)
            {
                changes.Add(new PlannedChange { Kind = ChangeKind.Visibility, Key = null, Old = live?.ToString(), New = visibility.ToString() });
            }
        }

        foreach (var (key, want) in spec.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (!variables.TryGetValue(key, out var live))
            {
                changes.Add(new PlannedChange { Kind = ChangeKind.SetVariable, Key = key, Old = null, New = want.Value });
            }
            else if (live.Value != want.Value || (want.Description is not null && live.Description != want.Description))
            {
                changes.Add(new PlannedChange { Kind = ChangeKind.SetVariable, Key = key, Old = live.Value, New = want.Value });
            }
        }

        if (options.Prune)
        {
            changes.AddRange(variables.Keys.Where(k => !spec.Variables.ContainsKey(k)).Order(StringComparer.Ordinal)
                .Select(k => new PlannedChange { Kind = ChangeKind.RemoveVariable, Key = k, Old = variables[k].Value, New = null }));
        }

        var present = 0;
        foreach (var (key, reference) in spec.Secrets.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (!secrets.ContainsKey(key))
            {
                changes.Add(new PlannedChange { Kind = ChangeKind.SetSecret, Key = key, Old = "missing", New = $"from {reference}" });
            }
            else if (options.RotateSecrets)
            {
                changes.Add(new PlannedChange { Kind = ChangeKind.SetSecret, Key = key, Old = "present", New = $"re-sent from {reference}" });
            }
            else
            {
                present++;
            }
        }

        if (present > 0)
        {
            notes.Add($"secrets: {present} present on the Hub, not compared — the Hub never returns a secret's value; --rotate-secrets sends them again.");
        }

        if (options.Prune)
        {
            changes.AddRange(secrets.Keys.Where(k => !spec.Secrets.ContainsKey(k)).Order(StringComparer.Ordinal)
                .Select(k => new PlannedChange { Kind = ChangeKind.RemoveSecret, Key = k, Old = "present", New = null }));
        }

        if (spec.Volumes is { } volumes && !SameVolumes(volumes, runtime.Volumes ?? []))
        {
            changes.Add(new PlannedChange { Kind = ChangeKind.Volumes, Key = null, Old = Describe(runtime.Volumes ?? []), New = Describe(volumes) });
        }

        if (spec.Storage is { } storage && runtime.Storage != storage)
        {
            changes.Add(new PlannedChange { Kind = ChangeKind.Storage, Key = null, Old = runtime.Storage?.ToString(), New = storage.ToString() });
        }

        if (spec.DevMode is { } devMode && runtime.DevMode != devMode)
        {
            changes.Add(new PlannedChange { Kind = ChangeKind.DevMode, Key = null, Old = OnOff(runtime.DevMode), New = OnOff(devMode) });
        }

        var liveHardware = runtime.EffectiveHardware;
        var hardware = spec.Hardware ?? liveHardware;
        if (spec.Hardware is { } wanted && wanted != liveHardware)
        {
            changes.Add(new PlannedChange { Kind = ChangeKind.Hardware, Key = null, Old = liveHardware?.ToString(), New = wanted.ToString() });
        }

        if (spec.SleepTime is { } sleep)
        {
            // The Hub reports no gcTimeout for upgraded hardware that never sleeps.
            var liveSleep = runtime.SleepTime ?? Timeout.InfiniteTimeSpan;
            if (hardware == SpaceHardware.CpuBasic)
            {
                if (sleep != TimeSpan.FromHours(48))
                {
                    notes.Add($"sleep_time: cpu-basic always sleeps after 48 h; {SleepTimeText.Format(sleep)} is not applied.");
                }
            }
            else if (liveSleep != sleep)
            {
                changes.Add(new PlannedChange { Kind = ChangeKind.SleepTime, Key = null, Old = SleepTimeText.Format(liveSleep), New = SleepTimeText.Format(sleep) });
            }
        }

        if (spec.AutoReplicas && runtime.Replicas is not { IsAuto: true })
        {
            changes.Add(new PlannedChange { Kind = ChangeKind.Replicas, Key = null, Old = Replicas(runtime.Replicas), New = "auto" });
        }
        else if (spec.Replicas is { } count && (runtime.Replicas?.Requested != count || runtime.Replicas.IsAuto))
        {
            changes.Add(new PlannedChange { Kind = ChangeKind.Replicas, Key = null, Old = Replicas(runtime.Replicas), New = count.ToString(CultureInfo.InvariantCulture) });
        }

        SpaceSyncPlan? files = null;
        if (spec.Source is { } source)
        {
            // The files, compared by content hash with the Space's tree: only a difference is a change.
            files = await client.PlanSyncAsync(spec.Id, source.Resolve(manifestDirectory), SyncOptions(source), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (files.HasChanges)
            {
                changes.Add(new PlannedChange { Kind = ChangeKind.Files, Key = null, Old = files.BaseCommit[..7], New = FilesSummary(files) });
            }
        }

        return new SpacePlan { Spec = spec, Action = changes.Count == 0 ? PlanAction.NoChange : PlanAction.Update, Changes = [.. changes.OrderBy(c => c.Kind)], CurrentHardware = liveHardware,
            HourlyCostDelta = Price(hardware) - Price(liveHardware),
            Notes = notes,
            Files = files is { HasChanges: true } ? files : null,
        };
    }

    /// <summary>How a Space's <c>source</c> is synced: its ignore lines and deletion rule.</summary>
    internal static SpaceSyncOptions SyncOptions(SpaceSource source) =>
        new() { Message = "Apply spaces.yaml", Ignore = source.Ignore, DeleteMissing = source.DeleteMissing };

    /// <summary>"+2 ~1 -0 (1.2 KB)": what a file plan adds, changes and deletes, and the bytes it sends.</summary>
    internal static string FilesSummary(SpaceSyncPlan files) => string.Create(
        CultureInfo.InvariantCulture,
        $"+{files.Count(SpaceSyncChangeKind.Add)} ~{files.Count(SpaceSyncChangeKind.Change)} -{files.Count(SpaceSyncChangeKind.Delete)} files, {files.BytesToSend} bytes");

    private static SpacePlan CreatePlan(SpaceSpec spec)
    {
        var notes = new List<string>();
        if (spec.Sdk is null)
        {
            notes.Add("sdk: needed to create the Space; the manifest has none (apply will refuse it).");
        }

        var details = new List<string> { $"sdk {spec.Sdk?.ToString() ?? "?"}" };
        if (spec.Hardware is { } hardware)
        {
            details.Add($"hardware {hardware}");
        }

        if (spec.SleepTime is { } sleep)
        {
            details.Add($"sleep {SleepTimeText.Format(sleep)}");
        }

        if (spec.Variables.Count > 0)
        {
            details.Add($"{spec.Variables.Count} variable(s)");
        }

        if (spec.Secrets.Count > 0)
        {
            details.Add($"{spec.Secrets.Count} secret(s)");
        }

        var changes = new List<PlannedChange> { new() { Kind = ChangeKind.Create, New = string.Join(", ", details) } };
        if (spec.Source is { } source)
        {
            changes.Add(new PlannedChange { Kind = ChangeKind.Files, Key = null, Old = null, New = $"the files of {source.Path}" });
        }

        if (spec.AutoReplicas || spec.Replicas is not null)
        {
            changes.Add(new PlannedChange { Kind = ChangeKind.Replicas, Key = null, Old = null, New = spec.AutoReplicas ? "auto" : spec.Replicas!.Value.ToString(CultureInfo.InvariantCulture) });
        }

        return new SpacePlan { Spec = spec, Action = PlanAction.Create, Changes = changes, HourlyCostDelta = Price(spec.Hardware ?? SpaceHardware.CpuBasic), Notes = notes };
    }

    /// <summary>The list price per hour the SDK knows for a flavor (0 for unknown flavors: the plan says so in its cost line).</summary>
    internal static decimal Price(SpaceHardware? hardware) => hardware?.PricePerHourUsd is { } usd ? (decimal)usd : 0m;

    private static bool SameVolumes(IReadOnlyList<SpaceVolume> a, IReadOnlyList<SpaceVolume> b) =>
        a.Count == b.Count && a.All(v => b.Contains(v));

    private static string Describe(IReadOnlyList<SpaceVolume> volumes) =>
        volumes.Count == 0 ? "none" : string.Join(", ", volumes.Select(v => $"{v.Type}:{v.Source}:{v.MountPath}{(v.ReadOnly == true ? ":ro" : string.Empty)}"));

    private static string OnOff(bool value) => value ? "on" : "off";

    private static string? Replicas(SpaceReplicas? replicas) =>
        replicas is null ? null : replicas.IsAuto ? "auto" : replicas.Requested?.ToString(CultureInfo.InvariantCulture);
}
