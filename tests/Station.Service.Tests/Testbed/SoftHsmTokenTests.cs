namespace Station.Service.Tests.Testbed;

public sealed class SoftHsmTokenTests
{
    [Fact]
    public async Task Created_token_is_listed_by_pkcs11_tool_under_its_label()
    {
        using var token = await SoftHsmToken.Create("tb-list");

        var result = await ToolRun.Run(ToolLocator.Require("pkcs11-tool"), "--module", SoftHsmToken.ModulePath, "--list-token-slots");

        Assert.True(result.ExitCode == 0, $"pkcs11-tool exited {result.ExitCode}: {result.Output}");
        Assert.Contains(token.Label, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_pin_logs_in_and_a_wrong_one_is_refused()
    {
        using var token = await SoftHsmToken.Create("tb-pin");
        var tool = ToolLocator.Require("pkcs11-tool");

        var good = await ToolRun.Run(tool, "--module", SoftHsmToken.ModulePath, "--token-label", token.Label, "--login", "--pin", token.UserPin, "--list-objects");
        var bad = await ToolRun.Run(tool, "--module", SoftHsmToken.ModulePath, "--token-label", token.Label, "--login", "--pin", "000000", "--list-objects");

        Assert.True(good.ExitCode == 0, $"login with the user PIN failed: {good.Output}");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("CKR_PIN_INCORRECT", bad.Output, StringComparison.Ordinal);
    }
}
