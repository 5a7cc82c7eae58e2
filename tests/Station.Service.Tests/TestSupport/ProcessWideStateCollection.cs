namespace Station.Service.Tests.TestSupport;

/// <summary>Tests that measure process-wide state (e.g. LiteDB's expression cache) run alone, not beside other classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideStateCollection
{
    public const string Name = "Process-wide state";
}
