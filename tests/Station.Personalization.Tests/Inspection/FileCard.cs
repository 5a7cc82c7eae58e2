using Station.Personalization.Apdu;

namespace Station.Personalization.Tests.Inspection;

/// <summary>
/// Test double: an unlocked eMRTD answering SELECT and READ BINARY plainly, with configurable quirks of real chips
/// (a largest accepted Le, 6Cxx instead of 6282 at the end of a file, files that need terminal authentication).
/// </summary>
internal sealed class FileCard(IReadOnlyDictionary<ushort, byte[]> files) : IApduTransport
{
    private byte[]? _current;

    /// <summary>Ne above this is refused with 6700.</summary>
    public int MaxLe { get; init; } = 256;
    /// <summary>Answer 6Cxx (exact length) instead of 6282 when Ne runs past the end of the file.</summary>
    public bool AnswerWrongLe { get; init; }
    public HashSet<ushort> Protected { get; init; } = [];
    public List<string> Statuses { get; } = [];

    public int MaxCommandDataLength => 255;
    public int MaxResponseDataLength => 256;

    public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
    {
        var apdu = CommandApdu.Parse(command.Span);
        var response = apdu.Ins switch
        {
            Instruction.SelectFile when apdu.P1 == 0x04 => new ResponseApdu(StatusWord.Success),
            Instruction.SelectFile => Select((ushort)(apdu.Data[0] << 8 | apdu.Data[1])),
            Instruction.ReadBinary => Read(apdu.P1 << 8 | apdu.P2, apdu.Ne),
            _ => new ResponseApdu(StatusWord.InstructionNotSupported),
        };
        Statuses.Add($"{response.StatusWord:X4}");
        return Task.FromResult(response.ToBytes());
    }

    private ResponseApdu Select(ushort fid)
    {
        if (Protected.Contains(fid))
            return new ResponseApdu(StatusWord.SecurityStatusNotSatisfied);
        if (!files.TryGetValue(fid, out _current))
            return new ResponseApdu(StatusWord.FileNotFound);
        return new ResponseApdu(StatusWord.Success);
    }

    private ResponseApdu Read(int offset, int ne)
    {
        if (_current is null)
            return new ResponseApdu(StatusWord.CommandNotAllowed);
        if (ne > MaxLe)
            return new ResponseApdu(StatusWord.WrongLength);
        if (offset >= _current.Length)
            return new ResponseApdu(StatusWord.WrongParameters);
        int available = _current.Length - offset;
        if (ne > available && AnswerWrongLe)
            return new ResponseApdu((ushort)(0x6C00 | available));
        int length = Math.Min(ne, available);
        return new ResponseApdu(_current.AsSpan(offset, length).ToArray(), length < ne ? StatusWord.EndOfFileReached : StatusWord.Success);
    }
}
