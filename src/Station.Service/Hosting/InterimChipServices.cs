// INTERIM — delete this whole file at merge. It stands in for pieces other engineers are writing
// (ApplicantIntake, the chip data builder and signer, ChipPersonalizer, SimulatedChipEncoder, CardFaceRenderer,
// the CSCA) so the pipeline runs end to end today. At merge, register the real implementations in
// StationServices.AddStation (and wire SimulatedCardPrinter.CardArrivedAtChipStation/CardLeftChipStation to
// SimulatedChipEncoder.InsertBlankCard/RemoveCard) instead of calling AddInterimChipServices.
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Station.Devices;
using Station.Devices.Printer;
using Station.Devices.Simulation;
using Station.Devices.SmartCards;
using Station.Personalization.Apdu;
using Station.Personalization.Applicants;
using Station.Personalization.Biometrics;
using Station.Personalization.CardFace;
using Station.Personalization.Chip;
using Station.Service.Pipeline;

namespace Station.Service.Hosting;

/// <summary>INTERIM registrations for the chip-side ports; see the note at the top of the file.</summary>
public static class InterimChipServices
{
    public static IServiceCollection AddInterimChipServices(this IServiceCollection services)
    {
        services.AddSingleton<IApplicantIntake, InterimApplicantIntake>();
        services.AddSingleton<IChipDataBuilder, InterimChipDataBuilder>();
        services.AddSingleton<ICardFaceRenderer, InterimCardFaceRenderer>();
        services.AddSingleton<IChipPersonalizer, InterimChipPersonalizer>();
        services.AddSingleton<IChipEncoder>(provider =>
        {
            var encoder = new InterimChipEncoder(provider.GetRequiredService<SimulationSettings>());
            var printer = provider.GetRequiredService<SimulatedCardPrinter>();
            printer.CardArrivedAtChipStation += (_, _) => encoder.InsertBlankCard();
            printer.CardLeftChipStation += (_, _) => encoder.RemoveCard();
            return encoder;
        });
        services.AddSingleton(_ => new TrustAnchor(InterimCsca.Create()));
        return services;
    }
}

/// <summary>INTERIM: a minimal applicant reader (required fields, types, dates, sex); the real intake validates fully.</summary>
internal sealed class InterimApplicantIntake(TimeProvider clock) : IApplicantIntake
{
    public IntakeResult Validate(string applicantJson)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(applicantJson);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return new IntakeResult(null, [new FieldError("$", $"not valid JSON: {e.Message}")]);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return new IntakeResult(null, [new FieldError("$", "must be a JSON object")]);
        }

        var errors = new List<FieldError>();
        string? Text(string name, bool required)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    errors.Add(new FieldError(name, "is required"));
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                errors.Add(new FieldError(name, $"must be a string, not {value.ValueKind}"));
                return null;
            }

            return value.GetString();
        }

        DateOnly? Date(string name, bool required)
        {
            var text = Text(name, required);
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            errors.Add(new FieldError(name, $"'{text}' is not a real date in the form yyyy-MM-dd"));
            return null;
        }

        var applicationId = Text("applicationId", true);
        var profile = Text("profile", true);
        if (profile is not null and not "VNM" and not "ICAO-TD1")
        {
            errors.Add(new FieldError("profile", $"unknown profile '{profile}'; known: VNM, ICAO-TD1"));
        }

        var fullName = Text("fullName", true);
        var idNumber = Text("idNumber", true);
        if (idNumber is not null && (idNumber.Length != 12 || !idNumber.All(char.IsAsciiDigit)))
        {
            errors.Add(new FieldError("idNumber", "must be 12 digits"));
        }

        var birth = Date("dateOfBirth", true);
        var sex = Text("sex", true);
        if (sex is not null and not "M" and not "F")
        {
            errors.Add(new FieldError("sex", "must be M or F"));
        }

        var issue = Date("dateOfIssue", false);
        var expiry = Date("dateOfExpiry", false);
        var photo = Text("photo", false);
        byte[]? photoBytes = null;
        if (photo is not null)
        {
            try
            {
                photoBytes = Convert.FromBase64String(photo);
            }
            catch (FormatException)
            {
                errors.Add(new FieldError("photo", "must be base64"));
            }
        }

        if (errors.Count > 0)
        {
            return new IntakeResult(null, errors);
        }

        return new IntakeResult(new Applicant
        {
            ApplicationId = applicationId!,
            Profile = profile!,
            IdNumber = idNumber,
            FullName = fullName,
            DateOfBirth = birth!.Value,
            Sex = sex![0],
            Nationality = Text("nationality", false) ?? "VNM",
            DateOfIssue = issue ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            DateOfExpiry = expiry,
            Photo = photoBytes,
            Ethnicity = Text("ethnicity", false),
            Religion = Text("religion", false),
            PlaceOfOrigin = Text("placeOfOrigin", false),
            PlaceOfResidence = Text("placeOfResidence", false),
            FatherName = Text("fatherName", false),
            MotherName = Text("motherName", false),
            SpouseName = Text("spouseName", false),
            OldIdNumber = Text("oldIdNumber", false),
        }, []);
    }
}

/// <summary>INTERIM: chip data with placeholder content (hash-chained, unsigned) and fresh random per-card keys.</summary>
internal sealed class InterimChipDataBuilder : IChipDataBuilder
{
    public ChipImage Build(Applicant applicant, BiometricCapture biometrics)
    {
        var dg1 = Encoding.UTF8.GetBytes($"{applicant.IdNumber}|{applicant.FullName}|{applicant.DateOfBirth:yyyyMMdd}");
        var dg2 = SHA256.HashData(biometrics.FaceJpeg);
        var sod = SHA256.HashData([.. dg1, .. dg2]);
        return new ChipImage
        {
            Profile = applicant.Profile,
            Files = [new LdsFile(0x0101, "DG1", dg1), new LdsFile(0x0102, "DG2", dg2), new LdsFile(0x011D, "SOD", sod)],
            CardAccess = [],
            MrzLines = ["INTERIM", "INTERIM", "INTERIM"],
            MrzInformation = applicant.IdNumber ?? "",
            Can = applicant.IdNumber?[^6..],
            Secrets = new ChipSecrets(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32)),
        };
    }
}

/// <summary>INTERIM: a 1×1 PNG for both faces.</summary>
internal sealed class InterimCardFaceRenderer : ICardFaceRenderer
{
    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public CardFaceImages Render(Applicant applicant, ChipImage chip, byte[] portraitJpeg) => new(OnePixelPng, OnePixelPng);
}

/// <summary>INTERIM: sends one SELECT per file; the fault plan's <c>chip-write</c> fails writes.</summary>
internal sealed class InterimChipPersonalizer(SimulationSettings settings) : IChipPersonalizer
{
    public async Task WriteAsync(IApduTransport card, ChipImage image, CancellationToken cancellationToken)
    {
        foreach (var file in image.Files)
        {
            await card.TransmitAsync(new byte[] { 0x00, 0xA4, 0x02, 0x0C, 0x02, (byte)(file.Fid >> 8), (byte)file.Fid }, cancellationToken);
        }

        if (settings.Faults.ShouldFail(DeviceFault.ChipWriteError))
        {
            throw new ChipOperationException("ChipWriteFailed", "Simulated chip write error (fault plan chip-write).");
        }
    }

    public async Task VerifyAndLockAsync(IApduTransport card, ChipImage image, X509Certificate2 csca, CancellationToken cancellationToken) =>
        await card.TransmitAsync(new byte[] { 0x00, 0xB0, 0x00, 0x00, 0x04 }, cancellationToken);
}

/// <summary>INTERIM: a chip encoder that answers 90 00 while the printer holds a card at the chip station.</summary>
internal sealed class InterimChipEncoder(SimulationSettings settings) : IChipEncoder
{
    private volatile bool _cardPresent;

    public DeviceInfo Info { get; } = new("encoder", "Interim simulated encoder", "interim", Simulated: true);

    public DeviceStatus Status => new("encoder", "ok");

    public void InsertBlankCard() => _cardPresent = true;

    public void RemoveCard() => _cardPresent = false;

    public async Task<IChipConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        await settings.Latency.WaitAsync(cancellationToken);
        if (!_cardPresent)
        {
            throw new DeviceFaultException(DeviceFault.CardRemoved, "encoder", "No card at the chip station.");
        }

        settings.Faults.ThrowIfFails(DeviceFault.ChipMute, "encoder", "connect");
        return new Connection();
    }

    private sealed class Connection : IChipConnection
    {
        public byte[] Atr { get; } = [0x3B, 0x80, 0x80, 0x01, 0x01];
        public int MaxCommandDataLength => 255;
        public int MaxResponseDataLength => 256;

        public Task<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken) => Task.FromResult(new byte[] { 0x90, 0x00 });

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>INTERIM: a throw-away self-signed CSCA.</summary>
internal static class InterimCsca
{
    public static X509Certificate2 Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Interim CSCA, C=VN", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
    }
}
