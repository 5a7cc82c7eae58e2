using System.Security.Cryptography;

namespace Station.Devices.SmartCards.Simulation;

/// <summary>
/// The simulated chip station: the printer simulator calls <see cref="InsertBlankCard"/> when a card reaches it and
/// <see cref="RemoveCard"/> when the card leaves; the pipeline connects and personalizes through the same code path
/// as a PC/SC encoder.
/// </summary>
public sealed class SimulatedChipEncoder(SimulatedChipEncoderOptions? options = null, TimeProvider? time = null) : IChipEncoder, IDisposable
{
    /// <summary>ATR of a T=1 card whose historical bytes (80 73 xx xx 40) announce extended Lc/Le in the card capabilities.</summary>
    internal static readonly byte[] ExtendedLengthAtr = Convert.FromHexString("3B8580018073000040B7");
    internal static readonly byte[] ShortAtr = Convert.FromHexString("3B8580018073000000F7");

    private readonly SimulatedChipEncoderOptions _options = options ?? new SimulatedChipEncoderOptions();
    private readonly SavedChips? _savedChips = options?.SavedChipsDirectory is { } directory ? new SavedChips(directory) : null;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Random _random = new((options ?? new SimulatedChipEncoderOptions()).Seed);
    private SimulatedChip? _card;
    private int _inserted;

    public DeviceInfo Info { get; } = new("ChipEncoder", "Simulated ISO 7816 chip encoder", "1.0", Simulated: true);

    public DeviceStatus Status
    {
        get
        {
            lock (_gate)
                return _card is null ? new DeviceStatus("ChipEncoder", "ok", "NoCard") : new DeviceStatus("ChipEncoder", "ok", "CardPresent");
        }
    }

    /// <summary>The card now at the chip station (null when none), for tests and diagnostics.</summary>
    public SimulatedChip? CurrentCard
    {
        get
        {
            lock (_gate)
                return _card;
        }
    }

    /// <summary>A blank card arrives at the chip station.</summary>
    public SimulatedChip InsertBlankCard()
    {
        lock (_gate)
        {
            int seed = _options.Seed + ++_inserted;
            var faults = _options.CardFaults?.Invoke() is { } extra ? Combine(_options.Faults, extra) : _options.Faults;
            var card = new SimulatedChip(_options.ExtendedLength, RandomNumberGenerator.Create(), faults, seed);
            if (faults.MuteProbability >= 1 || (faults.MuteProbability > 0 && _random.NextDouble() < faults.MuteProbability))
                card.GoMute();
            _card = card;
            return card;
        }
    }

    /// <summary>The card leaves the chip station; an open connection to it fails with CardRemoved from now on.</summary>
    public void RemoveCard()
    {
        lock (_gate)
        {
            if (_card is { Locked: true } locked && _savedChips is not null)
                _savedChips.Save(locked);
            _card?.Remove();
            _card = null;
        }
    }

    public void Dispose() => _savedChips?.Dispose();

    public Task<IChipConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SimulatedChip card;
        lock (_gate)
            card = _card ?? throw new DeviceFaultException(DeviceFault.CardRemoved, "ChipEncoder", "No card at the simulated chip station: feed a card first");
        if (card.Mute)
            throw new DeviceFaultException(DeviceFault.ChipMute, "ChipEncoder", "The card at the simulated chip station does not answer (no ATR)");
        return Task.FromResult<IChipConnection>(new SimulatedChipConnection(card, card.ExtendedLength ? ExtendedLengthAtr : ShortAtr, _options.Latency, _time));
    }

    private static ChipFaults Combine(ChipFaults a, ChipFaults b) => new()
    {
        FailWriteEvery = b.FailWriteEvery > 0 ? b.FailWriteEvery : a.FailWriteEvery,
        FailWriteProbability = Math.Max(a.FailWriteProbability, b.FailWriteProbability),
        CardRemovedProbability = Math.Max(a.CardRemovedProbability, b.CardRemovedProbability),
        RemoveAtWrite = b.RemoveAtWrite > 0 ? b.RemoveAtWrite : a.RemoveAtWrite,
        MuteProbability = Math.Max(a.MuteProbability, b.MuteProbability),
    };
}
