using Station.Personalization.Applicants;

namespace Station.Personalization.Tests.Applicants;

/// <summary>Applicants built directly (bypassing intake) for MRZ, LDS and card-face tests.</summary>
internal static class TestApplicants
{
    /// <summary>The GUIDE §2 example: MRZ <c>IDVNM0900123450001090012345&lt;&lt;1</c>.</summary>
    public static Applicant NguyenVanAn() => new()
    {
        ApplicationId = "HN-2026-000123",
        Profile = "VNM",
        IdNumber = "001090012345",
        FullName = "Nguyễn Văn An",
        DateOfBirth = new DateOnly(1990, 1, 15),
        Sex = 'M',
        Nationality = "VNM",
        Ethnicity = "Kinh",
        Religion = "Không",
        PlaceOfOrigin = "Xã Đông Hội, Huyện Đông Anh, Hà Nội",
        PlaceOfResidence = "Số 12 Ngõ 34 Phố Hàng Bạc, Phường Hàng Bạc, Quận Hoàn Kiếm, Hà Nội",
        IdentifyingMarks = "Nốt ruồi cách 2cm dưới đuôi mắt trái",
        FatherName = "Nguyễn Văn Bình",
        MotherName = "Trần Thị Cúc",
        SpouseName = null,
        OldIdNumber = "012345678",
        DateOfIssue = new DateOnly(2026, 11, 27),
        DateOfExpiry = new DateOnly(2030, 1, 15),
    };

    /// <summary>The Part 5 / Part 11 D.2 specimen with the 12-character document number <c>D23145890734</c>.</summary>
    public static Applicant UtopiaLongNumber() => new()
    {
        ApplicationId = "UTO-0001",
        Profile = "ICAO-TD1",
        DocumentCode = "I",
        IssuingState = "UTO",
        DocumentNumber = "D23145890734",
        PrimaryIdentifier = "Eriksson",
        SecondaryIdentifier = "Anna Maria",
        DateOfBirth = new DateOnly(1934, 7, 12),
        Sex = 'M',
        Nationality = "UTO",
        DateOfIssue = new DateOnly(1985, 7, 12),
        DateOfExpiry = new DateOnly(1995, 7, 12),
    };
}
