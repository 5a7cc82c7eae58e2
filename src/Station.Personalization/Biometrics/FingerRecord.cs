using System.Buffers.Binary;

namespace Station.Personalization.Biometrics;

/// <summary>
/// An ISO/IEC 19794-4:2005 finger image record (a biometric data block of DG3): the 32-byte general header
/// (<c>FIR\0</c> <c>010\0</c>, 6-byte record length, resolutions, compression) and one or more finger views.
/// </summary>
public sealed record FingerRecord
{
    private static ReadOnlySpan<byte> FormatIdentifier => "FIR\0"u8;
    private static ReadOnlySpan<byte> Version => "010\0"u8;
    private const int HeaderLength = 32;

    public ushort CaptureDeviceId { get; init; }
    /// <summary>Image acquisition level (e.g. 31 for 500 ppi).</summary>
    public ushort AcquisitionLevel { get; init; } = 31;
    /// <summary>1 = pixels per inch, 2 = pixels per centimetre.</summary>
    public byte ScaleUnits { get; init; } = 1;
    public ushort ScanResolutionHorizontal { get; init; } = 500;
    public ushort ScanResolutionVertical { get; init; } = 500;
    public ushort ImageResolutionHorizontal { get; init; } = 500;
    public ushort ImageResolutionVertical { get; init; } = 500;
    public byte PixelDepth { get; init; } = 8;
    public FingerImageCompression Compression { get; init; }
    public required IReadOnlyList<FingerImageInfo> Images { get; init; }

    public byte[] Encode()
    {
        long length = HeaderLength + Images.Sum(i => (long)i.EncodedLength);
        var buffer = new byte[length];
        var span = buffer.AsSpan();
        FormatIdentifier.CopyTo(span);
        Version.CopyTo(span[4..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)(length >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(span[10..], (uint)length);
        BinaryPrimitives.WriteUInt16BigEndian(span[14..], CaptureDeviceId);
        BinaryPrimitives.WriteUInt16BigEndian(span[16..], AcquisitionLevel);
        span[18] = checked((byte)Images.Count);
        span[19] = ScaleUnits;
        BinaryPrimitives.WriteUInt16BigEndian(span[20..], ScanResolutionHorizontal);
        BinaryPrimitives.WriteUInt16BigEndian(span[22..], ScanResolutionVertical);
        BinaryPrimitives.WriteUInt16BigEndian(span[24..], ImageResolutionHorizontal);
        BinaryPrimitives.WriteUInt16BigEndian(span[26..], ImageResolutionVertical);
        span[28] = PixelDepth;
        span[29] = (byte)Compression;
        int offset = HeaderLength;
        foreach (var image in Images)
        {
            var view = span[offset..];
            BinaryPrimitives.WriteUInt32BigEndian(view, (uint)image.EncodedLength);
            view[4] = (byte)image.Position;
            view[5] = image.ViewCount;
            view[6] = image.ViewNumber;
            view[7] = image.Quality;
            view[8] = image.ImpressionType;
            BinaryPrimitives.WriteUInt16BigEndian(view[9..], image.Width);
            BinaryPrimitives.WriteUInt16BigEndian(view[11..], image.Height);
            image.ImageData.CopyTo(view[14..]);
            offset += image.EncodedLength;
        }
        return buffer;
    }

    public static FingerRecord Decode(ReadOnlySpan<byte> record)
    {
        if (record.Length < HeaderLength || !record[..4].SequenceEqual(FormatIdentifier))
            throw new FormatException("Finger record: does not start with the ISO/IEC 19794-4 identifier 'FIR\\0'.");
        if (!record[4..8].SequenceEqual(Version))
            throw new FormatException($"Finger record: version {Convert.ToHexString(record[4..8])} is not 19794-4:2005 '010\\0'.");
        long length = (long)BinaryPrimitives.ReadUInt16BigEndian(record[8..]) << 32 | BinaryPrimitives.ReadUInt32BigEndian(record[10..]);
        if (length != record.Length)
            throw new FormatException($"Finger record: header says {length} bytes but the block holds {record.Length}.");
        int count = record[18];
        var images = new List<FingerImageInfo>(count);
        int offset = HeaderLength;
        for (int i = 0; i < count; i++)
        {
            var view = record[offset..];
            int viewLength = view.Length >= 14 ? checked((int)BinaryPrimitives.ReadUInt32BigEndian(view)) : -1;
            if (viewLength < 14 || viewLength > view.Length)
                throw new FormatException($"Finger record: view {i + 1} declares length {viewLength}, which does not fit the record.");
            images.Add(new FingerImageInfo
            {
                Position = (FingerPosition)view[4],
                ViewCount = view[5],
                ViewNumber = view[6],
                Quality = view[7],
                ImpressionType = view[8],
                Width = BinaryPrimitives.ReadUInt16BigEndian(view[9..]),
                Height = BinaryPrimitives.ReadUInt16BigEndian(view[11..]),
                ImageData = view[14..viewLength].ToArray(),
            });
            offset += viewLength;
        }
        if (offset != record.Length)
            throw new FormatException($"Finger record: {record.Length - offset} bytes after the last view.");
        return new FingerRecord
        {
            CaptureDeviceId = BinaryPrimitives.ReadUInt16BigEndian(record[14..]),
            AcquisitionLevel = BinaryPrimitives.ReadUInt16BigEndian(record[16..]),
            ScaleUnits = record[19],
            ScanResolutionHorizontal = BinaryPrimitives.ReadUInt16BigEndian(record[20..]),
            ScanResolutionVertical = BinaryPrimitives.ReadUInt16BigEndian(record[22..]),
            ImageResolutionHorizontal = BinaryPrimitives.ReadUInt16BigEndian(record[24..]),
            ImageResolutionVertical = BinaryPrimitives.ReadUInt16BigEndian(record[26..]),
            PixelDepth = record[28],
            Compression = (FingerImageCompression)record[29],
            Images = images,
        };
    }
}
