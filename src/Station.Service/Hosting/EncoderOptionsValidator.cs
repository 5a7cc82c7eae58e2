using Microsoft.Extensions.Options;
using Station.Personalization.ChipProfiles;

namespace Station.Service.Hosting;

/// <summary>Checks the encoder kind and that the chip profile is one the station ships, naming the key.</summary>
public sealed class EncoderOptionsValidator : IValidateOptions<EncoderOptions>
{
    public ValidateOptionsResult Validate(string? name, EncoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        // The binder takes a number for an enum too: Encoder:Kind=7 must not quietly mean the simulated encoder.
        if (!Enum.IsDefined(options.Kind))
        {
            failures.Add($"Encoder:Kind '{options.Kind}' is not one of {string.Join(", ", Enum.GetNames<EncoderKind>())}.");
        }

        if (!string.IsNullOrWhiteSpace(options.ChipProfile) && !ChipProfile.Available.Contains(options.ChipProfile))
        {
            failures.Add($"Encoder:ChipProfile '{options.ChipProfile}' is not a chip profile of this station; available: {string.Join(", ", ChipProfile.Available)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
