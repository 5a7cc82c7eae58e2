using Microsoft.Extensions.Options;

namespace Station.Service.Signing;

/// <summary>Checks that each signer kind has the settings it needs, naming the missing key.</summary>
public sealed class SignerOptionsValidator : IValidateOptions<SignerOptions>
{
    public ValidateOptionsResult Validate(string? name, SignerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Require(string? value, string key)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"Signer:{key} is required when Signer:Kind is {options.Kind}.");
            }
        }

        switch (options.Kind)
        {
            case SignerKind.Development:
                break;
            case SignerKind.File:
                Require(options.KeyFile, nameof(SignerOptions.KeyFile));
                Require(options.CertificateFile, nameof(SignerOptions.CertificateFile));
                Require(options.CscaFile, nameof(SignerOptions.CscaFile));
                break;
            case SignerKind.Pkcs11:
                Require(options.Pkcs11Module, nameof(SignerOptions.Pkcs11Module));
                Require(options.TokenLabel, nameof(SignerOptions.TokenLabel));
                Require(options.KeyLabel, nameof(SignerOptions.KeyLabel));
                Require(options.CertificateFile, nameof(SignerOptions.CertificateFile));
                Require(options.CscaFile, nameof(SignerOptions.CscaFile));
                if (string.IsNullOrWhiteSpace(options.PinFile) && Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY") is null)
                {
                    failures.Add("Signer:PinFile is required when Signer:Kind is Pkcs11 (or run under systemd with LoadCredential=" + SignerOptions.PinCredentialName + ").");
                }

                break;
            default: // the binder takes a number for an enum too
                failures.Add($"Signer:Kind '{options.Kind}' is not one of {string.Join(", ", Enum.GetNames<SignerKind>())}.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
