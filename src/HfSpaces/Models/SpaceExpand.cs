namespace HfSpaces;

/// <summary>
/// Properties <see cref="HfSpacesClient.GetSpaceInfoAsync"/> and <see cref="SpaceListQuery.Expand"/> can ask for
/// (huggingface_hub's <c>ExpandSpaceProperty_T</c>). Any other string is sent as given: the Hub decides.
/// </summary>
public static class SpaceExpand
{
    /// <summary><c>author</c>.</summary>
    public const string Author = "author";

    /// <summary><c>cardData</c>: the README's metadata.</summary>
    public const string CardData = "cardData";

    /// <summary><c>createdAt</c>.</summary>
    public const string CreatedAt = "createdAt";

    /// <summary><c>disabled</c>.</summary>
    public const string Disabled = "disabled";

    /// <summary><c>lastModified</c>.</summary>
    public const string LastModified = "lastModified";

    /// <summary><c>likes</c>.</summary>
    public const string Likes = "likes";

    /// <summary><c>private</c>.</summary>
    public const string Private = "private";

    /// <summary><c>runtime</c>: stage, hardware, sleep time… as <see cref="HfSpacesClient.GetRuntimeAsync"/> reads it.</summary>
    public const string Runtime = "runtime";

    /// <summary><c>sdk</c>.</summary>
    public const string Sdk = "sdk";

    /// <summary><c>sha</c>.</summary>
    public const string Sha = "sha";

    /// <summary><c>subdomain</c>.</summary>
    public const string Subdomain = "subdomain";

    /// <summary><c>tags</c>.</summary>
    public const string Tags = "tags";

    /// <summary><c>trendingScore</c>.</summary>
    public const string TrendingScore = "trendingScore";

    /// <summary><c>usedStorage</c>.</summary>
    public const string UsedStorage = "usedStorage";
}
