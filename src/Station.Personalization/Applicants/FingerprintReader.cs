using System.Text.Json;
using Station.Personalization.Biometrics;

namespace Station.Personalization.Applicants;

/// <summary>
/// Reads one supplied finger image: <c>{ "position": "RightIndex", "width", "height", "ppi",
/// "quality" (optional, 0–100, default 100), "pixels": base64 of width × height 8-bit gray pixels }</c>.
/// </summary>
internal static class FingerprintReader
{
    public static FingerImage? Read(JsonElement item, string prefix, ApplicantFieldReader parent)
    {
        var reader = new ApplicantFieldReader(item, null);
        var positionText = reader.String("position", required: true);
        FingerPosition? position = null;
        if (positionText is not null)
        {
            // Only a name: Enum.TryParse also takes "+2" and "RightThumb, RightIndex" (which it ORs into RightMiddle).
            if (Enum.TryParse<FingerPosition>(positionText, ignoreCase: false, out var parsed) && parsed != FingerPosition.Unknown && parsed.ToString() == positionText)
            {
                position = parsed;
            }
            else
            {
                reader.Error("position", $"'{positionText}' is not a finger position (RightThumb … LeftLittle)");
            }
        }

        var width = reader.Integer("width", 1, 4096);
        var height = reader.Integer("height", 1, 4096);
        var ppi = reader.Integer("ppi", 100, 2000);
        var quality = reader.Get("quality") is null ? 100 : reader.Integer("quality", 0, 100);
        var pixels = reader.Base64("pixels");
        if (pixels is null && !reader.HasError("pixels"))
        {
            reader.Error("pixels", "is required");
        }

        if (pixels is not null && width is int w && height is int h && pixels.Length != w * h)
        {
            reader.Error("pixels", $"holds {pixels.Length} bytes; a {w}x{h} gray image needs {w * h}");
        }

        reader.RejectUnknownFields();
        foreach (var error in reader.Errors)
        {
            parent.Error($"{prefix}.{error.Field}", error.Message);
        }

        return reader.Errors.Count == 0
            ? new FingerImage(position!.Value, width!.Value, height!.Value, ppi!.Value, (byte)quality!.Value, pixels!)
            : null;
    }
}
