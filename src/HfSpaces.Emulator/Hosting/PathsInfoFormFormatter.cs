using HfSpaces.Emulator.Generated;
using Microsoft.AspNetCore.Mvc.Formatters;

namespace HfSpaces.Emulator.Hosting;

/// <summary>
/// Reads paths-info's form body (<c>paths=a&amp;paths=b&amp;expand=true</c>, as huggingface_hub sends it) into the
/// <see cref="PathsInfoRequest"/> NSwag's controller takes from the body: MVC reads only JSON bodies otherwise.
/// </summary>
internal sealed class PathsInfoFormFormatter : InputFormatter
{
    public PathsInfoFormFormatter() => SupportedMediaTypes.Add("application/x-www-form-urlencoded");

    protected override bool CanReadType(Type type) => type == typeof(PathsInfoRequest);

    public override async Task<InputFormatterResult> ReadRequestBodyAsync(InputFormatterContext context)
    {
        var form = await context.HttpContext.Request.ReadFormAsync(context.HttpContext.RequestAborted).ConfigureAwait(false);
        return await InputFormatterResult.SuccessAsync(new PathsInfoRequest
        {
            Paths = form["paths"].OfType<string>().ToList(),
            Expand = form["expand"].ToString() is "true" or "True" or "1" ? true : null,
        }).ConfigureAwait(false);
    }
}
