using System.Formats.Asn1;

namespace Station.Personalization.Lds.SecurityInfos;

/// <summary>
/// One SecurityInfo (Doc 9303 Part 11 §9.2): <c>SEQUENCE { protocol OBJECT IDENTIFIER, requiredData ANY, optionalData ANY OPTIONAL }</c>.
/// The concrete kinds say what the protocol's data mean; unknown protocols are kept as <see cref="UnknownSecurityInfo"/>.
/// </summary>
public abstract record SecurityInfo(string Protocol)
{
    internal abstract void WriteTo(AsnWriter writer);

    /// <summary>The DER encoding of this one SecurityInfo.</summary>
    public byte[] Encode()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        WriteTo(writer);
        return writer.Encode();
    }
}
