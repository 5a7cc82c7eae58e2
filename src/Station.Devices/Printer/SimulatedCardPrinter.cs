using Station.Devices.Simulation;

namespace Station.Devices.Printer;

/// <summary>
/// A card printer simulator: an endless hopper, a chip station, a print head, an output tray and a reject box.
/// <see cref="CardArrivedAtChipStation"/> and <see cref="CardLeftChipStation"/> let a simulated chip encoder
/// see the card come and go. Faults come from the shared <see cref="FaultPlan"/>.
/// </summary>
public sealed class SimulatedCardPrinter(SimulationSettings settings, SimulatedPrinterOptions options) : ICardPrinter, IDisposable
{
    private const string Device = "printer";

    private readonly Lock _gate = new();
    private CardPosition _card = CardPosition.None;
    private DeviceFault? _lastFault;
    private long _fed;
    private long _printed;
    private long _ejected;
    private long _rejected;
    private int _ribbon = options.RibbonPrints;

    // Continue the numbering of faces kept by an earlier run, so a restart never overwrites them.
    private long _printedFiles = options.PrintedFacesDirectory is { } dir ? KeepsakeNumbering.Highest(dir, "card-", "-front.png") : 0;
    private readonly BackgroundFileWriter? _files = options.PrintedFacesDirectory is null ? null : new BackgroundFileWriter();

    private enum CardPosition { None, ChipStation, Printed }

    /// <summary>Raised when a blank card reaches the chip station.</summary>
    public event EventHandler? CardArrivedAtChipStation;

    /// <summary>Raised when the card leaves the chip station (printed, ejected, rejected or lost).</summary>
    public event EventHandler? CardLeftChipStation;

    public DeviceInfo Info { get; } = new("printer", "Simulated card printer with chip station", "sim-1", Simulated: true);

    public DeviceStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _lastFault switch
                {
                    DeviceFault.Jam => new(Device, "fault", "Jam", "Card jammed; open the cover and remove it."),
                    DeviceFault.HopperEmpty => new(Device, "fault", "HopperEmpty", "Load blank cards into the hopper."),
                    DeviceFault.CoverOpen => new(Device, "fault", "CoverOpen", "Close the printer cover."),
                    DeviceFault.RibbonOut => new(Device, "fault", "RibbonOut", "Replace the ribbon."),
                    _ when _ribbon < options.RibbonLowThreshold => new(Device, "warning", "RibbonLow", $"{_ribbon} prints left on the ribbon."),
                    _ => new(Device, "ok", "Ready"),
                };
            }
        }
    }

    public PrinterCounters Counters
    {
        get
        {
            lock (_gate)
            {
                return new(_fed, _printed, _ejected, _rejected);
            }
        }
    }

    public bool HoldsCard
    {
        get
        {
            lock (_gate)
            {
                return _card != CardPosition.None;
            }
        }
    }

    /// <summary>True while a card sits at the chip station.</summary>
    public bool HasCardAtChipStation
    {
        get
        {
            lock (_gate)
            {
                return _card == CardPosition.ChipStation;
            }
        }
    }

    public async Task FeedToChipStationAsync(CancellationToken cancellationToken)
    {
        await settings.Latency.WaitAsync(cancellationToken);
        lock (_gate)
        {
            if (_card != CardPosition.None)
            {
                throw Fault(DeviceFault.Jam, "Feed asked while a card is still in the printer; reject it first.");
            }

            foreach (var fault in new[] { DeviceFault.CoverOpen, DeviceFault.HopperEmpty })
            {
                if (settings.Faults.ShouldFail(fault))
                {
                    throw Fault(fault, $"Simulated {fault} while feeding a card.");
                }
            }

            _fed++;
            if (settings.Faults.ShouldFail(DeviceFault.Jam))
            {
                // The card left the hopper and is stuck on its way: it must be rejected.
                _card = CardPosition.Printed;
                throw Fault(DeviceFault.Jam, "Simulated jam while feeding a card.");
            }

            _card = CardPosition.ChipStation;
            _lastFault = null;
        }

        CardArrivedAtChipStation?.Invoke(this, EventArgs.Empty);
    }

    public async Task PrintAsync(byte[] frontPng, byte[] backPng, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frontPng);
        ArgumentNullException.ThrowIfNull(backPng);
        await settings.Latency.WaitAsync(cancellationToken);
        long number;
        bool leftChipStation;
        lock (_gate)
        {
            if (_card == CardPosition.None)
            {
                throw Fault(DeviceFault.CardLost, "Print asked with no card in the printer.");
            }

            leftChipStation = _card == CardPosition.ChipStation;
            _card = CardPosition.Printed;
        }

        if (leftChipStation)
        {
            CardLeftChipStation?.Invoke(this, EventArgs.Empty);
        }

        lock (_gate)
        {
            if (settings.Faults.ShouldFail(DeviceFault.CardLost))
            {
                _card = CardPosition.None;
                throw Fault(DeviceFault.CardLost, "Simulated: the card was lost between the chip station and the print head.");
            }

            if (_ribbon <= 0)
            {
                throw Fault(DeviceFault.RibbonOut, "The ribbon is used up.");
            }

            foreach (var fault in new[] { DeviceFault.Jam, DeviceFault.RibbonOut, DeviceFault.PrintFailed })
            {
                if (settings.Faults.ShouldFail(fault))
                {
                    throw Fault(fault, $"Simulated {fault} while printing.");
                }
            }

            _ribbon = _ribbon == int.MaxValue ? _ribbon : _ribbon - 1;
            _printed++;
            number = ++_printedFiles;
            _lastFault = null;
        }

        if (options.PrintedFacesDirectory is { } directory)
        {
            _files!.Enqueue(() =>
            {
                Directory.CreateDirectory(directory);
                File.WriteAllBytes(Path.Combine(directory, $"card-{number:D6}-front.png"), frontPng);
                File.WriteAllBytes(Path.Combine(directory, $"card-{number:D6}-back.png"), backPng);
            });
        }
    }

    /// <summary>Waits until every printed face is on disk (they are written in the background).</summary>
    public void WaitForPrintedFaces() => _files?.Drain();

    public void Dispose() => _files?.Dispose();

    public async Task EjectAsync(CancellationToken cancellationToken)
    {
        await settings.Latency.WaitAsync(cancellationToken);
        Move(() => _ejected++, "eject");
    }

    public async Task RejectAsync(CancellationToken cancellationToken)
    {
        await settings.Latency.WaitAsync(cancellationToken);
        lock (_gate)
        {
            _lastFault = null;
            if (_card == CardPosition.None)
            {
                return; // Nothing in the printer: rejecting is a no-op, as on a real printer.
            }
        }

        Move(() => _rejected++, "reject");
    }

    private void Move(Action count, string operation)
    {
        bool leftChipStation;
        lock (_gate)
        {
            if (_card == CardPosition.None)
            {
                throw Fault(DeviceFault.CardLost, $"{operation} asked with no card in the printer.");
            }

            leftChipStation = _card == CardPosition.ChipStation;
            _card = CardPosition.None;
            count();
        }

        if (leftChipStation)
        {
            CardLeftChipStation?.Invoke(this, EventArgs.Empty);
        }
    }

    private DeviceFaultException Fault(DeviceFault fault, string message)
    {
        _lastFault = fault;
        return new DeviceFaultException(fault, Device, message);
    }
}
