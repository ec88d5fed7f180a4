using System.Security.Cryptography;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HfSpaces.ContractTests;

/// <summary>LFS uploads on the wire: the batch body, presigned PUTs without the token, parts, completion, verify, skipped objects.</summary>
public sealed class LfsContractTests(HubServer hub) : ContractTest(hub)
{
    private const string Committed = """{"commitUrl":"https://huggingface.co/spaces/alice/chat/commit/9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c","commitOid":"9b2f3c1d5e7a9b0c2d4e6f8a0b1c3d5e7f9a1b2c"}""";

    [Fact]
    public async Task A_basic_upload_goes_to_the_presigned_url_without_the_token_then_verifies_then_commits_the_pointer()
    {
        var bytes = new byte[] { 0, 1, 2, 3, 4, 5, 6, 7, 8 };
        var oid = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Hub.Reply("POST", "/api/spaces/alice/chat/preupload/main", 200, """{"files":[{"path":"model.bin","uploadMode":"lfs","shouldIgnore":false}]}""");
        Hub.Reply("POST", "/spaces/alice/chat.git/info/lfs/objects/batch", 200, $$$$$"""
            {"transfer":"basic","objects":[{"oid":"{{{{{oid}}}}}","size":9,"actions":{"upload":{"href":"{{{{{Hub.Url}}}}}storage/up?X-Amz-Signature=abc","header":{"x-amz-meta":"m"}},"verify":{"href":"{{{{{Hub.Url}}}}}spaces/alice/chat.git/info/lfs/objects/verify"}}}]}
            """);
        Hub.Reply("PUT", "/storage/up", 200, null);
        Hub.Reply("POST", "/spaces/alice/chat.git/info/lfs/objects/verify", 200, "{}");
        Hub.Reply("POST", "/api/spaces/alice/chat/commit/main", 200, Committed);

        await Client.CommitAsync("alice/chat", [SpaceCommitOperation.Add("model.bin", bytes)], "Add the model");

        var requests = Hub.Requests();
        Assert.Equal(["POST /api/spaces/alice/chat/preupload/main", "POST /spaces/alice/chat.git/info/lfs/objects/batch", "PUT /storage/up", "POST /spaces/alice/chat.git/info/lfs/objects/verify", "POST /api/spaces/alice/chat/commit/main"], requests.Select(r => $"{r.Method} {r.Path}"));
        var batch = requests[1];
        Assert.Equal("application/vnd.git-lfs+json", RequestAssert.Header(batch, "Accept"));
        Assert.StartsWith("application/vnd.git-lfs+json", RequestAssert.Header(batch, "Content-Type"), StringComparison.Ordinal);
        RequestAssert.Authorized(batch);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse($$$$$"""{"operation":"upload","transfers":["basic","multipart"],"objects":[{"oid":"{{{{{oid}}}}}","size":9}],"hash_algo":"sha256","ref":{"name":"refs/heads/main"}}"""),
            System.Text.Json.Nodes.JsonNode.Parse(batch.Body!)), batch.Body);
        var put = requests[2];
        Assert.Null(RequestAssert.Header(put, "Authorization"));
        Assert.Equal("m", RequestAssert.Header(put, "x-amz-meta"));
        Assert.Equal(bytes, put.BodyAsBytes);
        Assert.Equal($$$$$"""{"oid":"{{{{{oid}}}}}","size":9}""", requests[3].Body);
        RequestAssert.Authorized(requests[3]);
        Assert.StartsWith("application/vnd.git-lfs+json", RequestAssert.Header(requests[3], "Content-Type"), StringComparison.Ordinal);
        Assert.EndsWith($$$$$"""{"key":"lfsFile","value":{"path":"model.bin","algo":"sha256","oid":"{{{{{oid}}}}}","size":9}}""" + "\n", requests[4].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multipart_upload_puts_each_slice_and_completes_with_the_etags_in_order()
    {
        var bytes = Enumerable.Range(0, 25).Select(i => (byte)i).ToArray();
        var oid = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Hub.Reply("POST", "/api/spaces/alice/chat/preupload/main", 200, """{"files":[{"path":"big.bin","uploadMode":"lfs","shouldIgnore":false}]}""");
        Hub.Reply("POST", "/spaces/alice/chat.git/info/lfs/objects/batch", 200, $$$$$"""
            {"transfer":"multipart","objects":[{"oid":"{{{{{oid}}}}}","size":25,"actions":{"upload":{"href":"{{{{{Hub.Url}}}}}storage/complete","header":{"chunk_size":"10","1":"{{{{{Hub.Url}}}}}storage/p1","2":"{{{{{Hub.Url}}}}}storage/p2","3":"{{{{{Hub.Url}}}}}storage/p3"}}}}]}
            """);
        foreach (var part in new[] { 1, 2, 3 })
        {
            Hub.Server.Given(Request.Create().WithPath($"/storage/p{part}").UsingPut()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("ETag", $"\"etag-{part}\""));
        }

        Hub.Reply("POST", "/storage/complete", 200, "{}");
        Hub.Reply("POST", "/api/spaces/alice/chat/commit/main", 200, Committed);

        await Client.CommitAsync("alice/chat", [SpaceCommitOperation.Add("big.bin", bytes)], "Add big");

        var requests = Hub.Requests();
        var parts = requests.Where(r => r.Path.StartsWith("/storage/p", StringComparison.Ordinal)).OrderBy(r => r.Path).ToList();
        Assert.Equal([bytes[..10], bytes[10..20], bytes[20..]], parts.Select(p => p.BodyAsBytes));
        Assert.All(parts, p => Assert.Null(RequestAssert.Header(p, "Authorization")));
        var completion = Assert.Single(requests, r => r.Path == "/storage/complete");
        Assert.Null(RequestAssert.Header(completion, "Authorization"));
        Assert.Equal($$$$$"""{"oid":"{{{{{oid}}}}}","parts":[{"partNumber":1,"etag":"\u0022etag-1\u0022"},{"partNumber":2,"etag":"\u0022etag-2\u0022"},{"partNumber":3,"etag":"\u0022etag-3\u0022"}]}""", completion.Body);
    }

    [Fact]
    public async Task An_object_the_hub_has_is_not_uploaded()
    {
        var bytes = new byte[] { 0, 9 };
        var oid = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Hub.Reply("POST", "/api/spaces/alice/chat/preupload/main", 200, """{"files":[{"path":"a.bin","uploadMode":"lfs","shouldIgnore":false}]}""");
        Hub.Reply("POST", "/spaces/alice/chat.git/info/lfs/objects/batch", 200, $$$$$"""{"objects":[{"oid":"{{{{{oid}}}}}","size":2}]}""");
        Hub.Reply("POST", "/api/spaces/alice/chat/commit/main", 200, Committed);

        await Client.CommitAsync("alice/chat", [SpaceCommitOperation.Add("a.bin", bytes)], "Add a");

        Assert.Equal(["/api/spaces/alice/chat/preupload/main", "/spaces/alice/chat.git/info/lfs/objects/batch", "/api/spaces/alice/chat/commit/main"], Hub.Requests().Select(r => r.Path));
    }

    [Fact]
    public async Task A_part_list_that_does_not_cover_the_file_is_a_typed_unreadable_answer()
    {
        var bytes = new byte[25];
        var oid = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Hub.Reply("POST", "/api/spaces/alice/chat/preupload/main", 200, """{"files":[{"path":"big.bin","uploadMode":"lfs","shouldIgnore":false}]}""");
        Hub.Reply("POST", "/spaces/alice/chat.git/info/lfs/objects/batch", 200, $$$$$"""
            {"transfer":"multipart","objects":[{"oid":"{{{{{oid}}}}}","size":25,"actions":{"upload":{"href":"{{{{{Hub.Url}}}}}storage/complete","header":{"chunk_size":"10","1":"{{{{{Hub.Url}}}}}storage/p1"}}}}]}
            """);

        var error = await Assert.ThrowsAsync<FormatException>(() => Client.CommitAsync("alice/chat", [SpaceCommitOperation.Add("big.bin", bytes)], "Add big"));

        Assert.Equal("the LFS multipart answer for big.bin names 1 parts where 3 of 10 bytes are needed", error.Message);
        Assert.DoesNotContain(Hub.Requests(), r => r.Path.Contains("/commit/", StringComparison.Ordinal));
    }
}
