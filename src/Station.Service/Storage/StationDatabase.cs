using System.Text;
using LiteDB;
using Station.Service.Jobs;
using Station.Service.Outbox;
using Station.Service.Stock;

namespace Station.Service.Storage;

/// <summary>
/// The one LiteDB file (<c>station.db</c>) that holds all station state: jobs, card stock, job artifacts and the outbox.
/// Opened in direct mode (one process) with LiteDB's write-ahead log. A file that is not Station's is reported and
/// left untouched, never repaired. Write transactions are short and synchronous: LiteDB binds a transaction to the
/// calling thread, so nothing is awaited inside <see cref="InTransaction{T}"/>.
/// </summary>
public sealed class StationDatabase : IDisposable
{
    public const string FileName = "station.db";
    public const int SchemaVersion = 1;

    // LiteDB 5 writes this text at byte 32 of the header page of every data file.
    private static readonly byte[] LiteDbHeader = Encoding.ASCII.GetBytes("** This is a LiteDB file **");
    private const int LiteDbHeaderOffset = 32;

    public const string LockFileName = "station.lock";

    private readonly FileStream _lock;
    private readonly LogFileSync _logSync;
    private readonly object _transactions = new();
    private List<Action>? _afterCommit; // of the open transaction; guarded by _transactions

    private StationDatabase(string filePath, LiteDatabase database, FileStream processLock)
    {
        _lock = processLock;
        _logSync = new LogFileSync(filePath);
        FilePath = filePath;
        Database = database;
        Jobs = database.GetCollection<Job>("jobs");
        Cards = database.GetCollection<CardRecord>("cards");
        StockLoads = database.GetCollection<StockLoad>("stock_loads");
        Counters = database.GetCollection<StockCounters>("stock");
        Artifacts = database.GetCollection<JobArtifact>("artifacts");
        Outbox = database.GetCollection<OutboxMessage>("outbox", BsonAutoId.Int64);
        OpenJobs = database.GetCollection<OpenJob>(OpenJobsCollection);
    }

    private const string OpenJobsCollection = "open_jobs";

    public string FilePath { get; }

    /// <summary>The open database, for collections owned by other parts (e.g. the center link reading <see cref="Outbox"/>).</summary>
    public LiteDatabase Database { get; }

    public ILiteCollection<Job> Jobs { get; }
    public ILiteCollection<CardRecord> Cards { get; }
    public ILiteCollection<StockLoad> StockLoads { get; }
    public ILiteCollection<StockCounters> Counters { get; }
    public ILiteCollection<JobArtifact> Artifacts { get; }
    public ILiteCollection<OutboxMessage> Outbox { get; }

    /// <summary>The ids of the jobs that have not ended (see <see cref="OpenJob"/>).</summary>
    public ILiteCollection<OpenJob> OpenJobs { get; }

    /// <summary>Opens (or creates) <c>station.db</c> in <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="StationDatabaseException">The file is foreign, corrupt, locked by another process or of a newer schema.</exception>
    public static StationDatabase Open(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        var processLock = AcquireProcessLock(dataDirectory, path);
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length == 0)
            {
                CreateNew(path);
            }

            RejectIfNotLiteDb(path);
            return OpenLocked(path, processLock);
        }
        catch
        {
            processLock.Dispose();
            throw;
        }
    }

    private static StationDatabase OpenLocked(string path, FileStream processLock)
    {
        LiteDatabase database;
        try
        {
            database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, Upgrade = false }, CreateMapper());
        }
        catch (IOException e)
        {
            throw new StationDatabaseException($"{path} is in use by another process ({e.Message}). Stop the other station process or use another --data-dir.", e);
        }
        catch (Exception e) when (e is not StationDatabaseException)
        {
            throw new StationDatabaseException($"{path} cannot be read as a Station database ({e.Message}). It was left untouched; move it away to start afresh.", e);
        }

        try
        {
            var hadOpenJobs = database.CollectionExists(OpenJobsCollection);
            var opened = new StationDatabase(path, database, processLock);
            opened.CheckSchema();
            opened.EnsureIndexes();
            if (!hadOpenJobs)
            {
                opened.ListOpenJobs();
            }
            return opened;
        }
        catch (Exception e)
        {
            database.Dispose();
            throw e is StationDatabaseException ? e : new StationDatabaseException($"{path} cannot be read as a Station database ({e.Message}). It was left untouched; move it away to start afresh.", e);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> as one LiteDB transaction: all of it is committed, or none of it; once this
    /// returns, the commit is on the disk (see <see cref="LogFileSync"/>).
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        // One explicit transaction at a time: the pipeline's two lanes, the control socket and the center link all
        // write several collections per transaction, and LiteDB takes their locks in the order they are touched.
        T result;
        long commit;
        List<Action>? afterCommit;
        lock (_transactions)
        {
            if (!Database.BeginTrans())
            {
                throw new InvalidOperationException("A Station transaction is already open on this thread; transactions do not nest.");
            }

            try
            {
                result = work();
                Database.Commit();
                commit = _logSync.Committed();
            }
            catch
            {
                Database.Rollback();
                throw;
            }
            finally
            {
                (afterCommit, _afterCommit) = (_afterCommit, null);
            }
        }

        // Synced outside the lock, so the next transaction is written meanwhile and one sync can cover both.
        _logSync.FlushThrough(commit);
        afterCommit?.ForEach(action => action());
        return result;
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the open transaction is committed and on the disk, on the committing
    /// thread; not at all when it is rolled back. Outside <see cref="InTransaction{T}"/> (auto-committed writes) it
    /// runs at once. For telling other threads about data they can only read once it is committed; the action must not
    /// throw, since the caller of <see cref="InTransaction{T}"/> would take its exception for a failed transaction.
    /// </summary>
    public void AfterCommit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (Monitor.IsEntered(_transactions))
        {
            (_afterCommit ??= []).Add(action);
        }
        else
        {
            action();
        }
    }

    /// <summary>Whether this thread is inside <see cref="InTransaction{T}"/> (a write now joins that transaction).</summary>
    public bool InTransactionOnThisThread => Monitor.IsEntered(_transactions);

    /// <summary>Transactions committed through <see cref="InTransaction{T}"/> since the database was opened, each synced to the disk.</summary>
    internal long SyncedCommits => _logSync.SyncedCommits;

    public void InTransaction(Action work) => InTransaction(() =>
    {
        work();
        return true;
    });

    public void Dispose()
    {
        _logSync.Dispose();
        Database.Dispose();
        _lock.Dispose();
    }

    /// <summary>
    /// LiteDB's direct mode does not stop a second process from opening the same file, which would corrupt it, so
    /// the station holds an exclusive lock (flock, released by the kernel even on SIGKILL) on <c>station.lock</c>.
    /// </summary>
    private static FileStream AcquireProcessLock(string dataDirectory, string databasePath)
    {
        var lockPath = Path.Combine(dataDirectory, LockFileName);
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new StationDatabaseException($"{databasePath} is in use by another station process (lock {lockPath} is held). Use the running service (station job/stock commands reach it), or stop it first.", e)
            {
                IsLocked = true,
            };
        }
    }

    /// <summary>
    /// Creates the file beside its final name and renames it into place once it holds the schema document, so
    /// <c>station.db</c> either does not exist or is marked as Station's: a file without the mark is never ours.
    /// </summary>
    private static void CreateNew(string path)
    {
        var fresh = path + ".new";
        File.Delete(fresh);
        File.Delete(Path.Combine(Path.GetDirectoryName(fresh)!, Path.GetFileNameWithoutExtension(fresh) + "-log" + Path.GetExtension(fresh)));
        using (var database = new LiteDatabase(new ConnectionString { Filename = fresh, Connection = ConnectionType.Direct }, CreateMapper()))
        {
            database.GetCollection<SchemaInfo>("meta").Insert(new SchemaInfo { Version = SchemaVersion, CreatedUtc = DateTime.UtcNow });
            database.Checkpoint();
        }

        File.Move(fresh, path, overwrite: true);
    }

    private static void RejectIfNotLiteDb(string path)
    {
        var header = new byte[LiteDbHeaderOffset + LiteDbHeader.Length];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read < header.Length || !header.AsSpan(LiteDbHeaderOffset).SequenceEqual(LiteDbHeader))
        {
            throw new StationDatabaseException($"{path} is not a Station database (it is not a LiteDB 5 file). It was left untouched; move it away or choose another --data-dir.");
        }
    }

    private void CheckSchema()
    {
        var meta = Database.GetCollection<SchemaInfo>("meta");
        var schema = meta.FindById(SchemaInfo.DocumentId);
        if (schema is null)
        {
            var others = Database.GetCollectionNames().Where(n => n != "meta").ToList();
            throw new StationDatabaseException(others.Count > 0
                ? $"{FilePath} is a LiteDB file of another application (collections: {string.Join(", ", others)}). It was left untouched; move it away or choose another --data-dir."
                : $"{FilePath} is a LiteDB file without Station's schema mark (foreign or damaged). It was left untouched; move it away or choose another --data-dir.");
        }

        if (schema.Application != SchemaInfo.ApplicationName)
        {
            throw new StationDatabaseException($"{FilePath} belongs to '{schema.Application}', not Station. It was left untouched.");
        }

        if (schema.Version > SchemaVersion)
        {
            throw new StationDatabaseException($"{FilePath} has schema version {schema.Version}; this station understands up to {SchemaVersion}. Install a newer station.");
        }
    }

    /// <summary>
    /// Creates every collection with its indexes now, on the opening thread. LiteDB 5 closes the whole engine when a
    /// collection is read while another transaction is creating it (LiteDB issue 2792, still in 5.0.21), and the
    /// pipeline, the center link and telemetry touch these collections from different threads.
    /// </summary>
    private void EnsureIndexes()
    {
        Jobs.EnsureIndex(j => j.ApplicationId, unique: true);
        Jobs.EnsureIndex(j => j.State);
        Cards.EnsureIndex(c => c.Serial, unique: true);
        Cards.EnsureIndex(c => c.JobId);
        Artifacts.EnsureIndex(a => a.JobId);
        StockLoads.EnsureIndex(l => l.FirstSerial);
        Counters.EnsureIndex(c => c.Loaded);
        Outbox.EnsureIndex(m => m.Kind);
    }

    /// <summary>Fills <see cref="OpenJobs"/> in a file written before it existed (or still empty when it was new).</summary>
    private void ListOpenJobs() => InTransaction(() =>
    {
        foreach (var job in Jobs.FindAll().Where(j => !j.IsEnded))
        {
            OpenJobs.Upsert(new OpenJob { Id = job.Id });
        }

        // LiteDB makes a collection with its first document (an index on _id is no index to make): a placeholder
        // added and removed creates it here, on the opening thread (see EnsureIndexes), and this runs once per file.
        const string placeholder = "placeholder"; // not a job id (those are 24 hex digits); an empty id would be replaced by a new ObjectId
        OpenJobs.Insert(new OpenJob { Id = placeholder });
        OpenJobs.Delete(placeholder);
    });

    private static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper { EnumAsInteger = false, SerializeNullValues = false };
        // LiteDB reads DateTime back as local time; the station keeps UTC everywhere.
        mapper.RegisterType<DateTime>(d => new BsonValue(d.ToUniversalTime()), b => b.AsDateTime.ToUniversalTime());
        return mapper;
    }
}
