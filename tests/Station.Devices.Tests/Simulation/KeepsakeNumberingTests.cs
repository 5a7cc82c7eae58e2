using Station.Devices.Simulation;

namespace Station.Devices.Tests.Simulation;

public sealed class KeepsakeNumberingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("keepsakes-").FullName;

    [Fact]
    public void NumbersGoOnFromTheHighestFileNotFromHowManyThereAre()
    {
        foreach (var name in new[] { "card-000001-front.png", "card-000004-front.png", "card-000004-back.png", "card-x-front.png", "chip-000009.zip", "chip-000010.zip.tmp" })
        {
            File.WriteAllText(Path.Combine(_dir, name), "");
        }

        // card-000002 and -000003 were deleted: counting the fronts gives 2, so the second face after it would overwrite card-000004.
        Assert.Equal(4, KeepsakeNumbering.Highest(_dir, "card-", "-front.png"));
        Assert.Equal(9, KeepsakeNumbering.Highest(_dir, "chip-", ".zip"));
        Assert.Equal(0, KeepsakeNumbering.Highest(Path.Combine(_dir, "missing"), "chip-", ".zip"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
