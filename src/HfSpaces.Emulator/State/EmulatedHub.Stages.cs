using HfSpaces.Emulator.Generated;
using static HfSpaces.Emulator.State.HubRules;

namespace HfSpaces.Emulator.State;

/// <summary>
/// The stage machine: the one place a stage changes — a build starts (RUNNING_BUILDING while the old version serves),
/// advances with the Hub's clock (BUILDING → APP_STARTING → RUNNING), fails (BUILD_ERROR) or finds no app file
/// (NO_APP_FILE); and the runtime as the Hub reports it.
/// </summary>
public sealed partial class EmulatedHub
{
    /// <summary>
    /// Starts a build. A running Space keeps serving on its old hardware meanwhile (RUNNING_BUILDING, then
    /// RUNNING_APP_STARTING, as the Hub reports it); a new, paused or failed one has no hardware until it runs (BUILDING).
    /// A Space whose files lack its SDK's entry point builds (BUILDING, as recorded right after a creation) and then ends
    /// NO_APP_FILE, on no hardware.
    /// </summary>
    private void StartBuild(EmulatedSpace space, string hardware, string reason)
    {
        var now = _clock.GetUtcNow();
        space.HotReloadStatus = null;
        if (space.IsStatic)
        {
            // Static Spaces are served as they are, without a build.
            space.Stage = MissingAppFile(space) is null ? "RUNNING" : "NO_APP_FILE";
            space.LastModified = now;
            return;
        }

        var whileRunning = space.Stage is "RUNNING" or "RUNNING_BUILDING" or "RUNNING_APP_STARTING" && space.CurrentHardware is not null;
        space.Rebuild = (now, hardware, whileRunning, false);
        space.RequestedHardware = hardware;
        space.Stage = whileRunning ? "RUNNING_BUILDING" : "BUILDING";
        if (!whileRunning)
        {
            space.CurrentHardware = null;
        }

        space.LastModified = now;
        space.BuildLogs.Add((now, $"{reason}: building {space.Repository.Head.Id[..7]} for {hardware}"));
    }

    /// <summary>A commit to <c>main</c>: the Space rebuilds on the hardware it asked for.</summary>
    private void Rebuild(EmulatedSpace space, string reason)
    {
        StartBuild(space, space.EffectiveHardware ?? "cpu-basic", reason);
    }

    /// <summary>Moves a building Space along BUILDING → APP_STARTING → RUNNING as time passes.</summary>
    private void Advance(EmulatedSpace space)
    {
        if (space.Rebuild is not { } rebuild)
        {
            return;
        }

        var elapsed = _clock.GetUtcNow() - rebuild.StartedAt;
        if (elapsed < Timings.Building)
        {
            space.Stage = rebuild.WhileRunning ? "RUNNING_BUILDING" : "BUILDING";
            return;
        }

        var built = rebuild.StartedAt + Timings.Building;
        if (MissingAppFile(space) is { } entry)
        {
            space.Stage = "NO_APP_FILE";
            space.CurrentHardware = null;
            space.Rebuild = null;
            space.BuildLogs.Add((built, $"No application file: {entry} is not in {space.Repository.Head.Id[..7]}"));
            return;
        }

        if (space.BreakNextBuild is { } failure)
        {
            // The build fails: nothing runs afterwards (a running version is replaced by the failed one, as on the Hub).
            space.Stage = "BUILD_ERROR";
            space.ErrorMessage = failure;
            space.CurrentHardware = null;
            space.BreakNextBuild = null;
            space.Rebuild = null;
            space.BuildLogs.Add((built, $"ERROR: {failure}"));
            return;
        }

        if (!rebuild.Built)
        {
            // The build log ends here; the application starts (and writes to the run log) afterwards.
            space.BuildLogs.Add((built, "Image pushed; starting the application"));
            space.Rebuild = rebuild with { Built = true };
        }

        if (elapsed < Timings.Building + Timings.AppStarting)
        {
            space.Stage = rebuild.WhileRunning ? "RUNNING_APP_STARTING" : "APP_STARTING";
            return;
        }

        var done = built + Timings.AppStarting;
        space.ErrorMessage = null;
        space.Stage = "RUNNING";
        space.CurrentHardware = rebuild.Hardware;
        space.RequestedHardware = rebuild.Hardware;
        space.Rebuild = null;
        space.RunLogs.Add((done, "===== Application Startup ====="));
        space.RunLogs.Add((done, $"Running on local URL:  http://0.0.0.0:7860 ({rebuild.Hardware})"));
    }

    /// <summary>The runtime as the Hub reports it. The answer to a change shows the stage the change set (no advance).</summary>
    private SpaceRuntime Snapshot(EmulatedSpace space, bool advance = true)
    {
        if (advance)
        {
            Advance(space);
        }

        var serving = space.Stage is "RUNNING" or "RUNNING_BUILDING" or "RUNNING_APP_STARTING";
        return new SpaceRuntime
        {
            Stage = space.Stage,
            IsStatic = space.IsStatic,
            Hardware = space.IsStatic
                ? new SpaceRuntimeHardware()
                : new SpaceRuntimeHardware { Current = space.CurrentHardware, Requested = space.RequestedHardware },
            Storage = space.Storage,
            GcTimeout = space.IsStatic ? null : space.SleepSeconds,
            DevMode = space.IsStatic ? null : space.DevMode,
            Replicas = new SpaceReplicas { Requested = space.Replicas, Auto = space.Replicas is null, Current = serving ? space.Replicas ?? 1 : null },
            // As recorded: a static Space's runtime has no domains.
            ErrorMessage = space.Stage.EndsWith("_ERROR", StringComparison.Ordinal) ? space.ErrorMessage : null,
            Domains = space.IsStatic ? null : [new SpaceDomain { Domain = $"{space.Namespace}-{space.Name}.hf.space".ToLowerInvariant(), Stage = "READY" }],
            Volumes = space.Volumes,
            HotReloading = space.HotReloadStatus is { } reload
                ? new SpaceHotReloading { Status = reload, ReplicaStatuses = [.. Enumerable.Range(0, space.Replicas ?? 1).Select(i => new List<string> { $"{space.Sha[..8]}-{i}", reload })] }
                : null,
        };
    }
}
