using System.Security.Cryptography;
using LiteDB;
using Station.Service.Storage;
using Station.Service.Tests.TestSupport;

namespace Station.Service.Tests.Storage;

public sealed class StationDatabaseTests : IDisposable
{
    private readonly string _dir = TestStation.NewDataDir();

    private string DbPath => Path.Combine(_dir, StationDatabase.FileName);

    [Fact]
    public void CreatesAndReopensItsOwnFile()
    {
        using (var db = StationDatabase.Open(_dir))
        {
            Assert.Equal(DbPath, db.FilePath);
            db.Database.GetCollection("meta").FindById("schema");
        }

        using var again = StationDatabase.Open(_dir);
        var schema = again.Database.GetCollection<SchemaInfo>("meta").FindById(SchemaInfo.DocumentId);
        Assert.Equal(("station", StationDatabase.SchemaVersion), (schema.Application, schema.Version));
    }

    [Fact]
    public void AFileThatIsNotLiteDbIsReportedAndLeftUntouched()
    {
        var junk = RandomNumberGenerator.GetBytes(20_000);
        File.WriteAllBytes(DbPath, junk);

        var error = Assert.Throws<StationDatabaseException>(() => StationDatabase.Open(_dir));
        Assert.Contains(DbPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a Station database", error.Message, StringComparison.Ordinal);
        Assert.Equal(junk, File.ReadAllBytes(DbPath));
    }

    [Fact]
    public void ATextFileIsReportedAndLeftUntouched()
    {
        File.WriteAllText(DbPath, "hello");
        var error = Assert.Throws<StationDatabaseException>(() => StationDatabase.Open(_dir));
        Assert.Contains(DbPath, error.Message, StringComparison.Ordinal);
        Assert.Equal("hello", File.ReadAllText(DbPath));
    }

    [Fact]
    public void ALiteDbFileOfAnotherApplicationIsReportedAndItsDataKept()
    {
        using (var other = new LiteDatabase(new ConnectionString { Filename = DbPath, Connection = ConnectionType.Direct }))
        {
            other.GetCollection("customers").Insert(new BsonDocument { ["name"] = "Alice" });
        }

        var before = SHA256.HashData(File.ReadAllBytes(DbPath));
        var error = Assert.Throws<StationDatabaseException>(() => StationDatabase.Open(_dir));
        Assert.Contains(DbPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("another application", error.Message, StringComparison.Ordinal);
        Assert.Contains("customers", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(DbPath)));
    }

    [Fact]
    public void ACorruptStationFileIsReportedAndNotRepaired()
    {
        using (var db = StationDatabase.Open(_dir))
        {
            db.Database.Checkpoint();
        }

        // Keep LiteDB's header but wreck every page after it.
        var bytes = File.ReadAllBytes(DbPath);
        var wrecked = bytes.ToArray();
        RandomNumberGenerator.Fill(wrecked.AsSpan(100, 8192 - 100));
        RandomNumberGenerator.Fill(wrecked.AsSpan(8192));
        File.WriteAllBytes(DbPath, wrecked);

        var error = Assert.Throws<StationDatabaseException>(() => StationDatabase.Open(_dir));
        Assert.Contains(DbPath, error.Message, StringComparison.Ordinal);
        Assert.Equal(wrecked, File.ReadAllBytes(DbPath));
    }

    [Fact]
    public void ALiteDbFileWithoutTheSchemaMarkIsRefusedNotAdopted()
    {
        using (new LiteDatabase(new ConnectionString { Filename = DbPath, Connection = ConnectionType.Direct }))
        {
        }

        var before = File.ReadAllBytes(DbPath);
        var error = Assert.Throws<StationDatabaseException>(() => StationDatabase.Open(_dir));
        Assert.Contains("without Station's schema mark", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(DbPath));
    }

    [Fact]
    public void AHalfCreatedFileFromACrashDuringCreationIsDiscarded()
    {
        File.WriteAllBytes(DbPath + ".new", [1, 2, 3]);
        using var db = StationDatabase.Open(_dir);
        Assert.False(File.Exists(DbPath + ".new"));
        Assert.Equal(StationDatabase.SchemaVersion, db.Database.GetCollection<SchemaInfo>("meta").FindById(SchemaInfo.DocumentId).Version);
    }

    [Fact]
    public void ANewerSchemaIsRefused()
    {
        using (var db = StationDatabase.Open(_dir))
        {
            var meta = db.Database.GetCollection<SchemaInfo>("meta");
            var schema = meta.FindById(SchemaInfo.DocumentId);
            schema.Version = StationDatabase.SchemaVersion + 1;
            meta.Update(schema);
        }

        var error = Assert.Throws<StationDatabaseException>(() => StationDatabase.Open(_dir));
        Assert.Contains("schema version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondOpenerIsRefusedWhileTheFirstHoldsTheDatabase()
    {
        using (StationDatabase.Open(_dir))
        {
            var error = Assert.Throws<StationDatabaseException>(() => StationDatabase.Open(_dir));
            Assert.True(error.IsLocked);
            Assert.Contains("in use by another station process", error.Message, StringComparison.Ordinal);
        }

        using var afterwards = StationDatabase.Open(_dir);
    }

    [Fact]
    public void TransactionsDoNotNest()
    {
        using var db = StationDatabase.Open(_dir);
        var error = Assert.Throws<InvalidOperationException>(() => db.InTransaction(() => db.InTransaction(() => { })));
        Assert.Contains("do not nest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAfterCommitActionRunsOnceTheTransactionIsCommittedAndNeverForARollback()
    {
        using var db = StationDatabase.Open(_dir);
        var seen = new List<int>();
        var notes = db.Database.GetCollection<BsonDocument>("notes");

        db.InTransaction(() =>
        {
            notes.Insert(new BsonDocument { ["_id"] = 1 });
            db.AfterCommit(() => seen.Add(notes.Count())); // reads what the transaction committed
            Assert.Empty(seen);
        });
        Assert.Equal([1], seen);

        Assert.Throws<InvalidOperationException>(() => db.InTransaction(() =>
        {
            notes.Insert(new BsonDocument { ["_id"] = 2 });
            db.AfterCommit(() => seen.Add(-1));
            throw new InvalidOperationException("the step failed");
        }));
        db.InTransaction(() => notes.Insert(new BsonDocument { ["_id"] = 3 })); // a rolled-back action does not linger
        Assert.Equal([1], seen);

        db.AfterCommit(() => seen.Add(0)); // outside a transaction: at once
        Assert.Equal([1, 0], seen);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
