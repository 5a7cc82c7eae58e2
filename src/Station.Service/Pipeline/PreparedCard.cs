using Station.Personalization.CardFace;
using Station.Personalization.Chip;

namespace Station.Service.Pipeline;

/// <summary>
/// A job's chip image (with its private keys) and its card face, which may still be being drawn; held in memory
/// only until the job ends.
/// </summary>
public sealed record PreparedCard(ChipImage Chip, Task<CardFaceImages> Face);
