using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HfSpaces.Tests.Faults;

/// <summary>A request as the scripted server read it off the socket.</summary>
internal sealed record ScriptedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Path => Target.Split('?')[0];

    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A misbehaving Hub on a loopback port, written at the socket level so it can do what no well-behaved server does:
/// close without answering, promise a body it never sends, claim gzip and send plain text, drip bytes, send an endless
/// line. Each request is answered by the script; the script writes raw bytes and says whether the connection stays open.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<ScriptedRequest, Stream, CancellationToken, Task<bool>> _script;
    private readonly Task _accepting;
    private readonly ConcurrentBag<Task> _connections = [];

    public ScriptedServer(Func<ScriptedRequest, Stream, CancellationToken, Task<bool>> script)
    {
        _script = script;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Endpoint => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public ConcurrentQueue<ScriptedRequest> Requests { get; } = new();

    public int Count(string method, string path) => Requests.Count(r => r.Method == method && r.Path == path);

    /// <summary>A complete, well-formed response.</summary>
    public static async Task<bool> Answer(Stream stream, int status, string body, CancellationToken cancellationToken, string contentType = "application/json", params string[] headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await Write(stream, $"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\n{string.Concat(headers.Select(h => h + "\r\n"))}\r\n", cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
        return true;
    }

    public static Task Write(Stream stream, string text, CancellationToken cancellationToken) =>
        stream.WriteAsync(Encoding.Latin1.GetBytes(text), cancellationToken).AsTask();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _connections.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            try
            {
                while (await ReadRequestAsync(stream, _stop.Token) is { } request)
                {
                    Requests.Enqueue(request);
                    if (!await _script(request, stream, _stop.Token))
                    {
                        return;
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (it stopped reading a huge body, or gave up): that is what the tests provoke.
            }
        }
    }

    private static async Task<ScriptedRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        var lines = Encoding.Latin1.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var start = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }

        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            return new ScriptedRequest(start[0], start[1], headers, await ReadChunkedAsync(stream, cancellationToken));
        }

        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) : 0];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return new ScriptedRequest(start[0], start[1], headers, body);
    }

    /// <summary>A chunked body (what a body written as it is sent arrives as): size line, bytes, CRLF, until a zero size.</summary>
    private static async Task<byte[]> ReadChunkedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var line = new List<byte>();
            var one = new byte[1];
            while (line.Count < 2 || line[^2] != '\r' || line[^1] != '\n')
            {
                if (await stream.ReadAsync(one, cancellationToken) == 0)
                {
                    throw new IOException("the chunked body ended early");
                }

                line.Add(one[0]);
            }

            var size = Convert.ToInt32(Encoding.ASCII.GetString(line.ToArray()).Trim().Split(';')[0], 16);
            var chunk = new byte[size + 2];
            await stream.ReadExactlyAsync(chunk, cancellationToken);
            if (size == 0)
            {
                return body.ToArray();
            }

            body.Write(chunk, 0, size);
        }
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_connections.ToArray()).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }
}
