namespace HfSpaces.Emulator.State;

/// <summary>A user of the emulated Hub, the token that authenticates it, and the organisations whose Spaces it owns too.</summary>
public sealed record EmulatedAccount(string Name, string Token, IReadOnlyList<string> Organizations)
{
    public bool Owns(string @namespace) =>
        string.Equals(Name, @namespace, StringComparison.OrdinalIgnoreCase)
        || Organizations.Any(o => string.Equals(o, @namespace, StringComparison.OrdinalIgnoreCase));

    /// <summary>Never shows the token.</summary>
    public override string ToString() => $"EmulatedAccount {{ Name = {Name}, Organizations = [{string.Join(", ", Organizations)}] }}";
}
