using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Station.Devices;
using Station.Devices.Printer;
using Station.Devices.Simulation;
using Station.Devices.SmartCards;
using Station.Devices.SmartCards.Pcsc;
using Station.Devices.SmartCards.Simulation;
using Station.Personalization.Applicants;
using Station.Personalization.Chip;
using Station.Personalization.ChipProfiles;
using Station.Personalization.Profiles;
using Station.Personalization.Signing;
using Station.Personalization.Verification;
using Station.Service.Pipeline;
using Station.Service.Signing;

namespace Station.Service.Hosting;

/// <summary>Registers the chip side of the station: intake, chip data and signing, card faces, the encoder and the personalizer.</summary>
public static class ChipServices
{
    public static IServiceCollection AddChipServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignerOptions>().Bind(configuration.GetSection(SignerOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SignerOptions>, SignerOptionsValidator>();
        services.AddOptions<EncoderOptions>().Bind(configuration.GetSection(EncoderOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<EncoderOptions>, EncoderOptionsValidator>();
        services.RefuseUnknownSettings<SignerOptions>(configuration, SignerOptions.Section)
            .RefuseUnknownSettings<EncoderOptions>(configuration, EncoderOptions.Section);

        services.AddSingleton(_ => ProfileRegistry.Load());
        services.AddSingleton<IApplicantIntake>(provider => new ApplicantIntake(provider.GetRequiredService<ProfileRegistry>(), provider.GetRequiredService<TimeProvider>()));
        // Per-card keys are made ahead on a background thread, off the card's path; the pool is disposed with the host.
        services.AddSingleton<IChipKeySource>(_ => new ChipKeyPool(new ChipKeyFactory()));
        services.AddSingleton(provider => SignerFactory.Create(
            provider.GetRequiredService<IOptions<SignerOptions>>().Value,
            provider.GetRequiredService<StationPaths>().DataDirectory,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("Station.Signer")));
        services.AddSingleton<IDocumentSigner>(provider => provider.GetRequiredService<SignerSetup>().Signer);
        services.AddSingleton(provider => provider.GetRequiredService<SignerSetup>().Csca);
        services.AddSingleton<IChipDataBuilder, ChipDataBuilder>();
        services.AddSingleton<ICardFaceRenderer, ProfileCardFaceRenderer>();
        services.AddSingleton<IPassiveAuthenticator, PassiveAuthenticator>();
        services.AddSingleton<IChipPersonalizer>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EncoderOptions>>().Value;
            var profile = ChipProfile.Load(options.ChipProfile);
            return new ChipPersonalizer(
                options.LoadKeys ? profile : profile with { KeyLoading = [] },
                provider.GetRequiredService<IPassiveAuthenticator>(),
                RandomNumberGenerator.Create(),
                provider.GetRequiredService<TimeProvider>(),
                new ChipPersonalizerOptions { Lock = options.Lock });
        });
        services.AddSingleton<IChipEncoder>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EncoderOptions>>().Value;
            return options.Kind == EncoderKind.Pcsc
                ? new PcscChipEncoder(new PcscChipEncoderOptions { ReaderName = string.IsNullOrWhiteSpace(options.Reader) ? null : options.Reader, ExtendedLe = options.ExtendedLe })
                : SimulatedEncoderAtPrinter(provider);
        });
        return services;
    }

    /// <summary>The simulated encoder gets a blank chip whenever the simulated printer brings a card to its chip station.</summary>
    private static SimulatedChipEncoder SimulatedEncoderAtPrinter(IServiceProvider provider)
    {
        var settings = provider.GetRequiredService<SimulationSettings>();
        var encoder = new SimulatedChipEncoder(new SimulatedChipEncoderOptions
        {
            Latency = settings.Latency.PerOperation,
            Seed = settings.Seed,
            CardFaults = () => CardFaultsFrom(settings.Faults),
            SavedChipsDirectory = provider.GetRequiredService<IOptions<SimulationOptions>>().Value.SavePrintedFaces
                ? provider.GetRequiredService<StationPaths>().SavedChips
                : null,
        });
        var printer = provider.GetRequiredService<SimulatedCardPrinter>();
        printer.CardArrivedAtChipStation += (_, _) => encoder.InsertBlankCard();
        printer.CardLeftChipStation += (_, _) => encoder.RemoveCard();
        return encoder;
    }

    /// <summary>
    /// Draws, for one card arriving at the chip station, the chip faults of the station's fault plan: a failing write
    /// (memory error on the card's second UPDATE BINARY), a card pulled away during its second write, or a mute card.
    /// </summary>
    internal static ChipFaults? CardFaultsFrom(FaultPlan plan)
    {
        var faults = new ChipFaults
        {
            FailWriteEvery = plan.ShouldFail(DeviceFault.ChipWriteError) ? 2 : 0,
            RemoveAtWrite = plan.ShouldFail(DeviceFault.CardRemoved) ? 2 : 0,
            MuteProbability = plan.ShouldFail(DeviceFault.ChipMute) ? 1 : 0,
        };
        return faults == new ChipFaults() ? null : faults;
    }
}
