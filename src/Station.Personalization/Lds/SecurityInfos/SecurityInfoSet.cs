using System.Formats.Asn1;

namespace Station.Personalization.Lds.SecurityInfos;

/// <summary>
/// <c>SecurityInfos ::= SET OF SecurityInfo</c>. Elements are written in list order so that a decoded file
/// re-encodes unchanged (real chips do not always sort the SET); <see cref="InDerOrder"/> gives the DER order for new files.
/// </summary>
internal static class SecurityInfoSet
{
    public static void Write(AsnWriter writer, IEnumerable<SecurityInfo> infos)
    {
        // A BER writer keeps the order given; lengths are still minimal definite, so sorted input yields DER.
        var set = new AsnWriter(AsnEncodingRules.BER);
        set.PushSetOf();
        foreach (var info in infos) info.WriteTo(set);
        set.PopSetOf();
        writer.WriteEncodedValue(set.Encode());
    }

    public static IReadOnlyList<SecurityInfo> Read(AsnReader parent, string fileName)
    {
        try
        {
            var set = parent.ReadSetOf(skipSortOrderValidation: true);
            var infos = new List<SecurityInfo>();
            while (set.HasData)
                infos.Add(ReadOne(set.ReadEncodedValue()));
            return infos;
        }
        catch (AsnContentException e)
        {
            throw new FormatException($"{fileName}: SecurityInfos are not valid BER: {e.Message}", e);
        }
    }

    /// <summary>Sorts by DER encoding, as DER requires for a SET OF.</summary>
    public static IReadOnlyList<SecurityInfo> InDerOrder(IEnumerable<SecurityInfo> infos) =>
        [.. infos.Select(i => (Info: i, Bytes: i.Encode())).OrderBy(p => p.Bytes, ByteOrder.Instance).Select(p => p.Info)];

    private static SecurityInfo ReadOne(ReadOnlyMemory<byte> encoded)
    {
        var sequence = new AsnReader(encoded, AsnEncodingRules.BER).ReadSequence();
        string protocol = sequence.ReadObjectIdentifier();
        try
        {
            if (SecurityProtocols.IsUnder(protocol, SecurityProtocols.PacePrefix, 2)) return PaceInfo.Read(protocol, sequence);
            if (SecurityProtocols.IsUnder(protocol, SecurityProtocols.ChipAuthenticationPrefix, 2)) return ChipAuthenticationInfo.Read(protocol, sequence);
            if (SecurityProtocols.IsUnder(protocol, SecurityProtocols.PublicKeyPrefix, 1)) return ChipAuthenticationPublicKeyInfo.Read(protocol, sequence);
            if (protocol == SecurityProtocols.TerminalAuthentication) return TerminalAuthenticationInfo.Read(sequence);
        }
        catch (Exception e) when (e is AsnContentException or FormatException)
        {
            // Same OID family but a different structure (e.g. a domain-parameter info): keep it unparsed.
        }
        return new UnknownSecurityInfo(protocol, encoded.ToArray());
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();
        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
