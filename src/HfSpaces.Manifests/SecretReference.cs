namespace HfSpaces.Manifests;

/// <summary>
/// Where a secret's value comes from — <c>${env:NAME}</c> (an environment variable) or <c>${file:path}</c> (a file,
/// relative to the manifest; one trailing newline is dropped) — never the value itself. <see cref="ToString"/> shows the
/// reference, which is safe to print.
/// </summary>
public sealed class SecretReference
{
    private SecretReference(string reference, SecretSource source, string name, string? description)
    {
        Reference = reference;
        Source = source;
        Name = name;
        Description = description;
    }

    /// <summary>The reference as written, e.g. <c>${env:OPENAI_API_KEY}</c>.</summary>
    public string Reference { get; }

    /// <summary>An environment variable or a file.</summary>
    public SecretSource Source { get; }

    /// <summary>The variable's name or the file's path.</summary>
    public string Name { get; }

    /// <summary>The secret's description, if managed.</summary>
    public string? Description { get; }

    /// <summary>An environment variable.</summary>
    public static SecretReference FromEnvironment(string variable, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variable);
        return new SecretReference($"${{env:{variable}}}", SecretSource.Environment, variable, description);
    }

    /// <summary>A file.</summary>
    public static SecretReference FromFile(string path, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new SecretReference($"${{file:{path}}}", SecretSource.File, path, description);
    }

    /// <summary>Reads <c>${env:NAME}</c> or <c>${file:path}</c>; null when <paramref name="text"/> is not a reference (a literal value).</summary>
    public static SecretReference? TryParse(string text, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("${", StringComparison.Ordinal) || !trimmed.EndsWith('}'))
        {
            return null;
        }

        var inner = trimmed[2..^1];
        return inner.StartsWith("env:", StringComparison.Ordinal) && inner.Length > 4 && inner[4..].All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? FromEnvironment(inner[4..], description)
            : inner.StartsWith("file:", StringComparison.Ordinal) && inner.Length > 5
                ? FromFile(inner[5..], description)
                : null;
    }

    /// <summary>The value, read now. Never logged or shown.</summary>
    /// <param name="manifestDirectory">The folder relative file paths start from.</param>
    /// <param name="environment">Reads environment variables (tests pass their own).</param>
    /// <exception cref="ManifestException">The variable is unset or empty, or the file cannot be read or is empty.</exception>
    public string Resolve(string? manifestDirectory = null, Func<string, string?>? environment = null)
    {
        if (Source == SecretSource.Environment)
        {
            var value = (environment ?? Environment.GetEnvironmentVariable)(Name);
            return string.IsNullOrEmpty(value) ? throw new ManifestException($"{Reference}: the environment variable {Name} is not set or empty.") : value;
        }

        var path = Path.IsPathRooted(Name) ? Name : Path.Combine(manifestDirectory ?? Directory.GetCurrentDirectory(), Name);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException($"{Reference}: the file cannot be read ({e.GetType().Name}).");
        }

        text = text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;
        return text.Length == 0 ? throw new ManifestException($"{Reference}: the file is empty.") : text;
    }

    /// <summary>The reference (never a value).</summary>
    public override string ToString() => Reference;
}

/// <summary>Where a secret's value comes from.</summary>
public enum SecretSource
{
    /// <summary><c>${env:NAME}</c>.</summary>
    Environment,

    /// <summary><c>${file:path}</c>.</summary>
    File,
}
