namespace HfSpaces.ContractTests;

public sealed class CatalogContractTests(HubServer hub) : ContractTest(hub)
{
    [Fact]
    public async Task ListHardware_reads_cpu_gpu_and_unknown_flavors()
    {
        Hub.Reply("GET", "/api/spaces/hardware", 200, """
            [{"name":"cpu-basic","prettyName":"CPU basic","cpu":"2 vCPU","ram":"16 GB","accelerator":null,"unitCostMicroUSD":0,"unitCostUSD":0,"unitLabel":"minute"},
             {"name":"t4-small","prettyName":"Nvidia T4 - small","cpu":"4 vCPU","ram":"15 GB","ephemeralStorage":"50 GB","accelerator":{"type":"gpu","model":"T4","quantity":"1","vram":"16 GB","manufacturer":"Nvidia"},"unitCostMicroUSD":10000,"unitCostUSD":0.01,"unitLabel":"minute"},
             {"name":"b300x8","prettyName":"Future","cpu":"?","ram":"?","accelerator":{"type":"gpu","model":"B300","quantity":"8","vram":"2 TB","manufacturer":"Nvidia"},"unitCostMicroUSD":1,"unitCostUSD":0.000001,"unitLabel":"minute","newField":true}]
            """);

        var catalog = await Client.ListHardwareAsync();

        var request = Hub.SingleRequest();
        RequestAssert.Sent(request, "GET", "/api/spaces/hardware");
        Assert.Equal(3, catalog.Count);
        Assert.Equal(new SpaceHardwareInfo { Name = SpaceHardware.CpuBasic, PrettyName = "CPU basic", Cpu = "2 vCPU", Ram = "16 GB", EphemeralStorage = null, Accelerator = null, UnitCostMicroUsd = 0, UnitCostUsd = 0, UnitLabel = "minute" }, catalog[0]);
        Assert.Equal(new SpaceHardwareAccelerator { Type = "gpu", Model = "T4", Quantity = "1", Vram = "16 GB", Manufacturer = "Nvidia" }, catalog[1].Accelerator);
        Assert.Equal(10000, catalog[1].UnitCostMicroUsd);
        Assert.Equal("50 GB", catalog[1].EphemeralStorage);
        Assert.False(catalog[2].Name.IsKnown);
        Assert.Equal("b300x8", catalog[2].Name.ToString());
    }

    [Fact]
    public async Task ListHardware_rejects_a_non_array_answer_with_a_typed_error()
    {
        Hub.Reply("GET", "/api/spaces/hardware", 200, """{"flavors":[]}""");

        var error = await Assert.ThrowsAsync<HfSpacesException>(() => Client.ListHardwareAsync());

        Assert.Equal("GET /api/spaces/hardware answered 200 with a body this SDK cannot read: expected a JSON array, got Object.", error.Message);
    }

    [Fact]
    public async Task WhoAmI_reads_the_name_and_organisations()
    {
        Hub.Reply("GET", "/api/whoami-v2", 200, """{"type":"user","name":"alice","fullname":"Alice","orgs":[{"name":"acme"},{"name":"huggingface"}],"auth":{"type":"access_token"}}""");

        var account = await Client.WhoAmIAsync();

        RequestAssert.Authorized(Hub.SingleRequest());
        Assert.Equal("alice", account.Name);
        Assert.Equal("Alice", account.FullName);
        Assert.Equal("user", account.Type);
        Assert.Equal(["acme", "huggingface"], account.Organizations);
    }
}
