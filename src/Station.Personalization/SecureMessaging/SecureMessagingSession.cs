using System.Security.Cryptography;
using Station.Personalization.Apdu;
using static Station.Personalization.SecureMessaging.SecureMessagingDataObjects;

namespace Station.Personalization.SecureMessaging;

/// <summary>
/// One secure-messaging channel (Doc 9303 Part 11 §9.8): the cipher and the send sequence counter, which
/// is incremented before every MAC. Both ends use it: the terminal protects commands and unprotects
/// responses, the chip unprotects commands and protects responses.
/// </summary>
public sealed class SecureMessagingSession
{
    /// <summary>CLA bits 3-4 = 11: "secure messaging, header authenticated".</summary>
    private const byte SecureMessagingCla = 0x0C;

    private readonly SecureMessagingCipher _cipher;
    private readonly byte[] _ssc;

    public SecureMessagingSession(SecureMessagingCipher cipher, ReadOnlySpan<byte> initialSsc)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        if (initialSsc.Length != cipher.BlockSize)
            throw new ArgumentException($"SSC must be {cipher.BlockSize} bytes for this cipher, got {initialSsc.Length}", nameof(initialSsc));
        (_cipher, _ssc) = (cipher, initialSsc.ToArray());
    }

    /// <summary>The current send sequence counter.</summary>
    public byte[] Ssc => (byte[])_ssc.Clone();

    public int BlockSize => _cipher.BlockSize;

    /// <summary>Terminal side: wraps a plain command in DO87/85, DO97 and DO8E.</summary>
    public CommandApdu ProtectCommand(CommandApdu command)
    {
        ArgumentNullException.ThrowIfNull(command);
        byte cla = (byte)(command.Cla | SecureMessagingCla);
        byte[] header = Iso9797Padding.Pad([cla, command.Ins, command.P1, command.P2], BlockSize);

        byte[] cryptogram = [];
        if (command.Data.Length > 0)
        {
            EncryptUnderNextSsc(command.Data, out byte[] encrypted);
            cryptogram = IsOddInstruction(command.Ins)
                ? Encode(OddCryptogram, encrypted)
                : Encode(Cryptogram, [PaddingIndicator, .. encrypted]);
        }
        byte[] expectedLength = command.Ne == 0 ? [] : Encode(ExpectedLength, EncodeLe(command.Ne));

        Increment();
        byte[] mac = _cipher.Mac(Iso9797Padding.Pad([.. _ssc, .. header, .. cryptogram, .. expectedLength], BlockSize));
        byte[] data = [.. cryptogram, .. expectedLength, .. Encode(Checksum, mac)];
        bool extended = data.Length > CommandApdu.MaxShortData || command.IsExtended;
        return new CommandApdu(cla, command.Ins, command.P1, command.P2, data, extended ? CommandApdu.MaxExtendedNe : CommandApdu.MaxShortNe);
    }

    /// <summary>Terminal side: checks the response MAC and decrypts its data.</summary>
    /// <exception cref="SecureMessagingException">Missing objects, a wrong MAC or bad padding.</exception>
    public ResponseApdu UnprotectResponse(ResponseApdu response)
    {
        ArgumentNullException.ThrowIfNull(response);
        // A chip that aborts secure messaging answers with a bare status word.
        if (response.Data.Length == 0 && !response.IsSuccess)
            return response;

        var objects = Decode(response.Data);
        if (!objects.TryGetValue(ProcessingStatus, out byte[]? status) || status.Length != 2)
            throw new SecureMessagingException(StatusWord.SecureMessagingDataObjectsMissing, $"Protected response {response} has no DO99 status word");
        if (!objects.TryGetValue(Checksum, out byte[]? mac))
            throw new SecureMessagingException(StatusWord.SecureMessagingDataObjectsMissing, $"Protected response {response} has no DO8E MAC");

        byte[] cryptogram = objects.TryGetValue(Cryptogram, out byte[]? c) ? Encode(Cryptogram, c)
            : objects.TryGetValue(OddCryptogram, out byte[]? o) ? Encode(OddCryptogram, o) : [];
        Increment();
        VerifyMac([.. _ssc, .. cryptogram, .. Encode(ProcessingStatus, status)], mac, "response");

        byte[] data = DecryptCryptogram(objects);
        return new ResponseApdu(data, (ushort)(status[0] << 8 | status[1]));
    }

    /// <summary>Chip side: checks the command MAC and returns the plain command.</summary>
    /// <exception cref="SecureMessagingException">Not an SM command, missing objects, a wrong MAC or bad padding.</exception>
    public CommandApdu UnprotectCommand(CommandApdu command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if ((command.Cla & SecureMessagingCla) != SecureMessagingCla)
            throw new SecureMessagingException(StatusWord.SecureMessagingDataObjectsMissing, $"Command {command} is not protected (CLA {command.Cla:X2})");
        var objects = Decode(command.Data);
        if (!objects.TryGetValue(Checksum, out byte[]? mac))
            throw new SecureMessagingException(StatusWord.SecureMessagingDataObjectsMissing, $"Protected command {command} has no DO8E MAC");

        byte[] header = Iso9797Padding.Pad([command.Cla, command.Ins, command.P1, command.P2], BlockSize);
        byte[] cryptogram = objects.TryGetValue(Cryptogram, out byte[]? c) ? Encode(Cryptogram, c)
            : objects.TryGetValue(OddCryptogram, out byte[]? o) ? Encode(OddCryptogram, o) : [];
        byte[] expectedLength = objects.TryGetValue(ExpectedLength, out byte[]? le) ? Encode(ExpectedLength, le) : [];
        Increment();
        VerifyMac([.. _ssc, .. header, .. cryptogram, .. expectedLength], mac, "command");

        int ne = le is null ? 0 : DecodeLe(le);
        return new CommandApdu((byte)(command.Cla & ~SecureMessagingCla), command.Ins, command.P1, command.P2, DecryptCryptogram(objects), ne);
    }

    /// <summary>Chip side: wraps a plain response in DO87, DO99 and DO8E.</summary>
    public ResponseApdu ProtectResponse(ResponseApdu response)
    {
        ArgumentNullException.ThrowIfNull(response);
        byte[] cryptogram = [];
        if (response.Data.Length > 0)
        {
            EncryptUnderNextSsc(response.Data, out byte[] encrypted);
            cryptogram = Encode(Cryptogram, [PaddingIndicator, .. encrypted]);
        }
        byte[] status = Encode(ProcessingStatus, [response.Sw1, response.Sw2]);
        Increment();
        byte[] mac = _cipher.Mac(Iso9797Padding.Pad([.. _ssc, .. cryptogram, .. status], BlockSize));
        return new ResponseApdu([.. cryptogram, .. status, .. Encode(Checksum, mac)], response.StatusWord);
    }

    /// <summary>
    /// Encryption uses the SSC value the following MAC will use (AES IV = E(SSC+1)); 3DES ignores it.
    /// </summary>
    private void EncryptUnderNextSsc(ReadOnlySpan<byte> data, out byte[] encrypted)
    {
        byte[] next = Ssc;
        Increment(next);
        encrypted = _cipher.Encrypt(next, Iso9797Padding.Pad(data, BlockSize));
    }

    private byte[] DecryptCryptogram(Dictionary<System.Formats.Asn1.Asn1Tag, byte[]> objects)
    {
        byte[] encrypted;
        if (objects.TryGetValue(Cryptogram, out byte[]? c))
        {
            if (c.Length < 1 + BlockSize || c[0] != PaddingIndicator)
                throw new SecureMessagingException(StatusWord.SecureMessagingDataObjectsIncorrect, "DO87 has no padding indicator 01 or no cryptogram");
            encrypted = c[1..];
        }
        else if (objects.TryGetValue(OddCryptogram, out byte[]? o))
        {
            encrypted = o;
        }
        else
        {
            return [];
        }
        if (encrypted.Length % BlockSize != 0)
            throw new SecureMessagingException(StatusWord.SecureMessagingDataObjectsIncorrect, $"Cryptogram of {encrypted.Length} bytes is not a multiple of the {BlockSize}-byte block");
        return Iso9797Padding.Unpad(_cipher.Decrypt(_ssc, encrypted));
    }

    private void VerifyMac(byte[] input, byte[] received, string what)
    {
        byte[] expected = _cipher.Mac(Iso9797Padding.Pad(input, BlockSize));
        if (!CryptographicOperations.FixedTimeEquals(expected, received))
            throw new SecureMessagingException(StatusWord.SecureMessagingDataObjectsIncorrect,
                $"Secure messaging MAC of the {what} does not match (SSC {Convert.ToHexString(_ssc)})");
    }

    private void Increment() => Increment(_ssc);

    private static void Increment(byte[] counter)
    {
        for (int i = counter.Length - 1; i >= 0 && ++counter[i] == 0; i--)
        {
        }
    }

    private static bool IsOddInstruction(byte ins) => (ins & 1) == 1;

    private static byte[] EncodeLe(int ne) => ne switch
    {
        CommandApdu.MaxShortNe => [0x00],
        < CommandApdu.MaxShortNe => [(byte)ne],
        CommandApdu.MaxExtendedNe => [0x00, 0x00],
        _ => [(byte)(ne >> 8), (byte)ne],
    };

    private static int DecodeLe(byte[] le) => le.Length switch
    {
        1 => le[0] == 0 ? CommandApdu.MaxShortNe : le[0],
        2 => le[0] == 0 && le[1] == 0 ? CommandApdu.MaxExtendedNe : le[0] << 8 | le[1],
        _ => throw new SecureMessagingException(StatusWord.SecureMessagingDataObjectsIncorrect, $"DO97 of {le.Length} bytes is not a valid Le"),
    };
}
