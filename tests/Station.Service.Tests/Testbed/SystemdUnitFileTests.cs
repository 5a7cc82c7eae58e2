namespace Station.Service.Tests.Testbed;

public sealed class SystemdUnitFileTests
{
    [Fact]
    public void Repeated_keys_keep_every_value_in_order_and_the_last_wins_for_single_values()
    {
        var unit = SystemdUnitFile.Parse("""
            # comment
            [Service]
            DeviceAllow=char-ttyUSB rw
            ; another comment
            DeviceAllow=/dev/gpiochip0 rw
            Restart=always
            Restart=on-failure
            """);

        Assert.Equal(["char-ttyUSB rw", "/dev/gpiochip0 rw"], unit.Values("Service", "DeviceAllow"));
        Assert.Equal("on-failure", unit.Value("Service", "Restart"));
        Assert.Null(unit.Value("Unit", "Description"));
    }

    [Fact]
    public void A_line_outside_any_section_is_an_error_naming_the_line()
    {
        var error = Assert.Throws<FormatException>(() => SystemdUnitFile.Parse("Type=notify\n"));

        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }
}
