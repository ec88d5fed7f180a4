using System.Diagnostics;
using HfSpaces.Generated;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace HfSpaces.Benchmarks;

public static class Micro
{
    public static async Task RunAsync()
    {
        var b = new ClientCpuBenchmarks();
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: new HttpClient()) { BaseUrl = "https://x" };
        foreach (var call in new[] { "GET runtime", "POST hardware", "GET variables" })
        {
            b.Call = call; b.Setup();
            await Time(call + " floor", () => b.Floor());
            await Time(call + " sdk", () => b.Sdk());
        }
        await Time("serialize body kiota", () =>
        {
            var info = new RequestInformation { HttpMethod = Method.POST, URI = new Uri("https://x/a") };
            info.SetContentFromParsable(adapter, "application/json", new Generated.Models.HardwareRequest { Flavor = "t4-small", SleepTimeSeconds = 3600 });
            return Task.FromResult<object?>(info);
        });
        await Time("serialize body direct writer", () =>
        {
            var info = new RequestInformation { HttpMethod = Method.POST, URI = new Uri("https://x/a") };
            using var writer = new Microsoft.Kiota.Serialization.Json.JsonSerializationWriter();
            writer.WriteObjectValue(null, new Generated.Models.HardwareRequest { Flavor = "t4-small", SleepTimeSeconds = 3600 });
            info.SetStreamContent(writer.GetSerializedContent(), "application/json");
            return Task.FromResult<object?>(info);
        });
        await Time("writer new+dispose", () =>
        {
            using var writer = new Microsoft.Kiota.Serialization.Json.JsonSerializationWriter();
            return Task.FromResult<object?>(writer);
        });
        await Time("writer new+write+dispose", () =>
        {
            using var writer = new Microsoft.Kiota.Serialization.Json.JsonSerializationWriter();
            writer.WriteObjectValue(null, new Generated.Models.HardwareRequest { Flavor = "t4-small", SleepTimeSeconds = 3600 });
            return Task.FromResult<object?>(writer);
        });
        await Time("new RequestInformation", () => Task.FromResult<object?>(new RequestInformation { HttpMethod = Method.POST, URI = new Uri("https://x/a") }));
    }

    public static async Task LoopAsync(string call, int seconds)
    {
        var b = new ClientCpuBenchmarks { Call = call };
        b.Setup();
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            for (var i = 0; i < 1000; i++) await b.Sdk();
        }
    }

    private static async Task Time(string name, Func<Task<object?>> run)
    {
        for (var i = 0; i < 20000; i++) await run();
        var best = double.MaxValue;
        for (var r = 0; r < 5; r++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < 50000; i++) await run();
            best = Math.Min(best, sw.Elapsed.TotalMicroseconds / 50000);
        }
        Console.WriteLine($"{name,-30} {best,6:0.00} us");
    }
}
