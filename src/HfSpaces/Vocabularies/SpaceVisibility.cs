namespace HfSpaces;

/// <summary>Who can see a Space: <c>public</c>, <c>private</c> or <c>protected</c> (Spaces only).</summary>
[ExtensibleEnum("SpaceVisibility")]
public readonly partial struct SpaceVisibility;
