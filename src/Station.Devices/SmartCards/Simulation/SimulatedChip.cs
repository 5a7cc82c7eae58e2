using System.Formats.Asn1;
using System.Security.Cryptography;
using Station.Personalization.Apdu;
using Station.Personalization.SecureMessaging;

namespace Station.Devices.SmartCards.Simulation;

/// <summary>
/// An in-memory ISO/IEC 7816-4 chip that accepts exactly the <c>iso7816-fs</c> personalization commands
/// (CREATE FILE with FCP, SELECT, UPDATE BINARY, PUT DATA keys, ACTIVATE FILE) and answers SELECT/READ BINARY
/// plainly until it is locked, then only after BAC and with secure messaging, as an issued eMRTD does.
/// EF.CardAccess in the MF stays readable without access control.
/// </summary>
public sealed class SimulatedChip : IApduTransport
{
    private const ushort MasterFileId = 0x3F00;
    private const ushort CardAccessFid = 0x011C;
    private const byte PutDataBacSeed = 0x62;
    private const byte PutDataCaKey = 0x63;
    private const byte PutDataAaKey = 0x60;
    private const byte DfDescriptor = 0x38;
    private static readonly Asn1Tag Fcp = new(TagClass.Application, 2, isConstructed: true);

    private readonly Lock _gate = new();
    private readonly RandomNumberGenerator _random;
    private readonly Random _faultRandom;
    private readonly SimulatedDirectory _mf = new(MasterFileId, null);
    private SimulatedDirectory? _application;
    private SimulatedDirectory _currentDirectory;
    private SimulatedFile? _currentFile;
    private BacChipAuthenticator? _bac;
    private SecureMessagingSession? _session;
    private int _writes;

    /// <param name="extendedLength">Whether the chip takes extended-length APDUs.</param>
    /// <param name="random">RND.IC and K.IC for BAC (inject a fixed sequence to replay Appendix D).</param>
    /// <param name="faults">Injected personalization faults.</param>
    /// <param name="faultSeed">Seed for the fault probabilities.</param>
    public SimulatedChip(bool extendedLength = true, RandomNumberGenerator? random = null, ChipFaults? faults = null, int faultSeed = 0)
    {
        ExtendedLength = extendedLength;
        _random = random ?? RandomNumberGenerator.Create();
        Faults = faults ?? ChipFaults.None;
        _faultRandom = new Random(faultSeed);
        _currentDirectory = _mf;
    }

    public bool ExtendedLength { get; }
    public ChipFaults Faults { get; }
    public bool Locked { get; private set; }
    public bool Removed { get; private set; }
    public bool Mute { get; private set; }
    public byte[]? BacKeySeed { get; private set; }
    public byte[]? ChipAuthenticationKey { get; private set; }
    public byte[]? ActiveAuthenticationKey { get; private set; }
    /// <summary>Number of APDUs received.</summary>
    public int CommandCount { get; private set; }

    public int MaxCommandDataLength => ExtendedLength ? CommandApdu.MaxExtendedData : CommandApdu.MaxShortData;
    public int MaxResponseDataLength => ExtendedLength ? CommandApdu.MaxExtendedNe : CommandApdu.MaxShortNe;

    /// <summary>The card leaves the field: every later exchange fails with <see cref="CardTransportFailure.CardRemoved"/>.</summary>
    public void Remove() => Removed = true;

    /// <summary>The chip stops answering.</summary>
    public void GoMute() => Mute = true;

    /// <summary>Content of an EF of the application (or the MF for EF.CardAccess), for tests and diagnostics.</summary>
    public byte[]? ReadFileDirect(ushort fid) =>
        ((fid == CardAccessFid ? _mf : _application)?.Files.GetValueOrDefault(fid))?.Content.ToArray();

    public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Process(command.Span));
    }

    /// <summary>Answers one raw command APDU with a raw response (one command at a time, like a real chip).</summary>
    public byte[] Process(ReadOnlySpan<byte> raw)
    {
        lock (_gate)
            return ProcessLocked(raw);
    }

    private byte[] ProcessLocked(ReadOnlySpan<byte> raw)
    {
        if (Removed)
            throw new CardTransportException(CardTransportFailure.CardRemoved, "Simulated card was removed from the chip station");
        if (Mute)
            throw new CardTransportException(CardTransportFailure.CardMute, "Simulated chip does not answer");
        CommandCount++;

        CommandApdu command;
        try
        {
            command = CommandApdu.Parse(raw);
        }
        catch (ApduException)
        {
            return Status(StatusWord.WrongLength);
        }
        if (command.IsExtended && !ExtendedLength)
            return Status(StatusWord.WrongLength);

        if ((command.Cla & 0x0C) == 0x0C)
            return ProcessProtected(command).ToBytes();
        if (_session is not null && Locked && command.Ins != Instruction.SelectFile)
            _session = null; // a plain command ends secure messaging (ICAO: the session is aborted)
        return Execute(command, secure: false).ToBytes();
    }

    private ResponseApdu ProcessProtected(CommandApdu command)
    {
        if (_session is null)
            return new ResponseApdu(StatusWord.SecureMessagingDataObjectsMissing);
        try
        {
            var plain = _session.UnprotectCommand(command);
            return _session.ProtectResponse(Execute(plain, secure: true));
        }
        catch (SecureMessagingException e)
        {
            _session = null;
            return new ResponseApdu(e.StatusWord);
        }
    }

    private ResponseApdu Execute(CommandApdu c, bool secure) => c.Ins switch
    {
        Instruction.SelectFile => Select(c, secure),
        Instruction.ReadBinary => ReadBinary(c, secure),
        Instruction.CreateFile => Locked ? new(StatusWord.ConditionsNotSatisfied) : CreateFile(c),
        Instruction.UpdateBinary => Locked ? new(StatusWord.ConditionsNotSatisfied) : UpdateBinary(c),
        Instruction.PutData => Locked ? new(StatusWord.ConditionsNotSatisfied) : PutData(c),
        Instruction.ActivateFile => Activate(c),
        Instruction.GetChallenge => GetChallenge(c),
        Instruction.ExternalAuthenticate => ExternalAuthenticate(c),
        _ => new(StatusWord.InstructionNotSupported),
    };

    private ResponseApdu Select(CommandApdu c, bool secure)
    {
        switch (c.P1)
        {
            case 0x04:
                if (_application?.Aid is not { } aid || !aid.AsSpan().SequenceEqual(c.Data))
                    return new(StatusWord.FileNotFound);
                _currentDirectory = _application;
                _currentFile = null;
                return new(StatusWord.Success);
            case 0x00 when c.Data.Length == 2 && Fid(c.Data) == MasterFileId:
                _currentDirectory = _mf;
                _currentFile = null;
                return new(StatusWord.Success);
            case 0x00 or 0x02 when c.Data.Length == 2:
                ushort fid = Fid(c.Data);
                bool open = !Locked || secure || (_currentDirectory == _mf && fid == CardAccessFid);
                if (!open)
                    return new(StatusWord.SecurityStatusNotSatisfied);
                if (!_currentDirectory.Files.TryGetValue(fid, out var file))
                    return new(StatusWord.FileNotFound);
                _currentFile = file;
                return new(StatusWord.Success);
            default:
                return new(StatusWord.IncorrectParameters);
        }
    }

    private ResponseApdu ReadBinary(CommandApdu c, bool secure)
    {
        if (_currentFile is null)
            return new(StatusWord.CommandNotAllowed);
        if (Locked && !secure && _currentFile.Fid != CardAccessFid)
            return new(StatusWord.SecurityStatusNotSatisfied);
        if ((c.P1 & 0x80) != 0)
            return new(StatusWord.FunctionNotSupported);
        int offset = c.P1 << 8 | c.P2;
        byte[] content = _currentFile.Content;
        if (offset >= content.Length)
            return new(StatusWord.WrongParameters);
        int length = Math.Min(c.Ne, content.Length - offset);
        byte[] data = content.AsSpan(offset, length).ToArray();
        return new(data, length < c.Ne ? StatusWord.EndOfFileReached : StatusWord.Success);
    }

    private ResponseApdu CreateFile(CommandApdu c)
    {
        ushort? fid = null;
        int size = 0;
        byte descriptor = 0;
        byte[]? aid = null;
        try
        {
            var fcp = new AsnReader(c.Data, AsnEncodingRules.BER).ReadSequence(Fcp);
            while (fcp.HasData)
            {
                var tag = fcp.PeekTag();
                byte[] value = fcp.ReadOctetString(tag);
                switch (tag.TagValue)
                {
                    case 0x00 or 0x01: size = value.Aggregate(0, (acc, b) => acc << 8 | b); break;
                    case 0x02: descriptor = value[0]; break;
                    case 0x03: fid = Fid(value); break;
                    case 0x04: aid = value; break;
                }
            }
        }
        catch (AsnContentException)
        {
            return new(StatusWord.WrongData);
        }
        if (fid is null)
            return new(StatusWord.WrongData);

        if (descriptor == DfDescriptor)
        {
            if (_application is not null || aid is null)
                return new(StatusWord.FileAlreadyExists);
            _application = new SimulatedDirectory(fid.Value, aid);
            _currentDirectory = _application;
            _currentFile = null;
            return new(StatusWord.Success);
        }
        if (_currentDirectory.Files.ContainsKey(fid.Value))
            return new(StatusWord.FileAlreadyExists);
        var file = new SimulatedFile(fid.Value, size);
        _currentDirectory.Files[fid.Value] = file;
        _currentFile = file;
        return new(StatusWord.Success);
    }

    private ResponseApdu UpdateBinary(CommandApdu c)
    {
        if (_currentFile is null)
            return new(StatusWord.CommandNotAllowed);
        _writes++;
        if ((Faults.RemoveAtWrite > 0 && _writes == Faults.RemoveAtWrite)
            || (Faults.CardRemovedProbability > 0 && _faultRandom.NextDouble() < Faults.CardRemovedProbability))
        {
            Remove();
            throw new CardTransportException(CardTransportFailure.CardRemoved, "Simulated card was pulled away during UPDATE BINARY");
        }
        if ((Faults.FailWriteEvery > 0 && _writes % Faults.FailWriteEvery == 0)
            || (Faults.FailWriteProbability > 0 && _faultRandom.NextDouble() < Faults.FailWriteProbability))
            return new(StatusWord.MemoryFailure);
        int offset = c.P1 << 8 | c.P2;
        if (offset + c.Data.Length > _currentFile.Content.Length)
            return new(StatusWord.NotEnoughMemory);
        c.Data.CopyTo(_currentFile.Content, offset);
        return new(StatusWord.Success);
    }

    private ResponseApdu PutData(CommandApdu c)
    {
        if (c.P1 != 0)
            return new(StatusWord.IncorrectParameters);
        switch (c.P2)
        {
            case PutDataBacSeed when c.Data.Length == 16:
                BacKeySeed = c.Data;
                return new(StatusWord.Success);
            case PutDataBacSeed:
                return new(StatusWord.WrongLength);
            case PutDataCaKey:
                ChipAuthenticationKey = c.Data;
                return new(StatusWord.Success);
            case PutDataAaKey:
                ActiveAuthenticationKey = c.Data;
                return new(StatusWord.Success);
            default:
                return new(StatusWord.IncorrectParameters);
        }
    }

    /// <summary>ACTIVATE FILE on the application DF is the lock: from now on the chip is an issued eMRTD.</summary>
    private ResponseApdu Activate(CommandApdu c)
    {
        if (c.P1 != 0 || c.P2 != 0 || _currentDirectory != _application || _currentFile is not null)
            return new(StatusWord.ConditionsNotSatisfied);
        if (BacKeySeed is null)
            return new(StatusWord.ConditionsNotSatisfied); // an eMRTD without its BAC key would be unreadable
        Locked = true;
        _bac = new BacChipAuthenticator(BacKeys.FromSeed(BacKeySeed), _random);
        return new(StatusWord.Success);
    }

    private ResponseApdu GetChallenge(CommandApdu c)
    {
        if (_bac is null)
            return new(StatusWord.ConditionsNotSatisfied);
        if (c.Ne != 8)
            return new(StatusWord.WrongLength);
        _session = null;
        return new(_bac.GetChallenge(), StatusWord.Success);
    }

    private ResponseApdu ExternalAuthenticate(CommandApdu c)
    {
        if (_bac is null)
            return new(StatusWord.ConditionsNotSatisfied);
        try
        {
            var (response, session) = _bac.ExternalAuthenticate(c.Data);
            _session = session;
            return new(response, StatusWord.Success);
        }
        catch (SecureMessagingException e)
        {
            return new(e.StatusWord);
        }
    }

    private static ushort Fid(ReadOnlySpan<byte> value) => (ushort)(value[0] << 8 | value[1]);

    private static byte[] Status(ushort sw) => [(byte)(sw >> 8), (byte)sw];
}
