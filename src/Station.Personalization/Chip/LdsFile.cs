namespace Station.Personalization.Chip;

/// <summary>One elementary file as stored on the chip: its file identifier, short name (e.g. <c>DG1</c>) and complete bytes (tag and length included).</summary>
public sealed record LdsFile(ushort Fid, string Name, byte[] Content);
