namespace Station.Devices.Tests.SmartCards.Vicc;

/// <summary>vpcd has one slot on port 35963, so tests that plug a vicc card into it never run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ViccCollection
{
    public const string Name = "vicc on vpcd";
}
