using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Station.Personalization.Apdu;
using Station.Personalization.Chip;
using Station.Service.Hosting;

namespace Station.Service.Tests.Hosting;

/// <summary>The chip services as <c>station run</c> composes them from configuration.</summary>
public sealed class ChipServicesTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("station-chip-services-").FullName;

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public async Task EncoderLoadKeysDecidesWhetherTheKeysArePutOnTheChip(string loadKeys, bool putDataSent)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Encoder:LoadKeys"] = loadKeys }).Build();
        using var provider = new ServiceCollection().AddLogging().AddStation(configuration, _dataDir).BuildServiceProvider();
        var card = new RecordingTransport();

        await provider.GetRequiredService<IChipPersonalizer>().WriteAsync(card, Image(), CancellationToken.None);

        // 00 DA 00 62: PUT DATA of the BAC key seed, the first key-loading command of iso7816-fs.
        Assert.Equal(putDataSent, card.Commands.Any(c => c.AsSpan(0, 4).SequenceEqual(new byte[] { 0x00, 0xDA, 0x00, 0x62 })));
        Assert.Contains(card.Commands, c => c[1] == 0xD6); // the files are written either way
    }

    private static ChipImage Image() => new()
    {
        Profile = "VNM",
        Files = [new LdsFile(0x0101, "DG1", new byte[32])],
        CardAccess = [0x31, 0x00],
        MrzLines = ["L1", "L2", "L3"],
        MrzInformation = "L898902C<369080619406236", // ICAO 9303 specimen: the BAC key seed is derived from it
        Secrets = new ChipSecrets([1, 2, 3], [4, 5, 6]),
    };

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    /// <summary>A card that accepts every command.</summary>
    private sealed class RecordingTransport : IApduTransport
    {
        public List<byte[]> Commands { get; } = [];
        public int MaxCommandDataLength => 255;
        public int MaxResponseDataLength => 256;

        public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
        {
            Commands.Add(command.ToArray());
            return Task.FromResult(new byte[] { 0x90, 0x00 });
        }
    }
}
