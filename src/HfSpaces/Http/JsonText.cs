using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace HfSpaces.Http;

/// <summary>Server strings that .NET refuses to decode (invalid UTF-8, a lone surrogate escape) are still text to show.</summary>
internal static class JsonText
{
    /// <summary>A JSON string's value; when it cannot be decoded, its raw bytes as written (invalid UTF-8 becomes U+FFFD).</summary>
    public static string Of(JsonElement element)
    {
        try
        {
            return element.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
#if NET9_0_OR_GREATER
            var raw = JsonMarshal.GetRawUtf8Value(element);
            return Encoding.UTF8.GetString(raw.Length >= 2 ? raw[1..^1] : raw);
#else
            // .NET 8 cannot hand out the raw bytes of a value it cannot decode: say that something was there.
            return "\uFFFD";
#endif
        }
    }

    /// <summary>
    /// A date in a form other than the Hub's (which callers read directly, without culture parsing): any form .NET reads,
    /// taken as UTC unless it says otherwise; null when it is not a date.
    /// </summary>
    public static DateTimeOffset? OtherDate(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ? date : null;
}
