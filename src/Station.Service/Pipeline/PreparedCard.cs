using Station.Personalization.CardFace;
using Station.Personalization.Chip;

namespace Station.Service.Pipeline;

/// <summary>A job's chip image (with its private keys) and card face, held in memory only until the job ends.</summary>
public sealed record PreparedCard(ChipImage Chip, CardFaceImages Face);
