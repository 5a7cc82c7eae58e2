namespace Station.Service.Tests.Cli;

/// <summary>Test classes that put a vicc card into vpcd reader 1 (port 35964): one at a time, never in parallel.</summary>
[CollectionDefinition(Name)]
public sealed class VpcdReader1Collection
{
    public const string Name = "vpcd reader 1";
}
