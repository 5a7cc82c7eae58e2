using Station.Personalization.Applicants;
using Station.Personalization.CardFace;
using Station.Personalization.Chip;

namespace Station.Service.Pipeline;

/// <summary>The pipeline's port to the card-face layout: front and back images for the printer.</summary>
public interface ICardFaceRenderer
{
    CardFaceImages Render(Applicant applicant, ChipImage chip, byte[] portraitJpeg);
}
