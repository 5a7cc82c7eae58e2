using Station.Personalization.Applicants;
using Station.Personalization.CardFace;
using Station.Personalization.Chip;
using Station.Service.Pipeline;

namespace Station.Service.Tests.TestSupport;

/// <summary>Test double for the card-face renderer: fixed bytes for front and back.</summary>
internal sealed class BlankCardFaceRenderer : ICardFaceRenderer
{
    public CardFaceImages Render(Applicant applicant, ChipImage chip, byte[] portraitJpeg) => new([1], [2]);
}
