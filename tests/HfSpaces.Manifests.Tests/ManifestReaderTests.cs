namespace HfSpaces.Manifests.Tests;

public sealed class ManifestReaderTests
{
    [Fact]
    public void Reads_every_setting_and_applies_the_defaults_under_each_space()
    {
        var manifest = ManifestReader.Parse("""
            defaults:
              sleep_time: 1h
              visibility: private
              variables:
                REGION: eu
            spaces:
              acme/chat:
                sdk: gradio
                hardware: t4-small
                storage: small
                dev_mode: true
                replicas: auto
                volumes:
                  - { type: model, source: openai/whisper, mount_path: /data, read_only: true }
                variables:
                  MODEL: gpt2
                  TEMPERATURE: { value: "0.2", description: sampling }
                secrets:
                  OPENAI_API_KEY: ${env:OPENAI_API_KEY}
                  DB: { from: "${file:secrets/db.txt}", description: database }
              acme/docs:
                sdk: static
                sleep_time: never
                visibility: public
            """);

        var chat = manifest.Spaces[0];
        Assert.Equal(("acme/chat", SpaceSdk.Gradio, SpaceHardware.T4Small, TimeSpan.FromHours(1), SpaceVisibility.Private, true, true), (chat.Id.ToString(), chat.Sdk, chat.Hardware, chat.SleepTime, chat.Visibility, chat.DevMode, chat.AutoReplicas));
        Assert.Equal([new SpaceVolume(SpaceVolumeType.Model, "openai/whisper", "/data") { ReadOnly = true }], chat.Volumes!);
        Assert.Equal(SpaceStorage.Small, chat.Storage);
        Assert.Equal(new VariableSpec("eu"), chat.Variables["REGION"]);
        Assert.Equal(new VariableSpec("0.2", "sampling"), chat.Variables["TEMPERATURE"]);
        Assert.Equal(("${env:OPENAI_API_KEY}", SecretSource.Environment, "OPENAI_API_KEY"), (chat.Secrets["OPENAI_API_KEY"].Reference, chat.Secrets["OPENAI_API_KEY"].Source, chat.Secrets["OPENAI_API_KEY"].Name));
        Assert.Equal(("secrets/db.txt", "database"), (chat.Secrets["DB"].Name, chat.Secrets["DB"].Description));
        Assert.Equal(new SourceLocation("spaces.yaml", 7, 3), chat.Location);
        var docs = manifest.Spaces[1];
        Assert.Equal((Timeout.InfiniteTimeSpan, SpaceVisibility.Public), (docs.SleepTime!.Value, docs.Visibility!.Value));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_file_line_column_and_a_suggestion()
    {
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Parse("""
            spaces:
              acme/chat:
                hardwar: t4-small
                hardware: a10g-smal
                sleep_time: soon
                replicas: 0
              not-an-id:
                sdk: gradoi
            """, "team/spaces.yaml"));

        Assert.Equal(
            [
                "team/spaces.yaml:3:5: 'hardwar' is not a Space setting (did you mean 'hardware'?). Allowed: sdk, template, source, visibility, hardware, sleep_time, storage, dev_mode, replicas, volumes, variables, secrets.",
                "team/spaces.yaml:4:15: 'a10g-smal' is not a known hardware (did you mean 'a10g-small'?). Known: " + string.Join(", ", SpaceHardware.KnownValues) + ".",
                "team/spaces.yaml:5:17: 'soon' is not a sleep time: write 30m, 1h, 1h30m, a number of seconds, or never.",
                "team/spaces.yaml:6:15: '0' is not a replica count: a number from 1, or auto.",
                "team/spaces.yaml:7:3: 'not-an-id' is not a Space id: " + SpaceIdError("not-an-id"),
            ],
            error.Errors);
    }

    [Fact]
    public void A_literal_secret_is_refused_without_repeating_it()
    {
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Parse("""
            spaces:
              acme/chat:
                secrets:
                  OPENAI_API_KEY: sk-live-0123456789
            """));

        Assert.Equal("spaces.yaml:4:23: secret OPENAI_API_KEY must be a reference, ${env:NAME} or ${file:path} — never a literal value: a manifest is committed and read by many.", Assert.Single(error.Errors));
        Assert.DoesNotContain("sk-live", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_is_a_folder_or_a_mapping_with_ignore_lines_and_delete_missing()
    {
        var manifest = ManifestReader.Parse("""
            spaces:
              acme/chat:
                source: ./spaces/chat
              acme/docs:
                source:
                  path: ../docs
                  ignore: ["*.ipynb", "drafts/"]
                  delete_missing: true
            """);

        Assert.Equal(new SpaceSource { Path = "./spaces/chat" }.Path, manifest.Spaces[0].Source!.Path);
        var docs = manifest.Spaces[1].Source!;
        Assert.Equal(("../docs", true), (docs.Path, docs.DeleteMissing));
        Assert.Equal(["*.ipynb", "drafts/"], docs.Ignore);
        Assert.Equal(Path.GetFullPath("/work/docs"), docs.Resolve("/work/team"));
    }

    [Fact]
    public void A_source_without_a_path_or_as_a_default_is_refused()
    {
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Parse("""
            defaults:
              source: ./app
            spaces:
              acme/chat:
                source:
                  ignor: ["x"]
            """));

        Assert.Equal(
            [
                "spaces.yaml:2:3: 'source' cannot be a default: each Space names its own folder.",
                "spaces.yaml:6:7: 'ignor' is not a source setting (did you mean 'ignore'?). Allowed: path, ignore, delete_missing.",
                "spaces.yaml:6:7: a source needs its path.",
            ],
            error.Errors);
    }

    [Fact]
    public void The_same_key_twice_is_invalid_yaml_at_its_position()
    {
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Parse("spaces:\n  acme/chat: {}\n  acme/chat: {}\n"));

        Assert.StartsWith("spaces.yaml:3:3: not valid YAML: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_space_spelled_twice_in_another_case_is_refused_naming_both_places()
    {
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Parse("spaces:\n  acme/chat: {}\n  acme/docs: {}\n  Acme/Chat: { hardware: t4-small }\n"));

        Assert.Equal(
            ["spaces.yaml:4:3: Acme/Chat is acme/chat again (spaces.yaml:2:3): the Hub's names ignore case, so both are one Space. Declare it once."],
            error.Errors);
    }

    [Fact]
    public void Yaml_that_does_not_parse_names_the_position()
    {
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Parse("spaces:\n  acme/chat: [unclosed\n"));

        Assert.StartsWith("spaces.yaml:3:1: not valid YAML:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30m", 1800)]
    [InlineData("1h", 3600)]
    [InlineData("1h30m", 5400)]
    [InlineData("2d", 172800)]
    [InlineData("90s", 90)]
    [InlineData("3600", 3600)]
    public void Sleep_times_read_as_people_write_them_and_format_back(string text, int seconds)
    {
        var parsed = SleepTimeText.Parse(text);

        Assert.Equal(TimeSpan.FromSeconds(seconds), parsed);
        Assert.Equal(parsed, SleepTimeText.Parse(SleepTimeText.Format(parsed!.Value)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-1h")]
    [InlineData("1 hour")]
    [InlineData("h")]
    public void Sleep_times_that_are_not_one_are_null(string text) => Assert.Null(SleepTimeText.Parse(text));

    [Fact]
    public void The_checked_in_schema_is_the_generated_one()
    {
        var path = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/HfSpaces.Manifests/spaces.schema.json"));
        var generated = ManifestSchema.Generate();
        if (Environment.GetEnvironmentVariable("HFSPACES_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.Equal(generated, File.ReadAllText(path).ReplaceLineEndings("\n"));
        Assert.Contains("\"a10g-small\"", generated, StringComparison.Ordinal);
        foreach (var key in ManifestReader.SpaceKeys)
        {
            Assert.Contains($"\"{key}\":", generated, StringComparison.Ordinal);
        }
    }

    private static string SpaceIdError(string id)
    {
        SpaceId.TryParse(id, out _, out var error);
        return error!;
    }
}
