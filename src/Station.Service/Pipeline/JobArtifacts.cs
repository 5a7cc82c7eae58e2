using LiteDB;
using Station.Personalization.Biometrics;
using Station.Service.Jobs;
using Station.Service.Storage;

namespace Station.Service.Pipeline;

/// <summary>
/// What capture and preparation produced for a job, kept so a redo after a crash uses the same portrait and fingers,
/// and deleted when the job ends (biometrics are not kept at the station once the card is issued).
/// <see cref="Put"/> joins the caller's transaction, so an artifact is stored together with its outcome record.
/// </summary>
public sealed class JobArtifacts(StationDatabase database, TimeProvider clock)
{
    public const string Portrait = "portrait";

    public static string Finger(FingerPosition position) => $"finger-{position}";

    public void Put(string jobId, string kind, byte[] data) => database.Artifacts.Upsert(new JobArtifact
    {
        Id = JobArtifact.IdOf(jobId, kind),
        JobId = jobId,
        Kind = kind,
        Data = data,
        CreatedUtc = clock.GetUtcNow().UtcDateTime,
    });

    public byte[]? Get(string jobId, string kind) => database.Artifacts.FindById(JobArtifact.IdOf(jobId, kind))?.Data;

    public bool Has(string jobId, string kind) => database.Artifacts.Exists(BsonExpression.Create("_id = @0", JobArtifact.IdOf(jobId, kind)));

    public void PutFinger(string jobId, FingerImage image) => Put(jobId, Finger(image.Position), FingerImageCodec.Encode(image));

    public FingerImage? GetFinger(string jobId, FingerPosition position) =>
        Get(jobId, Finger(position)) is { } bytes ? FingerImageCodec.Decode(bytes) : null;
}
