namespace HfSpaces;

/// <summary>The SDK a Space is built with: <c>gradio</c>, <c>streamlit</c>, <c>docker</c> or <c>static</c> (no hardware, no sleep, no pause).</summary>
[ExtensibleEnum("SpaceSdk")]
public readonly partial struct SpaceSdk;
