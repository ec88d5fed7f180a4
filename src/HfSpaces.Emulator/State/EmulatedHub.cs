using HfSpaces.Emulator.Generated;
using static HfSpaces.Emulator.State.HubRules;

namespace HfSpaces.Emulator.State;

/// <summary>
/// The in-memory Hub (docs/hub-wire.md): this file holds the store — accounts and Spaces under one lock, so concurrent
/// requests to one Space see a consistent order — and the runtime operations; the stage machine is in
/// <c>EmulatedHub.Stages.cs</c>, the Hub's rules in <see cref="HubRules"/>, the lifecycle, secrets and variables,
/// configuration in their partial files, a Space's files and LFS beside them in <c>Repository/</c>. Stages advance lazily
/// from the clock, so no background timer runs and tests can drive time with a fake <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class EmulatedHub
{
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
        if (space.EffectiveHardware != "cpu-basic")
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
        StartBuild(space, space.EffectiveHardware ?? "cpu-basic", factory ? "Factory reboot: rebuilding without cache" : "Restarting");
        return Snapshot(space, advance: false);
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
        copy.Repository = NewRepository(targetName, source.Sdk, FilesBesidesReadme(source), account.Name);
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
}
