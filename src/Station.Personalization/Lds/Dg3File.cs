using Station.Personalization.Biometrics;

namespace Station.Personalization.Lds;

/// <summary>
/// EF.DG3 (tag <c>63</c>): encoded fingers, one ISO/IEC 19794-4 <see cref="FingerRecord"/> per CBEFF template.
/// Every template carries the finger's biometric subtype (required in DG3, Part 10 Table 49).
/// </summary>
public sealed record Dg3File(IReadOnlyList<Dg3File.Finger> Fingers)
{
    /// <summary>One biometric template of DG3: its CBEFF header and the finger record.</summary>
    public sealed record Finger(BiometricHeaderTemplate Header, FingerRecord Record);

    /// <summary>Builds DG3 with one template per captured finger, each a lossless PNG record.</summary>
    public static Dg3File FromImages(IReadOnlyList<FingerImage> fingers)
    {
        ArgumentNullException.ThrowIfNull(fingers);
        return new Dg3File([.. fingers.Select(f => new Finger(HeaderFor(f.Position), FingerImageEncoder.ToRecord(f)))]);
    }

    /// <summary>The CBEFF header for one finger: type fingerprint, the subtype of its position, format 19794-4.</summary>
    public static BiometricHeaderTemplate HeaderFor(FingerPosition position) => new()
    {
        IcaoHeaderVersion = 0x0101,
        BiometricType = BiometricHeaderTemplate.TypeFingerprint,
        BiometricSubtype = SubtypeOf(position),
        FormatOwner = BiometricHeaderTemplate.OwnerSc37,
        FormatType = BiometricHeaderTemplate.FormatFinger,
    };

    /// <summary>Part 10 Table 49: bit 0x01 right / 0x02 left, plus 0x04 thumb, 0x08 pointer, 0x0C middle, 0x10 ring, 0x14 little.</summary>
    public static byte SubtypeOf(FingerPosition position) => position switch
    {
        >= FingerPosition.RightThumb and <= FingerPosition.RightLittle => (byte)(0x01 | (position - FingerPosition.RightThumb + 1) << 2),
        >= FingerPosition.LeftThumb and <= FingerPosition.LeftLittle => (byte)(0x02 | (position - FingerPosition.LeftThumb + 1) << 2),
        _ => throw new ArgumentException($"DG3 needs a known finger position for the biometric subtype; got {position}.", nameof(position)),
    };

    /// <summary>The complete file, tag and length included.</summary>
    public byte[] Encode()
    {
        foreach (var finger in Fingers)
            if (finger.Header.BiometricSubtype is null)
                throw new InvalidOperationException("DG3: every biometric header template needs a biometric subtype (82).");
        return BiometricInformationGroup.Encode(DataGroupNumbers.Dg3Tag,
            [.. Fingers.Select(f => new BiometricInformationTemplate(f.Header, f.Record.Encode()))]);
    }

    public static Dg3File Decode(byte[] file)
    {
        var templates = BiometricInformationGroup.Decode(file, DataGroupNumbers.Dg3Tag, "DG3");
        return new Dg3File([.. templates.Select(t => new Finger(t.Header, FingerRecord.Decode(t.BiometricDataBlock)))]);
    }
}
