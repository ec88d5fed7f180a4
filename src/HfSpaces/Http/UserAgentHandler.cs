using System.Reflection;

namespace HfSpaces.Http;

/// <summary>Names the SDK (and the application, when <see cref="HfSpacesClientOptions.ApplicationId"/> is set) in <c>User-Agent</c>.</summary>
internal sealed class UserAgentHandler(string? applicationId) : DelegatingHandler
{
    private static readonly string SdkVersion =
        typeof(UserAgentHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private readonly string _userAgent = (string.IsNullOrWhiteSpace(applicationId) ? string.Empty : applicationId.Trim() + " ")
        + $"HfSpaces/{SdkVersion} (.NET {Environment.Version}; {System.Runtime.InteropServices.RuntimeInformation.OSDescription.Split(' ')[0]})";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("User-Agent");
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        return base.SendAsync(request, cancellationToken);
    }
}
