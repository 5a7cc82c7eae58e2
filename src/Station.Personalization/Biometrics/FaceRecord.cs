using System.Buffers.Binary;

namespace Station.Personalization.Biometrics;

/// <summary>
/// An ISO/IEC 19794-5:2005 facial record (the biometric data block of DG2): header <c>FAC\0</c> <c>010\0</c>,
/// the record length, the number of images, then each <see cref="FaceImageInfo"/>. Integers are big-endian.
/// </summary>
public sealed record FaceRecord(IReadOnlyList<FaceImageInfo> Images)
{
    private static ReadOnlySpan<byte> FormatIdentifier => "FAC\0"u8;
    private static ReadOnlySpan<byte> Version => "010\0"u8;
    private const int HeaderLength = 14;

    public byte[] Encode()
    {
        int length = HeaderLength + Images.Sum(i => i.EncodedLength);
        var buffer = new byte[length];
        var span = buffer.AsSpan();
        FormatIdentifier.CopyTo(span);
        Version.CopyTo(span[4..]);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], (uint)length);
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], checked((ushort)Images.Count));
        int offset = HeaderLength;
        foreach (var image in Images)
            offset += WriteImage(image, span[offset..]);
        return buffer;
    }

    public static FaceRecord Decode(ReadOnlySpan<byte> record)
    {
        if (record.Length < HeaderLength || !record[..4].SequenceEqual(FormatIdentifier))
            throw new FormatException("Facial record: does not start with the ISO/IEC 19794-5 identifier 'FAC\\0'.");
        if (!record[4..8].SequenceEqual(Version))
            throw new FormatException($"Facial record: version {Convert.ToHexString(record[4..8])} is not 19794-5:2005 '010\\0'.");
        uint length = BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
        if (length != record.Length)
            throw new FormatException($"Facial record: header says {length} bytes but the block holds {record.Length}.");
        int count = BinaryPrimitives.ReadUInt16BigEndian(record[12..]);
        var images = new List<FaceImageInfo>(count);
        int offset = HeaderLength;
        for (int i = 0; i < count; i++)
        {
            var (image, consumed) = ReadImage(record[offset..], i + 1);
            images.Add(image);
            offset += consumed;
        }
        if (offset != record.Length)
            throw new FormatException($"Facial record: {record.Length - offset} bytes after the last image.");
        return new FaceRecord(images);
    }

    private static int WriteImage(FaceImageInfo image, Span<byte> span)
    {
        if (image.PoseAngle.Length != 3 || image.PoseAngleUncertainty.Length != 3)
            throw new ArgumentException("Facial record: pose angle and its uncertainty must be 3 bytes each.");
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)image.EncodedLength);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], checked((ushort)image.FeaturePoints.Count));
        span[6] = image.Gender;
        span[7] = image.EyeColor;
        span[8] = image.HairColor;
        span[9] = (byte)(image.FeatureMask >> 16);
        span[10] = (byte)(image.FeatureMask >> 8);
        span[11] = (byte)image.FeatureMask;
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], image.Expression);
        image.PoseAngle.CopyTo(span[14..]);
        image.PoseAngleUncertainty.CopyTo(span[17..]);
        int offset = 20;
        foreach (var point in image.FeaturePoints)
        {
            span[offset] = point.Type;
            span[offset + 1] = (byte)(point.MajorCode << 4 | (point.MinorCode & 0x0F));
            BinaryPrimitives.WriteUInt16BigEndian(span[(offset + 2)..], point.X);
            BinaryPrimitives.WriteUInt16BigEndian(span[(offset + 4)..], point.Y);
            offset += 8; // the last two bytes are reserved zeros
        }
        span[offset] = (byte)image.FaceImageType;
        span[offset + 1] = (byte)image.ImageDataType;
        BinaryPrimitives.WriteUInt16BigEndian(span[(offset + 2)..], image.Width);
        BinaryPrimitives.WriteUInt16BigEndian(span[(offset + 4)..], image.Height);
        span[offset + 6] = image.ColorSpace;
        span[offset + 7] = image.SourceType;
        BinaryPrimitives.WriteUInt16BigEndian(span[(offset + 8)..], image.DeviceType);
        BinaryPrimitives.WriteUInt16BigEndian(span[(offset + 10)..], image.Quality);
        image.ImageData.CopyTo(span[(offset + 12)..]);
        return image.EncodedLength;
    }

    private static (FaceImageInfo Image, int Consumed) ReadImage(ReadOnlySpan<byte> span, int number)
    {
        if (span.Length < 32)
            throw new FormatException($"Facial record: image {number} is truncated.");
        int length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(span));
        int pointCount = BinaryPrimitives.ReadUInt16BigEndian(span[4..]);
        int imageOffset = 20 + 8 * pointCount + 12;
        if (length < imageOffset || length > span.Length)
            throw new FormatException($"Facial record: image {number} declares length {length}, which does not fit the record.");
        var points = new List<FacialFeaturePoint>(pointCount);
        for (int p = 0; p < pointCount; p++)
        {
            var point = span.Slice(20 + 8 * p, 8);
            points.Add(new FacialFeaturePoint(point[0], (byte)(point[1] >> 4), (byte)(point[1] & 0x0F),
                BinaryPrimitives.ReadUInt16BigEndian(point[2..]), BinaryPrimitives.ReadUInt16BigEndian(point[4..])));
        }
        var info = span[(20 + 8 * pointCount)..];
        var image = new FaceImageInfo
        {
            Gender = span[6],
            EyeColor = span[7],
            HairColor = span[8],
            FeatureMask = span[9] << 16 | span[10] << 8 | span[11],
            Expression = BinaryPrimitives.ReadUInt16BigEndian(span[12..]),
            PoseAngle = span[14..17].ToArray(),
            PoseAngleUncertainty = span[17..20].ToArray(),
            FeaturePoints = points,
            FaceImageType = (FaceImageType)info[0],
            ImageDataType = (FaceImageDataType)info[1],
            Width = BinaryPrimitives.ReadUInt16BigEndian(info[2..]),
            Height = BinaryPrimitives.ReadUInt16BigEndian(info[4..]),
            ColorSpace = info[6],
            SourceType = info[7],
            DeviceType = BinaryPrimitives.ReadUInt16BigEndian(info[8..]),
            Quality = BinaryPrimitives.ReadUInt16BigEndian(info[10..]),
            ImageData = span[imageOffset..length].ToArray(),
        };
        return (image, length);
    }
}
