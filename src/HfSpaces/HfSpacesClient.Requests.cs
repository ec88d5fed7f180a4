using HfSpaces.Http;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Wire = HfSpaces.Generated.Models;

namespace HfSpaces;

public partial class HfSpacesClient
{
    /// <summary>A Space operation's request from its template (see <see cref="SpaceRequest"/>), with its JSON body if any.</summary>
    private RequestInformation Request(SpaceRequest request, SpaceId space, IParsable? body = null)
    {
        ValidateSpace(space);
        return _connection.Request(request, space, body);
    }

    /// <summary>The Space operations sent often enough to reuse their shape; each as Kiota's builder makes it (bodies are placeholders).</summary>
    private static class Requests
    {
        public static readonly SpaceRequest Runtime = new(static b => b.Runtime.ToGetRequestInformation());
        public static readonly SpaceRequest Hardware = new(static b => b.Hardware.ToPostRequestInformation(new Wire.HardwareRequest()));
        public static readonly SpaceRequest SleepTime = new(static b => b.Sleeptime.ToPostRequestInformation(new Wire.SleepTimeRequest()));
        public static readonly SpaceRequest Pause = new(static b => b.Pause.ToPostRequestInformation());
        public static readonly SpaceRequest Restart = new(static b => b.Restart.ToPostRequestInformation());
        public static readonly SpaceRequest Secrets = new(static b => b.Secrets.ToGetRequestInformation());
        public static readonly SpaceRequest SetSecret = new(static b => b.Secrets.ToPostRequestInformation(new Wire.SpaceSecretUpsert()));
        public static readonly SpaceRequest DeleteSecret = new(static b => b.Secrets.ToDeleteRequestInformation(new Wire.SpaceKeyReference()));
        public static readonly SpaceRequest Variables = new(static b => b.Variables.ToGetRequestInformation());
        public static readonly SpaceRequest SetVariable = new(static b => b.Variables.ToPostRequestInformation(new Wire.SpaceVariableUpsert()));
        public static readonly SpaceRequest DeleteVariable = new(static b => b.Variables.ToDeleteRequestInformation(new Wire.SpaceKeyReference()));
        public static readonly SpaceRequest DevMode = new(static b => b.DevMode.ToPostRequestInformation(new Wire.DevModeRequest()));
        public static readonly SpaceRequest Volumes = new(static b => b.Volumes.ToPutRequestInformation(new Wire.SetVolumesRequest()));
        public static readonly SpaceRequest DeleteVolumes = new(static b => b.Volumes.ToDeleteRequestInformation());
        public static readonly SpaceRequest Settings = new(static b => b.Settings.ToPutRequestInformation(new Wire.SpaceSettingsRequest()));
        public static readonly SpaceRequest Replicas = new(static b => b.Replicas.ToPostRequestInformation(new Wire.ReplicasRequest()));
    }
}
