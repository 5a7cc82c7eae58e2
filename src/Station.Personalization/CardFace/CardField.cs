namespace Station.Personalization.CardFace;

/// <summary>One applicant field printed on a card side, under the profile's caption for it.</summary>
/// <param name="Field">An <see cref="ApplicantText"/> name, e.g. <c>placeOfResidence</c>.</param>
/// <param name="Prominent">Caption above and the value large and bold (ID number, name); otherwise "caption: value".</param>
/// <param name="MaxLines">Lines the value may wrap to; longer text ends with an ellipsis.</param>
public sealed record CardField(string Field, bool Prominent = false, int MaxLines = 1);
