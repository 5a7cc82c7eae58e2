using System.Text;
using Station.Personalization.Applicants;
using Station.Personalization.Profiles;

namespace Station.Personalization.CardFace;

/// <summary>
/// Fills a profile's QR format string (<see cref="CountryProfile.QrFormat"/>), e.g.
/// <c>{idNumber}|{oldIdNumber}|{fullName}|{dateOfBirth:ddMMyyyy}|{sexText}|{placeOfResidence}|{dateOfIssue:ddMMyyyy}</c>.
/// Absent values are written empty.
/// </summary>
public static class QrTextFormatter
{
    /// <exception cref="InvalidDataException">The format names a placeholder that does not exist or is not closed.</exception>
    public static string Format(string format, Applicant applicant, CountryProfile profile)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(profile);
        var result = new StringBuilder();
        var position = 0;
        while (position < format.Length)
        {
            var open = format.IndexOf('{', position);
            if (open < 0)
            {
                result.Append(format, position, format.Length - position);
                break;
            }

            var close = format.IndexOf('}', open);
            if (close < 0)
            {
                throw new InvalidDataException($"QR format of profile '{profile.Id}' has an unclosed '{{' at position {open}.");
            }

            result.Append(format, position, open - position);
            var placeholder = format[(open + 1)..close];
            var colon = placeholder.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? placeholder : placeholder[..colon];
            var dateFormat = colon < 0 ? null : placeholder[(colon + 1)..];
            result.Append(ApplicantText.Get(name, applicant, profile, dateFormat));
            position = close + 1;
        }

        return result.ToString();
    }
}
