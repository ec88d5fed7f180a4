using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HfSpaces.Generators;

/// <summary>An equatable stand-in for <see cref="Location"/> (a Location holds a syntax tree and would defeat caching).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);

    public static LocationInfo? From(Location location) =>
        location.SourceTree is null
            ? null
            : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}
