namespace HfSpaces.Emulator.State;

/// <summary>A Space to create when the emulator starts (or later, through <see cref="EmulatedHub.AddSpace"/>).</summary>
/// <param name="Id"><c>namespace/name</c>.</param>
/// <param name="Sdk"><c>gradio</c>, <c>streamlit</c>, <c>docker</c> or <c>static</c> (static Spaces have no hardware and refuse pause/restart).</param>
/// <param name="Hardware">The flavor it runs on (ignored for static Spaces).</param>
/// <param name="Private">Private Spaces are invisible (404) to other accounts.</param>
/// <param name="Stage">The stage it starts in: RUNNING, or an error stage (BUILD_ERROR, RUNTIME_ERROR, CONFIG_ERROR, NO_APP_FILE), PAUSED…</param>
/// <param name="ErrorMessage">The <c>errorMessage</c> of an error stage.</param>
public sealed record SpaceSeed(string Id, string Sdk = "gradio", string Hardware = "cpu-basic", bool Private = false, string Stage = "RUNNING", string? ErrorMessage = null)
{
    /// <summary>
    /// The files of its first commit besides the README (which the emulator writes with the SDK's front matter). Null: a
    /// small app for the SDK (<c>app.py</c>, <c>Dockerfile</c> or <c>index.html</c>); empty: none, so it cannot build.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]>? Files { get; init; }
}
