using System.Collections.Concurrent;

namespace Station.Service.Pipeline;

/// <summary>
/// Prepared cards by job id, in memory only: the chip's private keys must never reach the disk, so after a
/// restart a job's card is prepared again (with new keys).
/// </summary>
public sealed class PreparedCardCache
{
    private readonly ConcurrentDictionary<string, PreparedCard> _cards = new();

    public bool TryGet(string jobId, out PreparedCard card) => _cards.TryGetValue(jobId, out card!);

    public void Set(string jobId, PreparedCard card) => _cards[jobId] = card;

    public void Forget(string jobId) => _cards.TryRemove(jobId, out _);

    /// <summary>Forgets every card but those of <paramref name="jobIds"/>, e.g. of a job cancelled after it was prepared ahead.</summary>
    public void Keep(IReadOnlyCollection<string> jobIds)
    {
        foreach (var jobId in _cards.Keys.Where(id => !jobIds.Contains(id)))
        {
            Forget(jobId);
        }
    }

    public int Count => _cards.Count;
}
