using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace Station.Personalization.Lds;

/// <summary>
/// EF.SOD (tag <c>77</c>): a CMS ContentInfo holding SignedData over an <see cref="LdsSecurityObject"/>
/// (Doc 9303 Part 10 §4.6.2). Decoding reads the structure with <see cref="AsnReader"/> so that every field a
/// foreign SOD may use (explicit curves, PSS parameters, NULL digest parameters) is available to the verifier.
/// </summary>
public sealed class SodFile
{
    private const string SignedDataOid = "1.2.840.113549.1.7.2";
    private const string ContentTypeAttribute = "1.2.840.113549.1.9.3";
    private const string MessageDigestAttribute = "1.2.840.113549.1.9.4";
    private const string SigningTimeAttribute = "1.2.840.113549.1.9.5";
    private static readonly Asn1Tag Explicit0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Implicit0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Implicit1 = new(TagClass.ContextSpecific, 1, isConstructed: true);

    private SodFile() { }

    /// <summary>The CMS ContentInfo (without the <c>77</c> wrapper): what <c>openssl cms -inform DER</c> reads.</summary>
    public required byte[] ContentInfo { get; init; }
    public required int SignedDataVersion { get; init; }
    public required string EContentType { get; init; }
    /// <summary>DER of the LDSSecurityObject, exactly as signed.</summary>
    public required byte[] EContent { get; init; }
    public required LdsSecurityObject SecurityObject { get; init; }
    public required IReadOnlyList<X509Certificate2> Certificates { get; init; }
    public required SodSignerInfo SignerInfo { get; init; }

    /// <summary>The Document Signer certificate the SignerInfo names, or null when the SOD does not include it.</summary>
    public X509Certificate2? DocumentSignerCertificate => Certificates.FirstOrDefault(c =>
        SignerInfo.SerialNumber is { } serial
            ? c.SerialNumberBytes.Span.SequenceEqual(serial)
            : c.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()?.SubjectKeyIdentifierBytes.Span.SequenceEqual(SignerInfo.SubjectKeyIdentifier) == true);

    /// <summary>Wraps a CMS ContentInfo as EF.SOD.</summary>
    public static byte[] Wrap(byte[] contentInfo)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.PushSequence(DataGroupNumbers.SodTag);
        writer.WriteEncodedValue(contentInfo);
        writer.PopSequence(DataGroupNumbers.SodTag);
        return writer.Encode();
    }

    public byte[] Encode() => Wrap(ContentInfo);

    public static SodFile Decode(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        byte[] contentInfo = DataGroupNumbers.ReadWrapper(file, DataGroupNumbers.SodTag, "EF.SOD").ToArray();
        try
        {
            var outer = new AsnReader(contentInfo, AsnEncodingRules.BER);
            var info = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            string contentType = info.ReadObjectIdentifier();
            if (contentType != SignedDataOid)
                throw new FormatException($"EF.SOD: content type {contentType} is not id-signedData.");
            var signedData = info.ReadSequence(Explicit0).ReadSequence();

            int version = (int)signedData.ReadInteger();
            signedData.ReadSetOf(skipSortOrderValidation: true); // digestAlgorithms: the SignerInfo's is the one used
            var encapsulated = signedData.ReadSequence();
            string eContentType = encapsulated.ReadObjectIdentifier();
            byte[] eContent = encapsulated.ReadSequence(Explicit0).ReadOctetString();

            var certificates = new List<X509Certificate2>();
            if (signedData.HasData && signedData.PeekTag().HasSameClassAndValue(Implicit0))
            {
                var set = signedData.ReadSetOf(true, Implicit0);
                while (set.HasData)
                {
                    var encodedCertificate = set.ReadEncodedValue();
                    if (Asn1Tag.Decode(encodedCertificate.Span, out _) == Asn1Tag.Sequence)
                        certificates.Add(X509CertificateLoader.LoadCertificate(encodedCertificate.Span));
                }
            }
            if (signedData.HasData && signedData.PeekTag().HasSameClassAndValue(Implicit1))
                signedData.ReadEncodedValue(); // CRLs are not used by passive authentication

            var signerInfos = signedData.ReadSetOf(skipSortOrderValidation: true);
            var signerInfo = ReadSignerInfo(signerInfos.ReadSequence());
            if (signerInfos.HasData)
                throw new FormatException("EF.SOD: more than one SignerInfo; Doc 9303 expects exactly one.");

            return new SodFile
            {
                ContentInfo = contentInfo,
                SignedDataVersion = version,
                EContentType = eContentType,
                EContent = eContent,
                SecurityObject = LdsSecurityObject.Decode(eContent),
                Certificates = certificates,
                SignerInfo = signerInfo,
            };
        }
        catch (AsnContentException e)
        {
            throw new FormatException($"EF.SOD: the CMS structure is not valid BER: {e.Message}", e);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new FormatException($"EF.SOD: an included certificate cannot be read: {e.Message}", e);
        }
    }

    private static SodSignerInfo ReadSignerInfo(AsnReader signer)
    {
        signer.ReadInteger();
        byte[]? serial = null, ski = null;
        if (signer.PeekTag() == Asn1Tag.Sequence)
        {
            var issuerAndSerial = signer.ReadSequence();
            issuerAndSerial.ReadEncodedValue();
            serial = issuerAndSerial.ReadIntegerBytes().ToArray();
        }
        else
        {
            ski = signer.ReadOctetString(new Asn1Tag(TagClass.ContextSpecific, 0));
        }
        string digestOid = signer.ReadSequence().ReadObjectIdentifier();

        if (!signer.PeekTag().HasSameClassAndValue(Implicit0))
            throw new FormatException("EF.SOD: the SignerInfo has no signed attributes; Doc 9303 requires contentType and messageDigest.");
        byte[] signedAttributes = signer.ReadEncodedValue().ToArray();
        signedAttributes[0] = 0x31; // the signature covers the attributes encoded as a SET OF (RFC 5652 §5.4)

        var algorithm = signer.ReadSequence();
        string signatureOid = algorithm.ReadObjectIdentifier();
        byte[]? parameters = algorithm.HasData ? algorithm.ReadEncodedValue().ToArray() : null;
        byte[] signature = signer.ReadOctetString();

        string? contentType = null;
        byte[]? messageDigest = null;
        DateTimeOffset? signingTime = null;
        var attributes = new AsnReader(signedAttributes, AsnEncodingRules.BER).ReadSetOf(skipSortOrderValidation: true);
        while (attributes.HasData)
        {
            var attribute = attributes.ReadSequence();
            string type = attribute.ReadObjectIdentifier();
            var values = attribute.ReadSetOf(skipSortOrderValidation: true);
            switch (type)
            {
                case ContentTypeAttribute: contentType = values.ReadObjectIdentifier(); break;
                case MessageDigestAttribute: messageDigest = values.ReadOctetString(); break;
                case SigningTimeAttribute:
                    signingTime = values.PeekTag() == Asn1Tag.UtcTime ? values.ReadUtcTime() : values.ReadGeneralizedTime();
                    break;
            }
        }
        return new SodSignerInfo
        {
            DigestAlgorithmOid = digestOid,
            SignedAttributes = signedAttributes,
            ContentType = contentType ?? throw new FormatException("EF.SOD: the signed attributes lack contentType."),
            MessageDigest = messageDigest ?? throw new FormatException("EF.SOD: the signed attributes lack messageDigest."),
            SigningTime = signingTime,
            SignatureAlgorithmOid = signatureOid,
            SignatureAlgorithmParameters = parameters,
            Signature = signature,
            SerialNumber = serial,
            SubjectKeyIdentifier = ski,
        };
    }
}
