using Station.Personalization.Applicants;
using Station.Personalization.CardFace;
using Station.Personalization.Chip;
using Station.Personalization.Profiles;

namespace Station.Service.Pipeline;

/// <summary>Renders the card faces with the applicant's country profile layout.</summary>
public sealed class ProfileCardFaceRenderer(ProfileRegistry profiles) : ICardFaceRenderer
{
    public CardFaceImages Render(Applicant applicant, ChipImage chip, byte[] portraitJpeg) =>
        CardFaceRenderer.Render(applicant, chip.MrzLines, portraitJpeg, profiles.Get(applicant.Profile));
}
