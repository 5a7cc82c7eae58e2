using System.Buffers.Binary;
using Station.Personalization.Biometrics;

namespace Station.Service.Pipeline;

/// <summary>
/// Stores a <see cref="FingerImage"/> as an 8-byte header (position, width, height, ppi, quality; big-endian)
/// followed by its gray pixels: compact and quick, since every job stores two.
/// </summary>
public static class FingerImageCodec
{
    private const int HeaderLength = 8;

    public static byte[] Encode(FingerImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var bytes = new byte[HeaderLength + image.Gray8Pixels.Length];
        bytes[0] = (byte)image.Position;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(1), checked((ushort)image.Width));
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(3), checked((ushort)image.Height));
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(5), checked((ushort)image.Ppi));
        bytes[7] = image.Quality;
        image.Gray8Pixels.CopyTo(bytes, HeaderLength);
        return bytes;
    }

    /// <exception cref="InvalidDataException">The bytes are not an encoded finger image.</exception>
    public static FingerImage Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < HeaderLength)
        {
            throw new InvalidDataException("Stored finger image is shorter than its header.");
        }

        var width = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(1));
        var height = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(3));
        if (bytes.Length != HeaderLength + width * height)
        {
            throw new InvalidDataException($"Stored finger image has {bytes.Length - HeaderLength} pixel bytes; {width}×{height} needs {width * height}.");
        }

        return new FingerImage((FingerPosition)bytes[0], width, height, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(5)), bytes[7], bytes[HeaderLength..]);
    }
}
