namespace Station.Service.Tests.Testbed;

public sealed class ToolLocatorTests
{
    [Fact]
    public void A_missing_tool_is_an_error_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ToolLocator.Require("station-no-such-tool"));

        Assert.Contains("'station-no-such-tool' is not installed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_known_tool_names_its_debian_package()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            // An empty PATH still finds tools in /usr/sbin and /sbin, so pick one living in /usr/bin.
            Environment.SetEnvironmentVariable("PATH", "/nonexistent");
            var error = Assert.Throws<InvalidOperationException>(() => ToolLocator.Require("zbarimg"));

            Assert.Contains("Debian package zbar-tools", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }
}
