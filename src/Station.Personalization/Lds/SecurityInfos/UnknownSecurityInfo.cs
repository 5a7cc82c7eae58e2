using System.Formats.Asn1;

namespace Station.Personalization.Lds.SecurityInfos;

/// <summary>A SecurityInfo this code does not interpret (e.g. PACEDomainParameterInfo, ActiveAuthenticationInfo), kept byte for byte.</summary>
public sealed record UnknownSecurityInfo(string Protocol, byte[] Encoded) : SecurityInfo(Protocol)
{
    internal override void WriteTo(AsnWriter writer) => writer.WriteEncodedValue(Encoded);
}
