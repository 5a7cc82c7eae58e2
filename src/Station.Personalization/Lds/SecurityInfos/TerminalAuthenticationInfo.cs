using System.Formats.Asn1;

namespace Station.Personalization.Lds.SecurityInfos;

/// <summary>TerminalAuthenticationInfo: <c>SEQUENCE { id-TA, version INTEGER, efCVCA FileID OPTIONAL }</c>; the FileID is kept as its encoding.</summary>
public sealed record TerminalAuthenticationInfo(int Version, byte[]? EfCvca = null) : SecurityInfo(SecurityProtocols.TerminalAuthentication)
{
    internal override void WriteTo(AsnWriter writer)
    {
        writer.PushSequence();
        writer.WriteObjectIdentifier(Protocol);
        writer.WriteInteger(Version);
        if (EfCvca is not null) writer.WriteEncodedValue(EfCvca);
        writer.PopSequence();
    }

    internal static TerminalAuthenticationInfo Read(AsnReader sequence)
    {
        int version = PaceInfo.ReadInt(sequence, "TerminalAuthenticationInfo version");
        byte[]? efCvca = sequence.HasData ? sequence.ReadEncodedValue().ToArray() : null;
        sequence.ThrowIfNotEmpty();
        return new TerminalAuthenticationInfo(version, efCvca);
    }
}
