using System.Text.Json;
using Station.Personalization.Chip;

namespace Station.Service.Pipeline;

/// <summary>The public part of a <see cref="ChipImage"/> (everything but <see cref="ChipImage.Secrets"/>), as kept for audit.</summary>
public sealed record StoredChipImage(
    string Profile,
    IReadOnlyList<LdsFile> Files,
    byte[] CardAccess,
    IReadOnlyList<string> MrzLines,
    string MrzInformation,
    string? Can)
{
    public static StoredChipImage From(ChipImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new(image.Profile, image.Files, image.CardAccess, image.MrzLines, image.MrzInformation, image.Can);
    }

    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this);

    public static StoredChipImage FromJsonBytes(byte[] json) =>
        JsonSerializer.Deserialize<StoredChipImage>(json) ?? throw new InvalidDataException("Stored chip image is empty.");
}
