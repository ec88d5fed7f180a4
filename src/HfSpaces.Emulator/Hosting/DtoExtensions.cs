using System.Text.Json.Serialization;

namespace HfSpaces.Emulator.Generated;

/// <summary>What the Hub writes differently for a static Space (no <c>gcTimeout</c>, no <c>devMode</c>).</summary>
public partial class SpaceRuntime
{
    [JsonIgnore]
    public bool IsStatic { get; set; }
}

/// <summary>NSwag reads the spec's <c>oneOf: [integer, string]</c> as an <c>int</c>; the Hub also writes <c>"auto"</c>.</summary>
public partial class SpaceReplicas
{
    [JsonIgnore]
    public bool Auto { get; set; }
}

/// <summary>The request's <c>replicas</c> as sent: a number or <c>auto</c> (read by the emulator's converter).</summary>
public partial class ReplicasRequest
{
    [JsonIgnore]
    public string? Value { get; set; }
}

/// <summary>The request's <c>gated</c> as sent: <c>false</c>, <c>auto</c> or <c>manual</c> (NSwag made it a <c>bool?</c>).</summary>
public partial class SpaceSettingsRequest
{
    [JsonIgnore]
    public string? GatedValue { get; set; }
}
