using System.IO.Pipelines;
using System.Text;
using HfSpaces.Http;

namespace HfSpaces.Tests;

public sealed class SpaceLogReaderTests
{
    [Theory]
    [InlineData("data: {\"data\":\"hello\\n\",\"timestamp\":\"2025-03-07T12:24:18.657Z\"}", "hello")]
    [InlineData("data:{\"data\":\"no space after colon\"}", "no space after colon")]
    [InlineData("data: not json", "not json")]
    [InlineData("data: {\"other\":1}", "{\"other\":1}")]
    [InlineData("data: {\"data\":\"x\"} trailing", "{\"data\":\"x\"} trailing")]
    [InlineData("data: {\"data\":7}", "{\"data\":7}")]
    [InlineData("data: {\"data\":\"a\\r\\n\\n\",\"extra\":{\"nested\":[1,{\"data\":\"no\"}]}}", "a")]
    [InlineData("data: {\"data\":\"lone \\ud800 surrogate\"}", "lone \\ud800 surrogate")]
    [InlineData("data: {\"data\":\"caf\\u00e9 \\\"quoted\\\"\"}", "café \"quoted\"")]
    public async Task Data_lines_become_log_lines(string line, string text)
    {
        Assert.Equal([text], await ReadAsync(line + "\n\n"));
    }

    [Fact]
    public void A_long_envelope_is_read_whole_and_a_timestamp_in_another_form_is_taken_as_utc()
    {
        var message = new string('é', 5000);
        var line = Parse($$"""{"timestamp":"2025-03-07 12:24:18","data":"{{message}}\n"}""")!;

        Assert.Equal(message, line.Text);
        Assert.Equal(new DateTimeOffset(2025, 3, 7, 12, 24, 18, TimeSpan.Zero), line.Timestamp);
        Assert.Equal(new DateTimeOffset(2025, 3, 7, 12, 24, 18, 657, TimeSpan.Zero), Parse("""{"data":"x","timestamp":"2025-03-07T12:24:18.657Z"}""")!.Timestamp);
        Assert.Equal(new DateTimeOffset(2025, 3, 7, 10, 24, 18, TimeSpan.Zero), Parse("""{"data":"x","timestamp":"2025-03-07T12:24:18+02:00"}""")!.Timestamp);
    }

    [Fact]
    public async Task Lines_split_across_reads_at_any_byte_come_out_whole_whatever_their_line_ends()
    {
        var text = "data: {\"data\":\"one\"}\r\n\r\ndata: {\"data\":\"two é\"}\r\rdata: three\n\ndata: {\"data\":\"four\"}";
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var chunk = 1; chunk <= bytes.Length; chunk++)
        {
            var lines = await SpaceLogReader.ReadAsync(new TrickleStream(bytes, chunk), "/logs", null, TimeProvider.System, CancellationToken.None).Select(l => l.Text).ToListAsync();
            Assert.Equal(["one", "two é", "three", "four"], lines);
        }
    }

    /// <summary>Hands out at most <c>chunk</c> bytes per read.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }

    [Theory]
    [InlineData("data:")]
    [InlineData("data: ")]
    [InlineData("data")]
    [InlineData(": keep-alive")]
    [InlineData("event: message")]
    [InlineData("id: 7")]
    [InlineData("retry: 1000")]
    [InlineData("")]
    public async Task Keep_alives_comments_and_other_fields_are_skipped(string line)
    {
        Assert.Equal(["after"], await ReadAsync($"{line}\n\ndata: after\n\n"));
        Assert.Equal(["after"], await ReadAsync($"{line}\ndata: after\n"));
    }

    [Fact]
    public async Task Each_data_line_is_a_log_line_whether_or_not_a_blank_line_ends_its_event()
    {
        // An event of two data lines is two log lines (as huggingface_hub reads them); a BOM at the start is not text.
        Assert.Equal(["one", "two", "three"], await ReadAsync("\uFEFFdata: one\ndata: {\"data\":\"two\"}\n\ndata: three\n"));
    }

    [Fact]
    public async Task Invalid_utf8_becomes_replacement_characters_not_a_failure()
    {
        var bytes = "data: bad "u8.ToArray().Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat("\n\ndata: ok\n"u8.ToArray()).ToArray();

        var lines = await SpaceLogReader.ReadAsync(new MemoryStream(bytes), "/logs", null, TimeProvider.System, CancellationToken.None).Select(l => l.Text).ToListAsync();

        Assert.Equal(["bad \uFFFD(\uFFFD", "ok"], lines);
    }

    [Fact]
    public async Task A_long_line_is_cut_after_the_character_that_crosses_the_bound_wherever_the_reads_split_it()
    {
        // 'é' is two bytes: 6 of "data: " and 32,765 of them fill the 64 KiB exactly; the rest of the line is dropped.
        var text = "data: " + new string('é', 40_000) + "\ndata: next\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var chunk in new[] { 1, 2, 3, 4093, 16 * 1024, bytes.Length })
        {
            var lines = await SpaceLogReader.ReadAsync(new TrickleStream(bytes, chunk), "/logs", null, TimeProvider.System, CancellationToken.None).Select(l => l.Text).ToListAsync();

            Assert.Equal([new string('é', (LogLineStream.MaxLineBytes - 6) / 2) + "…", "next"], lines);
        }

        // An odd bound: the character that crosses it is kept whole, never half of it.
        var odd = Encoding.UTF8.GetBytes("data: x" + new string('é', 40_000));
        var last = await SpaceLogReader.ReadAsync(new TrickleStream(odd, 7), "/logs", null, TimeProvider.System, CancellationToken.None).Select(l => l.Text).SingleAsync();
        Assert.Equal("x" + new string('é', (LogLineStream.MaxLineBytes - 7 + 1) / 2) + "…", last);
    }

    [Fact]
    public async Task A_run_of_continuation_bytes_at_the_bound_does_not_stretch_the_line()
    {
        // 65,536 bytes fill the line; then 100,000 bytes that each claim to continue a character: three are kept at most.
        var bytes = "data: "u8.ToArray().Concat(Enumerable.Repeat((byte)'x', LogLineStream.MaxLineBytes - 6)).Concat(Enumerable.Repeat((byte)0x80, 100_000)).Concat("\ndata: next\n"u8.ToArray()).ToArray();
        foreach (var chunk in new[] { 1, 5, 16 * 1024, bytes.Length })
        {
            var lines = await SpaceLogReader.ReadAsync(new TrickleStream(bytes, chunk), "/logs", null, TimeProvider.System, CancellationToken.None).Select(l => l.Text).ToListAsync();

            Assert.Equal([new string('x', LogLineStream.MaxLineBytes - 6) + "\uFFFD\uFFFD\uFFFD…", "next"], lines);
        }
    }

    private static SpaceLogLine? Parse(string data) => SpaceLogReader.Parse(Encoding.UTF8.GetBytes(data));

    private static async Task<List<string>> ReadAsync(string stream) =>
        await SpaceLogReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(stream)), "/logs", null, TimeProvider.System, CancellationToken.None).Select(l => l.Text).ToListAsync();

    [Fact]
    public async Task A_non_follow_read_ends_after_the_idle_timeout_while_the_stream_stays_open()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("data: {\"data\":\"one\"}\n\n"));

        var lines = new List<SpaceLogLine>();
        await foreach (var line in SpaceLogReader.ReadAsync(pipe.Reader.AsStream(), "/logs", TimeSpan.FromMilliseconds(100), TimeProvider.System, CancellationToken.None))
        {
            lines.Add(line);
        }

        Assert.Equal([new SpaceLogLine { Text = "one", Timestamp = null }], lines);
    }

    [Fact]
    public async Task A_follow_read_stops_when_the_caller_cancels()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("data: {\"data\":\"one\"}\n"));
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in SpaceLogReader.ReadAsync(pipe.Reader.AsStream(), "/logs", null, TimeProvider.System, cts.Token))
            {
                await cts.CancelAsync();
            }
        });
    }
}
