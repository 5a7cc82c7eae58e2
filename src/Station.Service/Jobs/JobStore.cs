using System.Text.Json.Nodes;
using LiteDB;
using Station.Service.Events;
using Station.Service.Stock;
using Station.Service.Storage;

namespace Station.Service.Jobs;

/// <summary>
/// The jobs collection. Every change goes through <see cref="Change"/>: one LiteDB transaction holding the job
/// update, its card moves and its outbox events. An ended job is never changed again.
/// </summary>
public sealed class JobStore(StationDatabase database, CardStock stock, IEventSink events, TimeProvider clock)
{
    private static readonly BsonValue[] OpenStates = Enum.GetValues<JobState>()
        .Where(s => s is not (JobState.Completed or JobState.Failed or JobState.Cancelled))
        .Select(s => new BsonValue(s.ToString()))
        .ToArray();

    public Job? Find(string jobId) => database.Jobs.FindById(jobId);

    public Job? FindByApplicationId(string applicationId) => database.Jobs.FindOne(j => j.ApplicationId == applicationId);

    /// <summary>All jobs, oldest first.</summary>
    public IReadOnlyList<Job> All() => database.Jobs.Query().OrderBy(j => j.Id).ToList();

    /// <summary>Jobs that have not ended, oldest first: the pipeline's work list.</summary>
    public IReadOnlyList<Job> Unfinished() => database.Jobs
        .Find(Query.In(nameof(Job.State), OpenStates))
        .OrderBy(j => j.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>The oldest <paramref name="count"/> unfinished jobs' ids and states, oldest first.</summary>
    public IReadOnlyList<(string Id, JobState State)> OldestUnfinished(int count)
    {
        var oldest = new List<(string, JobState)>(count);
        foreach (var open in database.OpenJobs.Query().OrderBy(o => o.Id).Limit(count).ToEnumerable())
        {
            if (Find(open.Id) is { IsEnded: false } job)
            {
                oldest.Add((job.Id, job.State));
            }
        }

        return oldest;
    }

    /// <summary>How many jobs are in each state (counted on the state index).</summary>
    public IReadOnlyDictionary<JobState, int> CountByState() =>
        Enum.GetValues<JobState>().ToDictionary(s => s, s => database.Jobs.Count(Query.EQ(nameof(Job.State), s.ToString())));

    /// <summary>Stores a new job in state Queued and emits <c>JobAccepted</c>; call inside a transaction.</summary>
    internal Job Insert(string applicationId, string contentHash, string applicantJson, string validatedApplicantJson, string source)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new Job
        {
            Id = ObjectId.NewObjectId().ToString(),
            ApplicationId = applicationId,
            ContentHash = contentHash,
            ApplicantJson = applicantJson,
            ValidatedApplicantJson = validatedApplicantJson,
            Source = source,
            State = JobState.Queued,
            CreatedUtc = now,
            UpdatedUtc = now,
            History = [new JobRecord { TimeUtc = now, Kind = JobRecordKind.Transition, State = JobState.Queued, Action = "→Queued", Detail = $"submitted by {source}" }],
        };
        database.Jobs.Insert(job);
        database.OpenJobs.Insert(new OpenJob { Id = job.Id });
        OutboxEventSink.Emit(events, clock, EventTypes.JobAccepted, new JsonObject { ["jobId"] = job.Id, ["applicationId"] = applicationId, ["source"] = source });
        return job;
    }

    /// <summary>Applies <paramref name="change"/> to the job and commits it, with its card moves and events, as one transaction.</summary>
    /// <exception cref="JobAlreadyEndedException">The job has ended; nothing was changed.</exception>
    /// <exception cref="KeyNotFoundException">No such job.</exception>
    public Job Change(string jobId, Action<JobChange> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return database.InTransaction(() =>
        {
            var job = Find(jobId) ?? throw new KeyNotFoundException($"No job with id {jobId}.");
            if (job.IsEnded)
            {
                throw new JobAlreadyEndedException(job.Id, job.State);
            }

            change(new JobChange(job, stock, events, clock));
            job.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            database.Jobs.Update(job);
            if (job.IsEnded)
            {
                database.OpenJobs.Delete(job.Id);
                // Biometrics and chip data are not kept at the station once the job has ended.
                database.Artifacts.DeleteMany(a => a.JobId == job.Id);
            }
            return job;
        });
    }
}
