namespace HfSpaces.Repository;

/// <summary>A file of a request body is not what it was when it was planned (its length changed): the body is cut, so the Hub commits nothing.</summary>
internal sealed class BodyChangedException(string message) : IOException(message);
