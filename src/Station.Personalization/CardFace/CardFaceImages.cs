namespace Station.Personalization.CardFace;

/// <summary>The printed card: front and back as PNG images at the printer's resolution.</summary>
public sealed record CardFaceImages(byte[] FrontPng, byte[] BackPng);
