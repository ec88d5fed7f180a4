namespace HfSpaces.Tests;

public sealed class SpaceIdTests
{
    [Theory]
    [InlineData("alice/demo", "alice", "demo")]
    [InlineData("huggingface-projects/llama-2-7b-chat", "huggingface-projects", "llama-2-7b-chat")]
    [InlineData("a_b.c/x.y_z", "a_b.c", "x.y_z")]
    [InlineData("élise/démo", "élise", "démo")]
    public void Parse_accepts_valid_ids(string value, string ns, string name)
    {
        var id = SpaceId.Parse(value);

        Assert.Equal(ns, id.Namespace);
        Assert.Equal(name, id.Name);
        Assert.Equal(value, id.ToString());
        Assert.Equal(id, new SpaceId(ns, name));
    }

    [Theory]
    [InlineData("demo", "'demo' has no namespace: a Space id is 'namespace/name', e.g. 'alice/demo'.")]
    [InlineData("a/b/c", "'a/b/c' has more than one '/': a Space id is 'namespace/name'.")]
    [InlineData("/demo", "The Space namespace cannot be empty.")]
    [InlineData("alice/", "The Space name cannot be empty.")]
    [InlineData("alice/de mo", "The Space name 'de mo' contains ' ': only letters, digits, '-', '_' and '.' are allowed.")]
    [InlineData("alice/-demo", "The Space name '-demo' must start and end with a letter, a digit or '_'.")]
    [InlineData("alice/demo.", "The Space name 'demo.' must start and end with a letter, a digit or '_'.")]
    [InlineData("alice/de--mo", "The Space name 'de--mo' cannot contain '--' or '..'.")]
    [InlineData("alice/de..mo", "The Space name 'de..mo' cannot contain '--' or '..'.")]
    [InlineData("alice/demo.git", "The Space name 'demo.git' cannot end with '.git'.")]
    [InlineData("al ice/demo", "The Space namespace 'al ice' contains ' ': only letters, digits, '-', '_' and '.' are allowed.")]
    public void Parse_names_the_rule_an_invalid_id_breaks(string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => SpaceId.Parse(value));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.False(SpaceId.TryParse(value, out _, out var tryError));
        Assert.Equal(message, tryError);
    }

    [Fact]
    public void Names_longer_than_96_characters_are_rejected()
    {
        Assert.True(SpaceId.TryParse("a/" + new string('x', 96), out _));

        var error = Assert.Throws<ArgumentException>(() => SpaceId.Parse("a/" + new string('x', 97)));

        Assert.StartsWith("The Space name '" + new string('x', 97) + "' is 97 characters long; the Hub allows at most 96.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Implicit_conversion_validates_like_Parse()
    {
        SpaceId id = "alice/demo";

        Assert.Equal("alice/demo", id.ToString());
        Assert.Throws<ArgumentException>(() => { SpaceId bad = "demo"; return bad; });
    }

    [Fact]
    public void Default_names_no_space()
    {
        var id = default(SpaceId);

        Assert.True(id.IsDefault);
        Assert.Equal(string.Empty, id.ToString());
        Assert.False(SpaceId.TryParse(null, out _));
    }

    [Fact]
    public async Task The_client_rejects_a_default_id_before_sending()
    {
        using var client = new HfSpacesClient(new HfSpacesClientOptions { Endpoint = new Uri("http://127.0.0.1:9"), UseImplicitToken = false });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.GetRuntimeAsync(default));

        Assert.StartsWith("The SpaceId is default(SpaceId); use SpaceId.Parse(\"namespace/name\").", error.Message, StringComparison.Ordinal);
    }
}
