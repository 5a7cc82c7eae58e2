using System.Formats.Asn1;
using Station.Personalization.Lds;
using Station.Personalization.Profiles;
using Station.Personalization.Tests.Applicants;

namespace Station.Personalization.Tests.Lds;

public class Dg13FileTests
{
    /// <summary>
    /// Built independently (Python, byte by byte) from GUIDE §2: fields 1–15 in number order, field 13 as two
    /// SEQUENCEs each holding a UTF8String, field 14 empty, field 15 the old ID number.
    /// </summary>
    private const string Expected =
        "6D82012630820122020101060628D316010008318201133011020101130C30303130393030313233343530150201020C104E677579E1BB856E2056C4836E20416E300F020103130A31352F30312F3139393030080201040C034E616D300F0201050C0A5669E1BB8774204E616D30090201060C044B696E68300B0201070C064B68C3B46E67300E0201080C0948C3A0204EE1BB9969301C0201090C17486FC3A06E204B69E1BABF6D2C2048C3A0204EE1BB9969300B02010A0C064B68C3B46E67300F02010B130A32372F31312F32303236300F02010C0C0A31352F30312F32303330302F02010D30150C134E677579E1BB856E2056C4836E2042C3AC6E6830130C115472E1BAA76E205468E1BB8B2043C3BA63300502010E3000300E02010F1309303132333435363738";

    private static readonly CountryProfile Vnm = ProfileRegistry.Load().Get("VNM");

    private static Dg13File Example() => Dg13File.FromApplicant(
        TestApplicants.NguyenVanAn() with
        {
            PlaceOfOrigin = "Hà Nội",
            PlaceOfResidence = "Hoàn Kiếm, Hà Nội",
            IdentifyingMarks = "Không",
        },
        Vnm);

    [Fact]
    public void EncodesExactlyInFieldNumberOrder() =>
        Assert.Equal(Expected, Convert.ToHexString(Example().Encode()));

    [Fact]
    public void DecodesWhatItEncodes()
    {
        var decoded = Dg13File.Decode(Convert.FromHexString(Expected));
        var original = Example();
        Assert.Equal(original with { UnknownFields = [] }, decoded with { UnknownFields = [] });
        Assert.Equal("Nam", decoded.Sex);
        Assert.Equal("15/01/1990", decoded.DateOfBirth);
        Assert.Equal("Trần Thị Cúc", decoded.MotherName);
        Assert.Null(decoded.SpouseName);
        Assert.Empty(decoded.UnknownFields);
    }

    [Fact]
    public void NoExpiryNoOldIdAndASpouse()
    {
        var applicant = TestApplicants.NguyenVanAn() with { DateOfExpiry = null, OldIdNumber = null, SpouseName = "Lê Thị Ngọc Ánh", Sex = 'F' };
        var file = Dg13File.FromApplicant(applicant, Vnm);
        Assert.Equal("Không thời hạn", file.DateOfExpiry);
        Assert.Equal("Nữ", file.Sex);

        var bytes = file.Encode();
        var decoded = Dg13File.Decode(bytes);
        Assert.Equal("Không thời hạn", decoded.DateOfExpiry);
        Assert.Equal("Lê Thị Ngọc Ánh", decoded.SpouseName);
        Assert.Null(decoded.OldIdNumber);
        Assert.DoesNotContain(15, FieldNumbers(bytes));
        Assert.Equal(Enumerable.Range(1, 14), FieldNumbers(bytes));
    }

    /// <summary>A DG13 file (tag 6D, version 1, the UTF-8 OID) whose SET of fields <paramref name="writeFields"/> writes.</summary>
    private static byte[] Dg13WithFields(Action<AsnWriter> writeFields)
    {
        var writer = new AsnWriter(AsnEncodingRules.BER);
        using (writer.PushSequence(new Asn1Tag(TagClass.Application, 13, isConstructed: true)))
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            writer.WriteObjectIdentifier(Dg13File.Utf8Oid);
            using (writer.PushSetOf())
            {
                writeFields(writer);
            }
        }

        return writer.Encode();
    }

    [Fact]
    public void AnEmptyFatherKeepsTheMotherInSecondPlace()
    {
        // Field 13 as SEQUENCE { INTEGER 13, SEQUENCE { }, SEQUENCE { UTF8String mother } }, the way field 14 says "no spouse".
        var encoded = Dg13WithFields(writer =>
        {
            using (writer.PushSequence())
            {
                writer.WriteInteger(13);
                using (writer.PushSequence())
                {
                }

                using (writer.PushSequence())
                {
                    writer.WriteCharacterString(UniversalTagNumber.UTF8String, "Trần Thị Cúc");
                }
            }
        });

        var decoded = Dg13File.Decode(encoded);
        Assert.Null(decoded.FatherName);
        Assert.Equal("Trần Thị Cúc", decoded.MotherName);
    }

    [Fact]
    public void ParentsWrappedInSetsAreReadToo()
    {
        var encoded = Dg13WithFields(writer =>
        {
            using (writer.PushSequence())
            {
                writer.WriteInteger(13);
                foreach (var parent in new[] { "Đỗ Văn Hải", "Phạm Thị Lụa" })
                {
                    using (writer.PushSetOf())
                    {
                        writer.WriteCharacterString(UniversalTagNumber.UTF8String, parent);
                    }
                }
            }
        });

        var decoded = Dg13File.Decode(encoded);
        Assert.Equal(("Đỗ Văn Hải", "Phạm Thị Lụa"), (decoded.FatherName, decoded.MotherName));
    }

    [Fact]
    public void AbsentNamesComeBackAbsent()
    {
        var applicant = TestApplicants.NguyenVanAn() with { FatherName = null, MotherName = null, IdentifyingMarks = null };
        var file = Dg13File.FromApplicant(applicant, Vnm);

        var decoded = Dg13File.Decode(file.Encode());

        Assert.Equal((file.FatherName, file.MotherName, file.IdentifyingMarks), (decoded.FatherName, decoded.MotherName, decoded.IdentifyingMarks));
        Assert.Equal(file with { UnknownFields = [] }, decoded with { UnknownFields = [] });
    }

    [Fact]
    public void ToleratesTheFlatNestingOfField13AndKeepsUnknownFields()
    {
        // Field 13 as SEQUENCE { INTEGER 13, SEQUENCE { UTF8String father, UTF8String mother } }, plus an unknown field 16.
        var encoded = Dg13WithFields(writer =>
        {
            using (writer.PushSequence())
            {
                writer.WriteInteger(2);
                writer.WriteCharacterString(UniversalTagNumber.UTF8String, "Đỗ Ánh Bảo");
            }

            using (writer.PushSequence())
            {
                writer.WriteInteger(13);
                using (writer.PushSequence())
                {
                    writer.WriteCharacterString(UniversalTagNumber.UTF8String, "Đỗ Văn Hải");
                    writer.WriteCharacterString(UniversalTagNumber.UTF8String, "Phạm Thị Lụa");
                }
            }

            using (writer.PushSequence())
            {
                writer.WriteInteger(16);
                writer.WriteCharacterString(UniversalTagNumber.PrintableString, "X1");
            }
        });

        var decoded = Dg13File.Decode(encoded);
        Assert.Equal("Đỗ Ánh Bảo", decoded.FullName);
        Assert.Equal("Đỗ Văn Hải", decoded.FatherName);
        Assert.Equal("Phạm Thị Lụa", decoded.MotherName);
        var unknown = Assert.Single(decoded.UnknownFields);
        Assert.Equal(16, unknown.Number);

        var reencoded = decoded.Encode();
        Assert.Equal([.. Enumerable.Range(1, 14), 16], FieldNumbers(reencoded));
        Assert.Equal(unknown.Encoded, Dg13File.Decode(reencoded).UnknownFields.Single().Encoded);
    }

    [Theory]
    [InlineData("6E03020101")]
    [InlineData("6D0530030201")]
    [InlineData("6D0A3008020101060355")]
    public void RejectsBadBytes(string hex)
    {
        var error = Assert.Throws<LdsFormatException>(() => Dg13File.Decode(Convert.FromHexString(hex)));
        Assert.StartsWith("DG13", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileWithoutDg13IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => Dg13File.FromApplicant(TestApplicants.UtopiaLongNumber(), ProfileRegistry.Load().Get("ICAO-TD1")));

    private static List<int> FieldNumbers(byte[] dg13)
    {
        var set = new AsnReader(dg13, AsnEncodingRules.BER)
            .ReadSequence(new Asn1Tag(TagClass.Application, 13, isConstructed: true))
            .ReadSequence();
        set.ReadInteger();
        set.ReadObjectIdentifier();
        var fields = set.ReadSetOf(skipSortOrderValidation: true);
        var numbers = new List<int>();
        while (fields.HasData)
        {
            var field = fields.ReadSequence();
            field.TryReadInt32(out var n);
            numbers.Add(n);
            field.ReadEncodedValue();
        }

        return numbers;
    }
}
