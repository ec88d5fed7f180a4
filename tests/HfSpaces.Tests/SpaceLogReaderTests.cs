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
    public void Data_lines_become_log_lines(string line, string text)
    {
        Assert.Equal(text, SpaceLogReader.Parse(line)!.Text);
    }

    [Theory]
    [InlineData("data:")]
    [InlineData("data: ")]
    [InlineData(": keep-alive")]
    [InlineData("event: message")]
    [InlineData("")]
    public void Keep_alives_comments_and_other_fields_are_skipped(string line)
    {
        Assert.Null(SpaceLogReader.Parse(line));
    }

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

        Assert.Equal([new SpaceLogLine("one", null)], lines);
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
