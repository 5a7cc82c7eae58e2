using System.Text.Json.Nodes;
using LiteDB;
using Microsoft.Extensions.Options;
using Station.Service.Events;
using Station.Service.Storage;

namespace Station.Service.Stock;

/// <summary>
/// The accountable blank cards. Every card taken ends as issued to one job or spoiled with a reason, and at every
/// commit <c>loaded = inHopper + inUse + issued + spoiled</c>. Methods that move a card join the caller's
/// transaction (the job store calls them inside its own, so the card and the job change together).
/// </summary>
public sealed class CardStock(StationDatabase database, IEventSink events, TimeProvider clock, IOptions<StockOptions> options)
{
    public const int MaxLoadCount = 100_000;

    /// <summary>Records a load of <paramref name="count"/> consecutive serials starting at <paramref name="firstSerial"/>.</summary>
    /// <exception cref="StockException">Bad serial or count, or a serial already loaded.</exception>
    public StockLoad Load(string firstSerial, int count, string source) =>
        database.InTransaction(() => LoadInTransaction(firstSerial, count, source));

    public StockSummary Summary()
    {
        var c = Counters();
        return new StockSummary(c.Loaded, c.InHopper, c.InUse, c.Issued, c.Spoiled);
    }

    public IReadOnlyList<CardRecord> Cards() => database.Cards.Query().OrderBy(c => c.Id).ToList();

    public CardRecord? Find(string serial) => database.Cards.FindOne(c => c.Serial == serial);

    /// <summary>Recounts every card and checks the counters, the stock identity and the sum of the loads.</summary>
    /// <exception cref="StockException">The stored stock is inconsistent; the message shows the counts.</exception>
    public StockSummary VerifyIdentity()
    {
        var byState = database.Cards.FindAll().GroupBy(c => c.State).ToDictionary(g => g.Key, g => (long)g.Count());
        var recount = new StockSummary(
            database.StockLoads.FindAll().Sum(l => (long)l.Count),
            byState.GetValueOrDefault(CardState.InHopper),
            byState.GetValueOrDefault(CardState.InUse),
            byState.GetValueOrDefault(CardState.Issued),
            byState.GetValueOrDefault(CardState.Spoiled));
        var stored = Summary();
        if (!recount.IdentityHolds || recount != stored)
        {
            throw new StockException(StockException.IdentityBroken, $"Card stock is inconsistent in {database.FilePath}: counted {recount}, counters say {stored}. Stop issuing and reconcile the cards by hand.");
        }

        return recount;
    }

    /// <summary>Takes the card at the head of the hopper for <paramref name="jobId"/>. Call inside a transaction.</summary>
    /// <exception cref="StockException"><see cref="StockException.HopperEmpty"/> when no card is left and auto-load is off.</exception>
    internal CardRecord TakeNext(string jobId)
    {
        var counters = Counters();
        if (counters.InHopper == 0 && options.Value.AutoLoad == true)
        {
            var next = database.Cards.FindById(counters.LastCardId) is { } last
                ? CardSerialNumber.Parse(last.Serial).Plus(1).ToString()
                : options.Value.AutoLoadFirstSerial;
            LoadInTransaction(next, options.Value.AutoLoadCount, "auto");
            counters = Counters();
        }

        if (counters.InHopper == 0)
        {
            throw new StockException(StockException.HopperEmpty, "The hopper is empty: load cards with 'station stock load --first SERIAL --count N'.");
        }

        var card = database.Cards.FindById(counters.NextCardId)
            ?? throw new StockException(StockException.IdentityBroken, $"Card #{counters.NextCardId} at the head of the hopper is missing from {database.FilePath}.");
        card.State = CardState.InUse;
        card.JobId = jobId;
        card.UpdatedUtc = Now;
        database.Cards.Update(card);
        counters.NextCardId++;
        counters.InHopper--;
        counters.InUse++;
        database.Counters.Upsert(counters);
        return card;
    }

    /// <summary>
    /// Puts the card <paramref name="jobId"/> took last back at the head of the hopper, for a feed the printer refused
    /// without moving a card (cover open, its hopper empty). Call inside a transaction.
    /// </summary>
    /// <exception cref="StockException"><see cref="StockException.NotHeld"/>: the card is not the last one taken, by this job.</exception>
    internal void ReturnToHopper(string serial, string jobId)
    {
        var counters = Counters();
        var card = Find(serial);
        if (card is not { State: CardState.InUse } || card.JobId != jobId || card.Id != counters.NextCardId - 1)
        {
            throw new StockException(StockException.NotHeld, $"Card {serial} is not the card job {jobId} took last; only that card can go back to the hopper.");
        }

        card.State = CardState.InHopper;
        card.JobId = null;
        card.UpdatedUtc = Now;
        database.Cards.Update(card);
        counters.NextCardId--;
        counters.InHopper++;
        counters.InUse--;
        database.Counters.Upsert(counters);
    }

    /// <summary>Marks a card in use as issued to its job. Call inside a transaction.</summary>
    internal void Issue(string serial, string jobId) => Finish(serial, jobId, CardState.Issued, null);

    /// <summary>Marks a card in use as spoiled and emits <c>CardSpoiled</c>. Call inside a transaction.</summary>
    internal void Spoil(string serial, string reason, string detail)
    {
        var card = Finish(serial, null, CardState.Spoiled, reason);
        OutboxEventSink.Emit(events, clock, EventTypes.CardSpoiled, new JsonObject
        {
            ["serial"] = serial,
            ["jobId"] = card.JobId,
            ["reason"] = reason,
            ["detail"] = detail,
        });
    }

    private CardRecord Finish(string serial, string? jobId, CardState state, string? reason)
    {
        var card = Find(serial) ?? throw new StockException(StockException.NotHeld, $"Card {serial} is not in the stock.");
        if (card.State != CardState.InUse || (jobId is not null && card.JobId != jobId))
        {
            throw new StockException(StockException.NotHeld, $"Card {serial} is {card.State} (job {card.JobId}); only a card in use by this job can become {state}.");
        }

        card.State = state;
        card.Reason = reason;
        card.UpdatedUtc = Now;
        database.Cards.Update(card);
        var counters = Counters();
        counters.InUse--;
        if (state == CardState.Issued)
        {
            counters.Issued++;
        }
        else
        {
            counters.Spoiled++;
        }

        database.Counters.Upsert(counters);
        return card;
    }

    private StockLoad LoadInTransaction(string firstSerial, int count, string source)
    {
        if (!CardSerialNumber.TryParse(firstSerial, out var first))
        {
            throw new StockException(StockException.BadLoad, $"--first '{firstSerial}' is not a card serial: expected {CardSerialNumber.FormatDescription}.");
        }

        if (count is < 1 or > MaxLoadCount)
        {
            throw new StockException(StockException.BadLoad, $"--count {count} is out of range: load 1 to {MaxLoadCount} cards at a time.");
        }

        CardSerialNumber last;
        try
        {
            last = first.Plus(count - 1);
        }
        catch (OverflowException)
        {
            throw new StockException(StockException.BadLoad, $"{count} cards from {first} run past the last serial with {first.Width} digits.");
        }

        // Serials of one prefix and width sort as text in number order, so one range query finds any overlap; serials
        // of another width can sort inside the range as text (VN000000002 between VN0000000011 and VN0000000020), and
        // are not the same serials.
        var clash = database.Cards.Find(BsonExpression.Create($"{nameof(CardRecord.Serial)} BETWEEN @0 AND @1", first.ToString(), last.ToString()))
            .FirstOrDefault(card => CardSerialNumber.TryParse(card.Serial, out var serial) && serial.Prefix == first.Prefix && serial.Width == first.Width);
        if (clash is not null)
        {
            throw new StockException(StockException.BadLoad, $"Serial {clash.Serial} is already in the stock ({clash.State}); a load must not repeat serials.");
        }

        var now = Now;
        var load = new StockLoad { FirstSerial = first.ToString(), LastSerial = last.ToString(), Count = count, Source = source, LoadedUtc = now };
        database.StockLoads.Insert(load);
        var counters = Counters();
        var cards = Enumerable.Range(0, count).Select(i => new CardRecord
        {
            Id = counters.LastCardId + 1 + i,
            Serial = first.Plus(i).ToString(),
            State = CardState.InHopper,
            LoadId = load.Id,
            UpdatedUtc = now,
        });
        database.Cards.InsertBulk(cards);
        counters.LastCardId += count;
        counters.Loaded += count;
        counters.InHopper += count;
        database.Counters.Upsert(counters);
        return load;
    }

    private StockCounters Counters() => database.Counters.FindById(StockCounters.DocumentId) ?? new StockCounters();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
