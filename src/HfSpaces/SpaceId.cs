using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace HfSpaces;

/// <summary>
/// The id of a Space, <c>namespace/name</c> (e.g. <c>alice/demo</c>), validated with the Hub's repository-id rules.
/// The namespace is required: the runtime endpoints would route a bare name as a different path.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct SpaceId : IEquatable<SpaceId>
{
    /// <summary>The longest name the Hub accepts.</summary>
    public const int MaxNameLength = 96;

    /// <summary>Creates an id from its two parts, each validated.</summary>
    /// <exception cref="ArgumentException">A part breaks a Hub rule; the message names it.</exception>
    public SpaceId(string @namespace, string name)
    {
        if (Validate(@namespace, name) is { } error)
        {
            throw new ArgumentException(error, nameof(name));
        }

        Namespace = @namespace;
        Name = name;
    }

    /// <summary>The user or organisation that owns the Space.</summary>
    public string Namespace { get; }

    /// <summary>The Space's name inside its namespace.</summary>
    public string Name { get; }

    /// <summary>True for <c>default(SpaceId)</c>, which names no Space.</summary>
    public bool IsDefault => Namespace is null;

    /// <summary>Parses <c>namespace/name</c>.</summary>
    /// <exception cref="ArgumentException">The id breaks a Hub rule; the message names the rule.</exception>
    public static SpaceId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var id, out var error) ? id : throw new ArgumentException(error, nameof(value));
    }

    /// <summary>Parses <c>namespace/name</c> without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out SpaceId id) => TryParse(value, out id, out _);

    /// <summary>Parses <c>namespace/name</c>; on failure <paramref name="error"/> names the rule broken.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out SpaceId id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        if (value is null)
        {
            error = "A Space id cannot be null.";
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            error = $"'{value}' has no namespace: a Space id is 'namespace/name', e.g. 'alice/{(value.Length == 0 ? "demo" : value)}'.";
            return false;
        }

        if (value.IndexOf('/', slash + 1) >= 0)
        {
            error = $"'{value}' has more than one '/': a Space id is 'namespace/name'.";
            return false;
        }

        var ns = value[..slash];
        var name = value[(slash + 1)..];
        error = Validate(ns, name);
        if (error is not null)
        {
            return false;
        }

        id = new SpaceId(ns, name);
        return true;
    }

    /// <summary>Returns null when both parts follow the Hub's rules, else a message naming the first rule broken.</summary>
    internal static string? Validate(string? ns, string? name) =>
        ValidatePart(ns, "namespace", maxLength: null) ?? ValidatePart(name, "name", MaxNameLength);

    private static string? ValidatePart(string? part, string what, int? maxLength)
    {
        if (string.IsNullOrEmpty(part))
        {
            return $"The Space {what} cannot be empty.";
        }

        if (maxLength is { } max && part.Length > max)
        {
            return $"The Space {what} '{part}' is {part.Length} characters long; the Hub allows at most {max}.";
        }

        foreach (var c in part)
        {
            if (!IsWordChar(c) && c is not '-' and not '.')
            {
                return $"The Space {what} '{part}' contains '{c}': only letters, digits, '-', '_' and '.' are allowed.";
            }
        }

        if (!IsWordChar(part[0]) || !IsWordChar(part[^1]))
        {
            return $"The Space {what} '{part}' must start and end with a letter, a digit or '_'.";
        }

        if (part.Contains("--", StringComparison.Ordinal) || part.Contains("..", StringComparison.Ordinal))
        {
            return $"The Space {what} '{part}' cannot contain '--' or '..'.";
        }

        if (part.EndsWith(".git", StringComparison.Ordinal))
        {
            return $"The Space {what} '{part}' cannot end with '.git'.";
        }

        return null;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>Parses <c>namespace/name</c> (same as <see cref="Parse"/>).</summary>
    /// <exception cref="ArgumentException">The id breaks a Hub rule.</exception>
    public static implicit operator SpaceId(string value) => Parse(value);

    /// <summary>Ordinal equality.</summary>
    public static bool operator ==(SpaceId left, SpaceId right) => left.Equals(right);

    /// <summary>Ordinal inequality.</summary>
    public static bool operator !=(SpaceId left, SpaceId right) => !left.Equals(right);

    /// <summary>Ordinal equality of both parts (the Hub resolves ids case-insensitively, but echoes them as typed).</summary>
    public bool Equals(SpaceId other) =>
        string.Equals(Namespace, other.Namespace, StringComparison.Ordinal) && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SpaceId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Namespace, Name);

    /// <summary><c>namespace/name</c>, or an empty string for <c>default</c>.</summary>
    public override string ToString() => IsDefault ? string.Empty : $"{Namespace}/{Name}";
}
