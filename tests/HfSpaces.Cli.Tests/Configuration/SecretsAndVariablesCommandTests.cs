using System.Text.Json;

namespace HfSpaces.Cli.Tests.Configuration;

/// <summary>The CLI in process against the emulator: secrets and variables.</summary>
public sealed class SecretsAndVariablesCommandTests : CliTest
{
    [Fact]
    public async Task Secrets_read_the_value_from_stdin_and_never_print_it()
    {
        var (code, output, error) = await RunWithInput("sk-from-stdin\n", Auth("secrets", "set", "alice/demo", "API_KEY", "--description", "chat"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("Secret API_KEY set on alice/demo.", output.Trim());
        Assert.Equal("sk-from-stdin", Emulator.Hub.SecretValue("alice/demo", "API_KEY"));

        var (listCode, listed, _) = await Run(Auth("secrets", "list", "alice/demo", "--json"));
        Assert.Equal(ExitCodes.Success, listCode);
        var entry = Assert.Single(JsonDocument.Parse(listed).RootElement.EnumerateArray());
        Assert.Equal(("API_KEY", "chat"), (entry.GetProperty("key").GetString(), entry.GetProperty("description").GetString()));
        Assert.DoesNotContain("sk-from-stdin", output + error + listed, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Success, (await Run(Auth("secrets", "delete", "alice/demo", "API_KEY"))).Code);
        Assert.Null(Emulator.Hub.SecretValue("alice/demo", "API_KEY"));
    }

    [Fact]
    public async Task Variables_set_and_delete_print_the_whole_map()
    {
        var (_, set, _) = await Run(Auth("variables", "set", "alice/demo", "MODEL", "gpt2", "--json"));
        Assert.Equal("gpt2", JsonDocument.Parse(set).RootElement[0].GetProperty("value").GetString());

        var (_, table, _) = await Run(Auth("variables", "list", "alice/demo"));
        Assert.Contains("MODEL  gpt2", table, StringComparison.Ordinal);

        var (_, deleted, _) = await Run(Auth("variables", "delete", "alice/demo", "MODEL", "--json"));
        Assert.Equal(0, JsonDocument.Parse(deleted).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task An_empty_secret_is_refused_unless_allowed_and_a_typed_one_is_read_hidden()
    {
        var (code, _, error) = await RunWithInput(string.Empty, Auth("secrets", "set", "alice/demo", "API_KEY"));
        Assert.Equal((ExitCodes.Usage, "error: The value of API_KEY is empty (nothing on stdin: an unset variable piped in?), so nothing was sent. Pass --allow-empty to set an empty secret."), (code, error.Trim()));
        Assert.Empty(Emulator.Requests);

        (code, _, _) = await RunWithInput("\n", Auth("secrets", "set", "alice/demo", "EMPTY", "--allow-empty"));
        Assert.Equal((ExitCodes.Success, string.Empty), (code, Emulator.Hub.SecretValue("alice/demo", "EMPTY")));

        (code, var output, error) = await RunWithInput("sk-typed-at-a-terminal\n", interactive: true, Auth("secrets", "set", "alice/demo", "TYPED"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("Value of TYPED (hidden):", error.Trim());
        Assert.DoesNotContain("sk-typed", output + error, StringComparison.Ordinal);
        Assert.Equal("sk-typed-at-a-terminal", Emulator.Hub.SecretValue("alice/demo", "TYPED"));
    }
}
