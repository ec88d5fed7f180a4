namespace HfSpaces;

/// <summary>Which log stream to read: <c>run</c> (the application's output) or <c>build</c> (the image build).</summary>
[ExtensibleEnum("SpaceLogType")]
public readonly partial struct SpaceLogType;
