using HfSpaces.Emulator.Generated;

namespace HfSpaces.Emulator.State;

/// <summary>
/// The in-memory Hub: accounts, Spaces and their state machine (docs/hub-wire.md). Thread-safe: every operation runs under
/// one lock, so concurrent requests to one Space see a consistent order. Stages advance lazily from the clock, so no
/// background timer runs and tests can drive time with a fake <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class EmulatedHub
{
    private static readonly string[] StorageTiers = ["small", "medium", "large"];
    private static readonly string[] VolumeTypes = ["bucket", "model", "dataset", "space"];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, EmulatedAccount> _accountsByToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmulatedSpace> _spaces = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _clock;
    private readonly DateTimeOffset _started;

    public EmulatedHub(StageTimings? timings = null, TimeProvider? clock = null)
    {
        Timings = timings ?? StageTimings.Fast;
        _clock = clock ?? TimeProvider.System;
        _started = _clock.GetUtcNow();
    }

    /// <summary>The clock stages advance on (a fake one in tests).</summary>
    internal TimeProvider Clock => _clock;

    /// <summary>How long builds and start-ups take; can be changed while running.</summary>
    public StageTimings Timings { get; set; }

    /// <summary>Adds an account that authenticates with <paramref name="token"/>.</summary>
    public EmulatedAccount AddAccount(string name, string token, params string[] organizations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var account = new EmulatedAccount(name, token, organizations);
        lock (_lock)
        {
            _accountsByToken[token] = account;
        }

        return account;
    }

    /// <summary>Adds a running Space (or replaces one with the same id).</summary>
    public void AddSpace(SpaceSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var (ns, name) = SplitId(seed.Id) ?? throw new ArgumentException($"'{seed.Id}' is not namespace/name.", nameof(seed));
        var now = _clock.GetUtcNow();
        var space = new EmulatedSpace(ns, name, seed.Sdk, seed.Private, now);
        var app = Repository.SpaceApp.SampleApp(seed.Sdk);
        var files = seed.Files?.ToDictionary(f => f.Key, f => f.Value) ?? new Dictionary<string, byte[]> { [app.Path] = app.Content };
        lock (_lock)
        {
            space.Repository = NewRepository(name, seed.Sdk, files, ns);
        }

        if (!space.IsStatic)
        {
            space.CurrentHardware = space.RequestedHardware = seed.Hardware;
            space.SleepSeconds = seed.Hardware == "cpu-basic" ? EmulatedSpace.CpuBasicSleepSeconds : null;
        }

        space.RunLogs.Add((now, "===== Application Startup ====="));
        space.RunLogs.Add((now, "Running on local URL:  http://0.0.0.0:7860"));
        if (seed.Stage != "RUNNING")
        {
            space.Stage = seed.Stage;
            space.ErrorMessage = seed.ErrorMessage;
            if (seed.Stage is not ("RUNNING_BUILDING" or "RUNNING_APP_STARTING"))
            {
                space.CurrentHardware = null;
            }
        }

        lock (_lock)
        {
            _spaces[space.Id] = space;
        }
    }

    /// <summary>Makes the Space's next build fail (BUILD_ERROR with <paramref name="message"/>), as a broken Dockerfile would.</summary>
    public void BreakNextBuild(string id, string message = "Build failed with exit code: 1")
    {
        lock (_lock)
        {
            (_spaces.TryGetValue(id, out var space) ? space : throw new ArgumentException($"No Space '{id}'.", nameof(id))).BreakNextBuild = message;
        }
    }

    /// <summary>True when the Space exists.</summary>
    public bool Exists(string id)
    {
        lock (_lock)
        {
            return _spaces.ContainsKey(id);
        }
    }

    /// <summary>For tests: the stored value of a secret (the API never returns it).</summary>
    public string? SecretValue(string id, string key)
    {
        lock (_lock)
        {
            return _spaces.TryGetValue(id, out var s) && s.Secrets.TryGetValue(key, out var v) ? v.Value : null;
        }
    }

    /// <summary>The account a bearer token belongs to; null without a token; 401 for an unknown one.</summary>
    internal EmulatedAccount? Authenticate(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return null;
        }

        const string prefix = "Bearer ";
        var token = authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? authorization[prefix.Length..].Trim() : null;
        lock (_lock)
        {
            return token is not null && _accountsByToken.TryGetValue(token, out var account)
                ? account
                : throw HubError.Unauthorized("Invalid credentials in Authorization header");
        }
    }

    internal SpaceRuntime Runtime(EmulatedAccount? caller, string ns, string repo) =>
        Locked(() => Snapshot(Readable(caller, ns, repo)));

    internal SpaceRuntime RequestHardware(EmulatedAccount? caller, string ns, string repo, string? flavor, int? sleepSeconds) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the hardware of");
        NotStatic(space, "Static Spaces have no hardware to change");
        flavor = ValidFlavor(flavor);
        space.SleepSeconds = flavor == "cpu-basic"
            ? EmulatedSpace.CpuBasicSleepSeconds
            : sleepSeconds is { } s ? ValidSleep(s) : space.SleepSeconds is EmulatedSpace.CpuBasicSleepSeconds ? null : space.SleepSeconds;
        StartBuild(space, flavor, $"Requested hardware {flavor}");
        return Snapshot(space, advance: false);
    });

    internal SpaceRuntime SetSleepTime(EmulatedAccount? caller, string ns, string repo, int seconds) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the sleep time of");
        NotStatic(space, "Static Spaces do not sleep");
        var sleep = ValidSleep(seconds);
        // As on the Hub: cpu-basic Spaces always sleep after 48 h; the request succeeds and changes nothing.
        if ((space.RequestedHardware ?? space.CurrentHardware) != "cpu-basic")
        {
            space.SleepSeconds = sleep;
        }

        return Snapshot(space);
    });

    internal SpaceRuntime Pause(EmulatedAccount? caller, string ns, string repo) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "pause");
        NotStatic(space, "Cannot pause a static Space");
        Advance(space);
        space.Rebuild = null;
        space.Stage = "PAUSED";
        space.CurrentHardware = null;
        space.RunLogs.Add((_clock.GetUtcNow(), "Space paused by its owner"));
        return Snapshot(space);
    });

    internal SpaceRuntime Restart(EmulatedAccount? caller, string ns, string repo, bool factory) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "restart");
        NotStatic(space, "Cannot restart a static Space");
        Advance(space);
        StartBuild(space, space.RequestedHardware ?? space.CurrentHardware ?? "cpu-basic", factory ? "Factory reboot: rebuilding without cache" : "Restarting");
        return Snapshot(space, advance: false);
    });

    internal Dictionary<string, SpaceSecret> ListSecrets(EmulatedAccount? caller, string ns, string repo) => Locked(() =>
        Writable(caller, ns, repo, "read the secrets of").Secrets.ToDictionary(
            s => s.Key,
            s => new SpaceSecret { Description = s.Value.Description, UpdatedAt = s.Value.UpdatedAt }));

    internal void UpsertSecret(EmulatedAccount? caller, string ns, string repo, string? key, string? value, string? description) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the secrets of");
        space.Secrets[ValidKey(key)] = (value ?? string.Empty, description, _clock.GetUtcNow());
    });

    internal void DeleteSecret(EmulatedAccount? caller, string ns, string repo, string? key) => Locked(() =>
    {
        Writable(caller, ns, repo, "change the secrets of").Secrets.Remove(ValidKey(key));
    });

    internal Dictionary<string, SpaceVariable> ListVariables(EmulatedAccount? caller, string ns, string repo) =>
        Locked(() => Variables(Writable(caller, ns, repo, "read the variables of")));

    internal Dictionary<string, SpaceVariable> UpsertVariable(EmulatedAccount? caller, string ns, string repo, string? key, string? value, string? description) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the variables of");
        space.Variables[ValidKey(key)] = (value ?? string.Empty, description, _clock.GetUtcNow());
        return Variables(space);
    });

    internal Dictionary<string, SpaceVariable> DeleteVariable(EmulatedAccount? caller, string ns, string repo, string? key) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the variables of");
        space.Variables.Remove(ValidKey(key));
        return Variables(space);
    });

    internal string Duplicate(EmulatedAccount? caller, string ns, string repo, DuplicateSpaceRequest request, Uri hubUrl) => Locked(() =>
    {
        var account = caller ?? throw HubError.Unauthorized();
        var source = Readable(account, ns, repo);
        var (targetNs, targetName) = SplitId(request.Repository) ?? throw HubError.BadRequest($"'{request.Repository}' is not a valid repository id (namespace/name)");
        if (!account.Owns(targetNs))
        {
            throw HubError.Forbidden($"You cannot create a Space in '{targetNs}'");
        }

        var url = new Uri(hubUrl, $"spaces/{targetNs}/{targetName}").ToString();
        if (_spaces.ContainsKey($"{targetNs}/{targetName}"))
        {
            throw new HubError(409, "You already created this space repo", url: url);
        }

        var hardware = ValidFlavor(request.Hardware ?? "cpu-basic");

        var visibility = request.Visibility ?? source.Visibility;
        if (visibility is not ("public" or "private" or "protected"))
        {
            throw HubError.BadRequest($"Invalid visibility '{visibility}'");
        }

        var now = _clock.GetUtcNow();
        var copy = new EmulatedSpace(targetNs, targetName, source.Sdk, visibility != "public", now) { Visibility = visibility };
        copy.Repository = NewRepository(targetName, source.Sdk, source.Repository.Head.Files.Where(f => f.Key != "README.md").Select(f => KeyValuePair.Create(f.Key, Content(f.Value))), account.Name);
        foreach (var variable in source.Variables)
        {
            copy.Variables[variable.Key] = variable.Value;
        }

        SetItems(copy, request.Variables, request.Secrets, now);

        copy.Storage = request.StorageTier is null ? null : ValidTier(request.StorageTier);
        copy.Volumes = request.Volumes?.Select(ValidVolume).ToList();
        if (!copy.IsStatic)
        {
            copy.SleepSeconds = hardware == "cpu-basic" ? EmulatedSpace.CpuBasicSleepSeconds : request.SleepTimeSeconds is { } s ? ValidSleep(s) : null;
            StartBuild(copy, hardware, $"Duplicated from {source.Id}");
        }

        _spaces[copy.Id] = copy;
        return url;
    });

    internal SpaceRuntime RequestStorage(EmulatedAccount? caller, string ns, string repo, string? tier) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the storage of");
        var wanted = ValidTier(tier);
        if (space.Storage is not null && Array.IndexOf(StorageTiers, wanted) < Array.IndexOf(StorageTiers, space.Storage))
        {
            throw HubError.BadRequest($"Cannot downgrade persistent storage from {space.Storage} to {wanted}: delete it first");
        }

        space.Storage = wanted;
        return Snapshot(space);
    });

    internal SpaceRuntime DeleteStorage(EmulatedAccount? caller, string ns, string repo) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the storage of");
        space.Storage = space.Storage is null ? throw HubError.BadRequest("This Space has no persistent storage") : null;
        return Snapshot(space);
    });

    internal SpaceRuntime SetDevMode(EmulatedAccount? caller, string ns, string repo, bool enabled) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the dev mode of");
        NotStatic(space, "Dev mode is not available for static Spaces");
        space.DevMode = enabled;
        return Snapshot(space);
    });

    internal void SetVolumes(EmulatedAccount? caller, string ns, string repo, ICollection<SpaceVolume>? volumes) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the volumes of");
        NotStatic(space, "Static Spaces cannot mount volumes");
        space.Volumes = (volumes ?? []).Select(ValidVolume).ToList();
    });

    internal void DeleteVolumes(EmulatedAccount? caller, string ns, string repo) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "change the volumes of");
        space.Volumes = space.Volumes is { Count: > 0 } ? null : throw HubError.BadRequest("No volume is attached to this Space");
    });

    internal List<(DateTimeOffset At, string Line)> Logs(EmulatedAccount? caller, string ns, string repo, string logType, int? tail) => Locked(() =>
    {
        var space = Writable(caller, ns, repo, "read the logs of");
        Advance(space);
        var lines = logType switch
        {
            "run" => space.RunLogs,
            "build" => space.BuildLogs,
            _ => throw HubError.BadRequest($"Unknown log type '{logType}': use run or build"),
        };
        return (tail is { } n && n >= 0 ? lines.TakeLast(n) : lines).ToList();
    });

    /// <summary>True while the Space's image builds (its build log is still being written); false once it starts.</summary>
    internal bool IsBuilding(string ns, string repo) => Locked(() =>
    {
        if (!_spaces.TryGetValue($"{ns}/{repo}", out var space))
        {
            return false;
        }

        Advance(space);
        return space.Rebuild is { Built: false };
    });

    internal WhoAmI WhoAmI(EmulatedAccount? caller)
    {
        var account = caller ?? throw HubError.Unauthorized();
        return new WhoAmI
        {
            Type = "user",
            Name = account.Name,
            Fullname = account.Name,
            Orgs = account.Organizations.Select(o => new WhoAmIOrg { Name = o }).ToList(),
            Auth = new WhoAmIAuth { Type = "access_token", AccessToken = new WhoAmIAccessToken { DisplayName = "emulator", Role = "write", CreatedAt = _started } },
        };
    }

    private T Locked<T>(Func<T> operation)
    {
        lock (_lock)
        {
            return operation();
        }
    }

    private void Locked(Action operation)
    {
        lock (_lock)
        {
            operation();
        }
    }

    private EmulatedSpace Readable(EmulatedAccount? caller, string ns, string repo)
    {
        if (!_spaces.TryGetValue($"{ns}/{repo}", out var space))
        {
            throw HubError.NotFound();
        }

        if (space.IsPrivate && !(caller?.Owns(space.Namespace) ?? false))
        {
            // The Hub hides private Spaces: anonymous callers get 401, others 404.
            throw caller is null ? HubError.Unauthorized() : HubError.NotFound();
        }

        return space;
    }

    private EmulatedSpace Writable(EmulatedAccount? caller, string ns, string repo, string action)
    {
        var account = caller ?? throw HubError.Unauthorized();
        var space = Readable(account, ns, repo);
        return account.Owns(space.Namespace)
            ? space
            : throw HubError.Forbidden($"You don't have the rights to {action} {space.Id}: only its owner can");
    }

    private static void NotStatic(EmulatedSpace space, string message)
    {
        if (space.IsStatic)
        {
            throw HubError.BadRequest(message);
        }
    }

    /// <summary>
    /// Starts a build. A running Space keeps serving on its old hardware meanwhile (RUNNING_BUILDING, then
    /// RUNNING_APP_STARTING, as the Hub reports it); a new, paused or failed one has no hardware until it runs (BUILDING).
    /// A Space whose files lack its SDK's entry point builds (BUILDING, as recorded right after a creation) and then ends
    /// NO_APP_FILE, on no hardware.
    /// </summary>
    private void StartBuild(EmulatedSpace space, string hardware, string reason)
    {
        var now = _clock.GetUtcNow();
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
        StartBuild(space, space.RequestedHardware ?? space.CurrentHardware ?? "cpu-basic", reason);
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
        };
    }

    /// <summary>The variables and secrets a create or duplicate body gives the new Space.</summary>
    private static void SetItems(EmulatedSpace space, IEnumerable<SpaceVariableItem>? variables, IEnumerable<SpaceSecretItem>? secrets, DateTimeOffset now)
    {
        foreach (var variable in variables ?? [])
        {
            space.Variables[ValidKey(variable.Key)] = (variable.Value ?? string.Empty, variable.Description, now);
        }

        foreach (var secret in secrets ?? [])
        {
            space.Secrets[ValidKey(secret.Key)] = (secret.Value ?? string.Empty, secret.Description, now);
        }
    }

    private static Dictionary<string, SpaceVariable> Variables(EmulatedSpace space) =>
        space.Variables.ToDictionary(v => v.Key, v => new SpaceVariable { Value = v.Value.Value, Description = v.Value.Description, UpdatedAt = v.Value.UpdatedAt });

    private static int? ValidSleep(int seconds) => seconds switch
    {
        -1 => null,
        > 0 => seconds,
        _ => throw HubError.BadRequest($"Invalid sleep time {seconds}: use a positive number of seconds, or -1 to never sleep"),
    };

    private static string ValidFlavor(string? flavor) =>
        HardwareCatalog.IsFlavor(flavor)
            ? flavor!
            : throw HubError.BadRequest($"Invalid hardware flavor '{flavor}'. Valid flavors: {string.Join(", ", HardwareCatalog.Flavors)}");

    private static string ValidKey(string? key) =>
        string.IsNullOrWhiteSpace(key) ? throw HubError.BadRequest("key is required") : key;

    private static string ValidTier(string? tier) =>
        Array.IndexOf(StorageTiers, tier) >= 0 ? tier! : throw HubError.BadRequest($"Invalid storage tier '{tier}': use small, medium or large");

    private static SpaceVolume ValidVolume(SpaceVolume volume) =>
        Array.IndexOf(VolumeTypes, volume.Type) >= 0 && !string.IsNullOrWhiteSpace(volume.Source) && !string.IsNullOrWhiteSpace(volume.MountPath)
            ? volume
            : throw HubError.BadRequest($"Invalid volume '{volume.Source}': type (bucket, model, dataset, space), source and mountPath are required");

    private static (string Namespace, string Name)? SplitId(string? id)
    {
        var parts = id?.Split('/');
        return parts is [{ Length: > 0 } ns, { Length: > 0 } name] ? (ns, name) : null;
    }
}
