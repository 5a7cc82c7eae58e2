using System.Security.Cryptography;

namespace Station.Personalization.Chip;

/// <summary>
/// Per-card chip keys generated ahead of need on one background thread, so building a card's chip data does not
/// wait for key generation.
/// </summary>
/// <remarks>
/// <para>Why: a card needs two brainpoolP256r1 key pairs. OpenSSL has no optimized code for brainpool curves, so
/// each generation is a generic constant-time scalar multiplication, and .NET checks every new key
/// (<c>EC_KEY_check_key</c>: two more multiplications). That is about 2 ms of CPU per card on the station, far more
/// under load: more than the whole chip-data budget. Nothing in it can be reused or skipped without weakening the
/// keys, so the work is moved off the card's path instead.</para>
/// <para>Safety: the keys are the same as <see cref="ChipKeyFactory"/> makes, each handed out exactly once. The pool
/// is bounded (<see cref="Capacity"/>), lives only in this process's memory and is never persisted; on
/// <see cref="Dispose"/> (with the station) the thread stops and the private keys not handed out are zeroed.
/// The thread runs below normal priority so capture and printing come first. When the pool is empty (a burst of
/// cards), <see cref="Next"/> generates on the caller's thread rather than wait.</para>
/// </remarks>
public sealed class ChipKeyPool : IChipKeySource, IDisposable
{
    /// <summary>Enough for a burst of cards; a card takes far longer to print than a refill takes.</summary>
    public const int DefaultCapacity = 4;

    private readonly ChipKeyFactory factory;
    private readonly Queue<ChipKeyPairs> ready = new();
    private readonly object gate = new(); // a Monitor, not a Lock: the producer and WaitUntilFull wait on it
    private readonly Thread producer;
    private bool disposed;

    /// <param name="factory">Makes each card's keys (the curve comes from it).</param>
    /// <param name="capacity">How many cards' keys are kept ready; at least 1.</param>
    public ChipKeyPool(ChipKeyFactory factory, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.factory = factory;
        Capacity = capacity;
        producer = new Thread(Fill) { IsBackground = true, Priority = ThreadPriority.BelowNormal, Name = "Chip key pool" };
        producer.Start();
    }

    /// <summary>The most key sets kept ready.</summary>
    public int Capacity { get; }

    /// <summary>Key sets ready now.</summary>
    public int Available
    {
        get { lock (gate) return ready.Count; }
    }

    /// <summary>The generation error that stopped the background thread, if any; <see cref="Next"/> still works by
    /// generating on the caller's thread (and then reports the same error itself).</summary>
    public Exception? Failure { get; private set; }

    /// <summary>A fresh key set, handed out once: from the pool, or generated now when the pool is empty.</summary>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    public ChipKeyPairs Next()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (ready.TryDequeue(out var keys))
            {
                Monitor.PulseAll(gate); // wake the producer to refill
                return keys;
            }
        }
        return factory.Create();
    }

    /// <summary>Waits until the pool is full, e.g. once at station start so the first cards do not generate inline.</summary>
    /// <returns>True when full; false when the timeout passed, the pool was disposed or generation failed.</returns>
    public bool WaitUntilFull(TimeSpan timeout)
    {
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (gate)
        {
            while (ready.Count < Capacity && !disposed && Failure is null)
            {
                long left = deadline - Environment.TickCount64;
                if (left <= 0 || !Monitor.Wait(gate, TimeSpan.FromMilliseconds(left)))
                    break;
            }
            return ready.Count >= Capacity;
        }
    }

    /// <summary>Stops the background thread and zeroes the private keys that were never handed out.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            Monitor.PulseAll(gate);
        }
        producer.Join();
        lock (gate)
        {
            while (ready.TryDequeue(out var unused))
                Erase(unused);
        }
    }

    private void Fill()
    {
        while (true)
        {
            lock (gate)
            {
                while (!disposed && ready.Count >= Capacity)
                    Monitor.Wait(gate);
                if (disposed) return;
            }

            ChipKeyPairs keys;
            try
            {
                keys = factory.Create();
            }
            catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException)
            {
                lock (gate)
                {
                    Failure = e;
                    Monitor.PulseAll(gate);
                }
                return;
            }

            lock (gate)
            {
                if (disposed)
                {
                    Erase(keys);
                    return;
                }
                ready.Enqueue(keys);
                Monitor.PulseAll(gate);
            }
        }
    }

    private static void Erase(ChipKeyPairs keys)
    {
        CryptographicOperations.ZeroMemory(keys.Secrets.ChipAuthenticationPrivateKey);
        CryptographicOperations.ZeroMemory(keys.Secrets.ActiveAuthenticationPrivateKey);
    }

    /// <summary>For tests: whether the background thread still runs.</summary>
    internal bool IsFilling => producer.IsAlive;

    /// <summary>For tests: the key sets waiting to be handed out.</summary>
    internal IReadOnlyList<ChipKeyPairs> ReadyKeys()
    {
        lock (gate) return [.. ready];
    }
}
