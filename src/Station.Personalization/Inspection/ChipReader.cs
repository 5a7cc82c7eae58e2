using System.Formats.Asn1;
using System.Security.Cryptography;
using Station.Personalization.Apdu;
using Station.Personalization.Chip;
using Station.Personalization.SecureMessaging;

namespace Station.Personalization.Inspection;

/// <summary>
/// Reads an eMRTD as an inspection system does: SELECT the application by AID, BAC with the MRZ key (or plain
/// on an unlocked chip), then EF.COM, every data group it lists, and EF.SOD. Files are read with READ BINARY
/// in the largest block the chip accepts, falling back on 6282, 6700 and 6Cxx.
/// </summary>
public sealed class ChipReader(RandomNumberGenerator random)
{
    /// <summary>READ BINARY P1-P2 carries a 15-bit offset.</summary>
    private const int MaxOffset = 0x7FFF;
    private const int MinBlock = 16;
    private static readonly byte[] ApplicationAid = Convert.FromHexString("A0000002471001");

    /// <param name="card">The card (raw; ISO 7816 exchange rules are applied here).</param>
    /// <param name="mrzInformation">The MRZ key for BAC, or null to read an unlocked chip plainly.</param>
    /// <param name="cancellationToken">Stops between APDUs.</param>
    /// <exception cref="ApduException">The chip refused the application or EF.COM.</exception>
    /// <exception cref="SecureMessagingException">BAC or secure messaging failed (wrong MRZ key, broken MAC).</exception>
    /// <exception cref="CardTransportException">The card went away or fell silent.</exception>
    public async Task<ChipReadResult> ReadAsync(IApduTransport card, string? mrzInformation, CancellationToken cancellationToken)
    {
        var transport = await OpenApplicationAsync(card, mrzInformation, cancellationToken).ConfigureAwait(false);
        var files = new List<LdsFile>();
        var unreadable = new Dictionary<string, string>();

        byte[] com = await ReadFileAsync(transport, LdsFileIds.Com, "EF.COM", cancellationToken).ConfigureAwait(false);
        files.Add(new LdsFile(LdsFileIds.Com, "COM", com));
        foreach (int dg in ListedDataGroups(com))
        {
            string name = $"DG{dg}";
            try
            {
                files.Add(new LdsFile(LdsFileIds.DataGroupFid(dg), name, await ReadFileAsync(transport, LdsFileIds.DataGroupFid(dg), name, cancellationToken).ConfigureAwait(false)));
            }
            catch (ApduException e) when (e.StatusWord is StatusWord.SecurityStatusNotSatisfied or StatusWord.FileNotFound)
            {
                // DG3 needs terminal authentication; a listed but absent file is the chip's fault, reported not fatal.
                unreadable[name] = e.Message;
            }
        }
        files.Add(new LdsFile(LdsFileIds.Sod, "SOD", await ReadFileAsync(transport, LdsFileIds.Sod, "EF.SOD", cancellationToken).ConfigureAwait(false)));
        return new ChipReadResult(files, unreadable, mrzInformation is not null);
    }

    /// <summary>Selects the eMRTD application and, with an MRZ key, runs BAC; returns the transport to read files through.</summary>
    public async Task<IApduTransport> OpenApplicationAsync(IApduTransport card, string? mrzInformation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        IApduTransport transport = new ApduExchange(card);
        (await transport.SendAsync(new CommandApdu(0x00, Instruction.SelectFile, 0x04, 0x0C, ApplicationAid), cancellationToken).ConfigureAwait(false))
            .EnsureSuccess("SELECT eMRTD application");
        if (mrzInformation is null)
            return transport;
        var session = await new BacAuthenticator(random).AuthenticateAsync(transport, BacKeys.FromMrzInformation(mrzInformation), cancellationToken).ConfigureAwait(false);
        return new SecureMessagingTransport(transport, session);
    }

    /// <summary>SELECT by FID, then READ BINARY until the complete BER-TLV file is read (or the chip reports its end).</summary>
    public static async Task<byte[]> ReadFileAsync(IApduTransport transport, ushort fid, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        (await transport.SendAsync(new CommandApdu(0x00, Instruction.SelectFile, 0x02, 0x0C, [(byte)(fid >> 8), (byte)fid]), cancellationToken).ConfigureAwait(false))
            .EnsureSuccess($"SELECT {name}");

        var content = new List<byte>();
        int block = Math.Max(MinBlock, transport.MaxResponseDataLength);
        while (!IsCompleteTlv(content))
        {
            int offset = content.Count;
            if (offset > MaxOffset)
                throw new ApduException($"{name} is longer than {MaxOffset} bytes, which READ BINARY with a P1-P2 offset cannot reach");
            var read = new CommandApdu(0x00, Instruction.ReadBinary, (byte)(offset >> 8), (byte)offset, ne: block);
            var response = await transport.SendAsync(read, cancellationToken).ConfigureAwait(false);
            switch (response.StatusWord)
            {
                case StatusWord.Success:
                    content.AddRange(response.Data);
                    if (response.Data.Length == 0)
                        throw new ApduException($"READ BINARY {name} at offset {offset} returned no data before the file was complete");
                    break;
                case StatusWord.EndOfFileReached:
                    content.AddRange(response.Data);
                    return EnsureComplete(content, name);
                case StatusWord.WrongLength or StatusWord.WrongParameters when block > MinBlock:
                    block = Math.Max(MinBlock, block / 2); // the chip refused this size: try smaller
                    break;
                default:
                    throw new ApduException(response.StatusWord, $"READ BINARY {name} at offset {offset}");
            }
        }
        return EnsureComplete(content, name);
    }

    private static byte[] EnsureComplete(List<byte> content, string name) => IsCompleteTlv(content)
        ? [.. content]
        : throw new ApduException($"{name}: the chip reported end of file after {content.Count} bytes, before the end of its TLV");

    /// <summary>True once the bytes hold one whole definite-length TLV (the file's own tag and length say how long it is).</summary>
    private static bool IsCompleteTlv(List<byte> content) =>
        content.Count > 0 && AsnDecoder.TryReadEncodedValue(content.ToArray(), AsnEncodingRules.BER, out _, out _, out _, out int consumed) && consumed <= content.Count;

    /// <summary>
    /// The DG tags listed in EF.COM's 5C. EF.COM's 5F01 writes tag number 1 in the long form, which X.690 (and so
    /// AsnDecoder) rejects; each element's tag is therefore swapped for the valid same-size 5F7F before decoding its length.
    /// </summary>
    private static int[] ListedDataGroups(byte[] com)
    {
        try
        {
            _ = AsnDecoder.ReadEncodedValue(com, AsnEncodingRules.BER, out int contentOffset, out int contentLength, out _);
            if (com[0] != 0x60)
                throw new ApduException($"EF.COM starts with tag {com[0]:X2}, not 60");
            var rest = com.AsSpan(contentOffset, contentLength);
            while (!rest.IsEmpty)
            {
                byte[] element = rest.ToArray();
                if (element.Length > 1 && element[0] == 0x5F && element[1] < 0x1F)
                    element[1] = 0x7F;
                AsnDecoder.ReadEncodedValue(element, AsnEncodingRules.BER, out int valueOffset, out int valueLength, out int consumed);
                if (element[0] == 0x5C)
                    return element.AsSpan(valueOffset, valueLength).ToArray().Select(LdsFileIds.DataGroupNumberFromTag).OfType<int>().ToArray();
                rest = rest[consumed..];
            }
        }
        catch (AsnContentException e)
        {
            throw new ApduException($"EF.COM is not a valid 60 template: {e.Message}");
        }
        throw new ApduException("EF.COM has no 5C tag list");
    }
}
