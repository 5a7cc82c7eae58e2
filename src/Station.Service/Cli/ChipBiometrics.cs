using SkiaSharp;
using Station.Devices.Camera;
using Station.Devices.Fingerprint;
using Station.Devices.Simulation;
using Station.Personalization.Applicants;
using Station.Personalization.Biometrics;
using Station.Service.Pipeline;

namespace Station.Service.Cli;

/// <summary>
/// The portrait and fingers of <c>station chip build</c>: <c>--photo</c> or the applicant's photo or the simulated camera;
/// <c>--fingers DIR</c> (<c>RightIndex.png</c>, <c>LeftIndex.png</c>, 8-bit gray, taken as 500 ppi) or the applicant's
/// fingerprints or the simulated sensor.
/// </summary>
public static class ChipBiometrics
{
    /// <summary>Resolution assumed for finger PNGs (a PNG carries no ppi the sensors agree on): the FBI/ISO 19794-4 standard 500 ppi.</summary>
    public const int FingerPngPpi = 500;

    /// <exception cref="ChipCommandException">A given file or folder is missing or not an image of the expected kind (bad input).</exception>
    public static async Task<BiometricCapture> GatherAsync(Applicant applicant, string? photoPath, string? fingersDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        var simulation = SimulationSettings.Default;
        byte[] photo = photoPath is not null
            ? ReadPhoto(photoPath)
            : applicant.Photo ?? await new SimulatedCamera(simulation).CaptureJpegAsync(cancellationToken);

        IReadOnlyList<FingerImage> fingers;
        if (fingersDirectory is not null)
        {
            fingers = [.. CaptureStep.Fingers.Select(position => ReadFinger(fingersDirectory, position))];
        }
        else if (applicant.Fingerprints is { Count: > 0 } given)
        {
            fingers = given;
        }
        else
        {
            var sensor = new SimulatedFingerprintSensor(simulation);
            var captured = new List<FingerImage>();
            foreach (var position in CaptureStep.Fingers)
                captured.Add(await sensor.CaptureAsync(position, cancellationToken));
            fingers = captured;
        }
        return new BiometricCapture(photo, fingers);
    }

    private static byte[] ReadPhoto(string path)
    {
        if (!File.Exists(path))
            throw ChipCommandException.BadInput($"--photo: {path} does not exist.");
        var bytes = File.ReadAllBytes(path);
        // Same rule as intake's "photo" field; a corrupt JPEG is caught when the portrait is re-encoded.
        if (bytes.Length < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8)
            throw ChipCommandException.BadInput($"--photo: {path} is not a JPEG image (it must start with the JPEG marker FFD8).");
        return bytes;
    }

    private static FingerImage ReadFinger(string directory, FingerPosition position)
    {
        var path = Path.Combine(directory, $"{position}.png");
        if (!File.Exists(path))
            throw ChipCommandException.BadInput($"--fingers: {directory} has no {position}.png (expected {string.Join(", ", CaptureStep.Fingers.Select(p => p + ".png"))}).");
        var png = File.ReadAllBytes(path);
        using var codec = SKCodec.Create(new MemoryStream(png));
        if (codec is null || codec.EncodedFormat != SKEncodedImageFormat.Png)
            throw ChipCommandException.BadInput($"--fingers: {path} is not a PNG image.");
        int width = codec.Info.Width, height = codec.Info.Height;
        byte[] pixels;
        try
        {
            pixels = FingerImageEncoder.DecodeGray8(png);
        }
        catch (FormatException e)
        {
            throw ChipCommandException.BadInput($"--fingers: {path}: {e.Message}");
        }
        // Quality 100 as intake assumes when an applicant's finger gives none.
        return new FingerImage(position, width, height, FingerPngPpi, 100, pixels);
    }
}
