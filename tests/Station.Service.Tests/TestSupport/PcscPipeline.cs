using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Station.Devices.Printer;
using Station.Devices.SmartCards;
using Station.Devices.SmartCards.Pcsc;
using Station.Personalization.Applicants;
using Station.Personalization.Biometrics;
using Station.Personalization.Chip;
using Station.Personalization.ChipProfiles;
using Station.Personalization.Verification;
using Station.Service.Tests.Testbed;

namespace Station.Service.Tests.TestSupport;

/// <summary>A <see cref="TestStation"/> whose encoder is the real <see cref="PcscChipEncoder"/> on vpcd reader 1.</summary>
internal sealed class PcscPipeline : IDisposable
{
    private PcscPipeline(TestStation station, InterruptingChipEncoder encoder)
    {
        Station = station;
        Encoder = encoder;
        Cards = new ViccChipStation(station.Get<SimulatedCardPrinter>());
    }

    public TestStation Station { get; }
    public InterruptingChipEncoder Encoder { get; }
    public ViccChipStation Cards { get; }

    public static PcscPipeline Create()
    {
        TestbedEnvironment.RequirePcscd();
        var encoder = new InterruptingChipEncoder(new PcscChipEncoder(new PcscChipEncoderOptions { ReaderName = ViccChipStation.ReaderName, ExtendedLe = false }));
        var station = TestStation.Create(configure: services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IChipEncoder>(encoder));
            services.Replace(ServiceDescriptor.Singleton<IChipDataBuilder>(provider => new SpecimenMrzChipDataBuilder(provider.GetRequiredService<StubChipDataBuilder>())));
            services.Replace(ServiceDescriptor.Singleton<IChipPersonalizer>(provider => new WriteOnlyChipPersonalizer(new ChipPersonalizer(
                ChipProfile.Load("iso7816-fs") with { KeyLoading = [] },
                provider.GetRequiredService<IPassiveAuthenticator>(),
                RandomNumberGenerator.Create(),
                TimeProvider.System,
                new ChipPersonalizerOptions { Lock = false }))));
        });
        return new PcscPipeline(station, encoder);
    }

    /// <summary>The stub image with a valid MRZ key seed (ICAO 9303 Appendix D specimen): the real personalizer derives the chip's keys from it.</summary>
    private sealed class SpecimenMrzChipDataBuilder(IChipDataBuilder inner) : IChipDataBuilder
    {
        public ChipImage Build(Applicant applicant, BiometricCapture biometrics) =>
            inner.Build(applicant, biometrics) with { MrzInformation = "L898902C<369080619406236" };
    }

    public void Dispose()
    {
        Cards.Dispose();
        Station.Dispose();
    }
}
