using System.Threading.Channels;

namespace Station.Devices.Simulation;

/// <summary>
/// Writes the files a simulator keeps (printed faces, locked chips) on one background task, so the simulated device
/// answers as fast as a real one while its files follow a moment later. The queue is bounded: a slow disk slows the
/// device down instead of filling memory. <see cref="Drain"/> and <see cref="Dispose"/> wait for every queued write.
/// </summary>
public sealed class BackgroundFileWriter : IDisposable
{
    private readonly Channel<Action> _writes = Channel.CreateBounded<Action>(
        new BoundedChannelOptions(16) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Task _writer;

    public BackgroundFileWriter() => _writer = Task.Run(WriteAllAsync);

    /// <summary>Queues a write; blocks only while the queue is full.</summary>
    public void Enqueue(Action write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!_writes.Writer.TryWrite(write))
        {
            _writes.Writer.WriteAsync(write).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Waits until every write queued so far is done.</summary>
    public void Drain()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(done.SetResult);
        done.Task.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _writes.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
    }

    private async Task WriteAllAsync()
    {
        await foreach (var write in _writes.Reader.ReadAllAsync())
        {
            try
            {
                write();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A keepsake that cannot be written is skipped: the card itself was printed or locked, and one
                // failed write must not stop the writes queued behind it.
            }
        }
    }
}
