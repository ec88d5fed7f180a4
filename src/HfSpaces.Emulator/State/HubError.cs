namespace HfSpaces.Emulator.State;

/// <summary>An error the emulated Hub answers with: status, <c>X-Error-Code</c> and the <c>{"error"}</c> message.</summary>
public sealed class HubError(int status, string message, string? code = null, string? url = null) : Exception(message)
{
    public int Status { get; } = status;

    public string? Code { get; } = code;

    /// <summary>For 409 on duplicate: the existing repository's URL, as the Hub puts it in the body.</summary>
    public string? Url { get; } = url;

    public static HubError NotFound() => new(404, "Repository not found", "RepoNotFound");

    public static HubError Unauthorized(string message = "Invalid username or password.") => new(401, message);

    public static HubError Forbidden(string message) => new(403, message);

    public static HubError BadRequest(string message) => new(400, message);
}
