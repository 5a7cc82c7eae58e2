using Station.Devices.Camera;
using Station.Devices.Simulation;

namespace Station.Devices.Tests.Simulation;

public class SimulatedImageCacheTests
{
    [Fact]
    public void RendersEachVariantOnceAndCyclesThroughThem()
    {
        var rendered = new List<int>();
        var cache = new SimulatedImageCache<string>(seed =>
        {
            rendered.Add(seed);
            return $"image {seed}";
        });

        var images = Enumerable.Range(1, 2 * SimulatedImageCache.Variants).Select(n => cache.Get(100, n)).ToList();

        Assert.Equal(SimulatedImageCache.Variants, rendered.Count);
        Assert.Equal(images.Take(SimulatedImageCache.Variants), images.Skip(SimulatedImageCache.Variants));
        Assert.Equal("image 101", images[0]);
    }

    [Fact]
    public async Task TwoCamerasWithTheSameSeedTakeTheSamePictures()
    {
        var settings = SimulationSettings.Default with { Seed = 42 };
        var a = new SimulatedCamera(settings);
        var b = new SimulatedCamera(settings);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(await a.CaptureJpegAsync(CancellationToken.None), await b.CaptureJpegAsync(CancellationToken.None));
        }

        Assert.Equal(SyntheticPortrait.RenderJpeg(43), await new SimulatedCamera(settings).CaptureJpegAsync(CancellationToken.None));
    }
}
