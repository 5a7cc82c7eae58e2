using System.Collections.Concurrent;

namespace Station.Devices.Simulation;

/// <summary>Shared constants of <see cref="SimulatedImageCache{T}"/>.</summary>
public static class SimulatedImageCache
{
    /// <summary>How many different images a simulated sensor cycles through.</summary>
    public const int Variants = 8;
}

/// <summary>
/// Renders each of a few seeded variants once and hands them out in turn: capture n gets variant
/// <c>baseSeed + n mod Variants</c>. Keeps simulated captures deterministic without drawing an image per card.
/// </summary>
public sealed class SimulatedImageCache<T>(Func<int, T> render)
{
    private readonly ConcurrentDictionary<int, T> _rendered = new();

    public T Get(int baseSeed, int capture) => _rendered.GetOrAdd(baseSeed + capture % SimulatedImageCache.Variants, render);
}
