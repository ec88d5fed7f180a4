namespace HfSpaces.Manifests;

/// <summary>What <see cref="ManifestPlanner.PlanAsync"/> found: per Space, what would change.</summary>
public sealed record ManifestPlan
{
    /// <summary>One plan per Space of the manifest, in its order.</summary>
    public required IReadOnlyList<SpacePlan> Spaces { get; init; }

    /// <summary>True when applying would change something.</summary>
    public bool HasChanges => Spaces.Any(s => s.Changes.Count > 0);

    /// <summary>The list-price change per hour if every changed Space ran all the time, in US dollars.</summary>
    public decimal HourlyCostDelta => Spaces.Sum(s => s.HourlyCostDelta);

    /// <summary>Spaces whose live state could not be read: nothing is planned for them.</summary>
    public IEnumerable<SpacePlan> Failed => Spaces.Where(s => s.Error is not null);
}

/// <summary>The changes for one Space.</summary>
public sealed record SpacePlan
{
    /// <summary>What the manifest wants.</summary>
    public required SpaceSpec Spec { get; init; }

    /// <summary>Create it, update it, nothing to do, or could not be planned.</summary>
    public required PlanAction Action { get; init; }

    /// <summary>The changes, in the order they would be applied.</summary>
    public required IReadOnlyList<PlannedChange> Changes { get; init; }

    /// <summary>The Space.</summary>
    public SpaceId Id => Spec.Id;

    /// <summary>The live hardware the plan was made against (null for a Space to create).</summary>
    public SpaceHardware? CurrentHardware { get; init; }

    /// <summary>The list price per hour after minus before (a new Space: its price).</summary>
    public decimal HourlyCostDelta { get; init; }

    /// <summary>True when a change rebuilds or restarts the Space.</summary>
    public bool Restarts => Changes.Any(c => c.Restarts);

    /// <summary>Notes on what cannot be compared or applied (a secret's value, an SDK the Hub cannot change…).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The file changes of the Space's <c>source</c>, when it has one and the Space exists.</summary>
    public SpaceSyncPlan? Files { get; init; }

    /// <summary>Why the live state could not be read (the Space is then not planned).</summary>
    public string? Error { get; init; }
}

/// <summary>What happens to a Space.</summary>
public enum PlanAction
{
    /// <summary>Already as the manifest says.</summary>
    NoChange,

    /// <summary>It does not exist: create it.</summary>
    Create,

    /// <summary>It exists: change it.</summary>
    Update,

    /// <summary>Its live state could not be read.</summary>
    Failed,
}

/// <summary>One change. <see cref="Old"/> and <see cref="New"/> are display text; a secret's value never appears in either.</summary>
public sealed record PlannedChange
{
    /// <summary>What changes.</summary>
    public required ChangeKind Kind { get; init; }

    /// <summary>The variable or secret key, for those kinds.</summary>
    public string? Key { get; init; }

    /// <summary>The live value (null when absent).</summary>
    public string? Old { get; init; }

    /// <summary>The wanted value (null for a removal).</summary>
    public string? New { get; init; }

    /// <summary>True when the Hub rebuilds (hardware) or restarts (variables, secrets, volumes, dev mode) the Space for it.</summary>
    public bool Restarts => Kind is ChangeKind.Create or ChangeKind.Hardware or ChangeKind.SetVariable or ChangeKind.RemoveVariable
        or ChangeKind.SetSecret or ChangeKind.RemoveSecret or ChangeKind.Volumes or ChangeKind.Storage or ChangeKind.DevMode or ChangeKind.Files;
}

/// <summary>The kinds of change, in the order <see cref="ManifestApplier"/> applies them.</summary>
public enum ChangeKind
{
    /// <summary>Create the Space with everything the manifest says.</summary>
    Create,

    /// <summary>Public, private or protected.</summary>
    Visibility,

    /// <summary>Set a variable.</summary>
    SetVariable,

    /// <summary>Remove a variable the manifest does not have (only with prune).</summary>
    RemoveVariable,

    /// <summary>Set a secret (missing, or re-sent with rotate).</summary>
    SetSecret,

    /// <summary>Remove a secret the manifest does not have (only with prune).</summary>
    RemoveSecret,

    /// <summary>Replace the mounted volumes.</summary>
    Volumes,

    /// <summary>Request a (higher) persistent storage tier.</summary>
    Storage,

    /// <summary>Dev mode on or off.</summary>
    DevMode,

    /// <summary>Commit the source folder's changed files (one commit; before the hardware, so one rebuild picks up both).</summary>
    Files,

    /// <summary>Request hardware (last but for sleep time and replicas: the rebuild picks up everything before it).</summary>
    Hardware,

    /// <summary>Set the sleep time (sent with the hardware when both change).</summary>
    SleepTime,

    /// <summary>Set the replicas (after the hardware: replicas need paid hardware).</summary>
    Replicas,
}

/// <summary>How <see cref="ManifestPlanner.PlanAsync"/> compares.</summary>
public sealed class PlanOptions
{
    /// <summary>Remove variables and secrets the manifest does not list.</summary>
    public bool Prune { get; init; }

    /// <summary>Send every secret again (values cannot be read back to compare).</summary>
    public bool RotateSecrets { get; init; }

    /// <summary>How many Spaces are read at once. Default <see cref="HubScheduler.DefaultMaxParallel"/>.</summary>
    public int MaxParallel { get; init; } = HubScheduler.DefaultMaxParallel;
}
