using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Station.Service.Storage;

/// <summary>
/// Makes a LiteDB commit survive a power cut. LiteDB 5 writes a committed transaction to its log file
/// (<c>station-log.db</c>) but leaves it in the OS page cache: it syncs only at checkpoints, so a crash of the
/// process loses nothing while a power cut can lose the last commits, and with them the intent of a device action
/// that already happened. After each commit the log file is synced (<c>fdatasync</c>: ~0.4-0.7 ms here), once for
/// all commits written by then.
/// </summary>
internal sealed partial class LogFileSync(string databasePath) : IDisposable
{
    private readonly string _logPath = Path.Combine(
        Path.GetDirectoryName(databasePath)!, $"{Path.GetFileNameWithoutExtension(databasePath)}-log{Path.GetExtension(databasePath)}");
    private readonly Lock _gate = new();
    private SafeFileHandle? _log;
    private long _committed;
    private long _synced;

    /// <summary>Commits counted so far, each synced before its transaction returned.</summary>
    public long SyncedCommits => Interlocked.Read(ref _committed);

    /// <summary>Counts a commit LiteDB has written (call right after it, still inside the transaction lock).</summary>
    public long Committed() => Interlocked.Increment(ref _committed);

    /// <summary>
    /// Returns once commit number <paramref name="commit"/> is on the disk. Group commit: one <c>fdatasync</c> that
    /// starts after several commits were written covers all of them, so a caller may find its commit already synced.
    /// </summary>
    /// <exception cref="IOException">The disk refused to sync (the commit must be treated as not durable).</exception>
    public void FlushThrough(long commit)
    {
        lock (_gate)
        {
            if (_synced >= commit)
            {
                return;
            }

            var written = Interlocked.Read(ref _committed); // every commit counted so far is already written
            Flush();
            _synced = written;
        }
    }

    private void Flush()
    {
        if (_log is null)
        {
            if (!File.Exists(_logPath))
            {
                return;
            }

            // The handle stays open: LiteDB truncates the log at checkpoints but keeps the file until it closes.
            _log = File.OpenHandle(_logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            SyncDirectory(); // the new file's directory entry must be durable too
        }

        if (Fdatasync(_log) != 0)
        {
            throw new IOException($"Syncing {_logPath} to disk failed (errno {Marshal.GetLastPInvokeError()}); the station's last change may not survive a power cut.");
        }
    }

    private void SyncDirectory()
    {
        // .NET opens no directories as files, so this one goes through open(2); best effort, as some file systems
        // refuse fsync on a directory.
        var fd = Open(Path.GetDirectoryName(_logPath)!, ReadOnlyDirectory);
        if (fd >= 0)
        {
            _ = Fsync(fd);
            _ = Close(fd);
        }
    }

    private const int ReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY on Linux

    public void Dispose() => _log?.Dispose();

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int Fdatasync(SafeFileHandle fd);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
