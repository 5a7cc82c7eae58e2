using System.Formats.Asn1;

namespace Station.Personalization.Lds;

/// <summary>
/// The CBEFF nesting shared by DG2 and DG3 (Doc 9303 Part 10 Tables 44/47):
/// <c>tag { 7F61 { 02 n, 7F60 { A1 header, 5F2E data } × n } }</c>.
/// </summary>
internal static class BiometricInformationGroup
{
    public static byte[] Encode(Asn1Tag fileTag, IReadOnlyList<BiometricInformationTemplate> templates)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.PushSequence(fileTag);
        writer.PushSequence(DataGroupNumbers.BiometricInformationGroup);
        writer.WriteInteger(templates.Count);
        foreach (var template in templates)
        {
            writer.PushSequence(DataGroupNumbers.BiometricInformationTemplate);
            template.Header.WriteTo(writer);
            writer.WriteOctetString(template.BiometricDataBlock, DataGroupNumbers.BiometricDataBlock);
            writer.PopSequence(DataGroupNumbers.BiometricInformationTemplate);
        }
        writer.PopSequence(DataGroupNumbers.BiometricInformationGroup);
        writer.PopSequence(fileTag);
        return writer.Encode();
    }

    public static IReadOnlyList<BiometricInformationTemplate> Decode(ReadOnlyMemory<byte> file, Asn1Tag fileTag, string fileName)
    {
        try
        {
            var reader = new AsnReader(file, AsnEncodingRules.BER);
            var group = reader.ReadSequence(fileTag).ReadSequence(DataGroupNumbers.BiometricInformationGroup);
            reader.ThrowIfNotEmpty();
            int count = (int)group.ReadInteger();
            var templates = new List<BiometricInformationTemplate>(count);
            for (int i = 0; i < count; i++)
            {
                if (!group.HasData || !group.PeekTag().HasSameClassAndValue(DataGroupNumbers.BiometricInformationTemplate))
                    throw new FormatException($"{fileName}: declares {count} biometric templates but holds {i}.");
                var template = group.ReadSequence(DataGroupNumbers.BiometricInformationTemplate);
                var header = BiometricHeaderTemplate.ReadFrom(template);
                if (!template.PeekTag().HasSameClassAndValue(DataGroupNumbers.BiometricDataBlock))
                    throw new FormatException($"{fileName}: template {i + 1} has no 5F2E biometric data block (ISO/IEC 39794 7F2E is not supported).");
                byte[] data = template.ReadOctetString(DataGroupNumbers.BiometricDataBlock);
                templates.Add(new BiometricInformationTemplate(header, data));
            }
            return templates;
        }
        catch (AsnContentException e)
        {
            throw new FormatException($"{fileName}: malformed CBEFF structure: {e.Message}", e);
        }
    }
}
