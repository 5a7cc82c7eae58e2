namespace Station.Service.Jobs;

/// <summary>
/// One entry of the pipeline's work list: the id of a job that has not ended, added with the job and removed in the
/// transaction that ends it. Finding the oldest open job is then a walk of this small collection's id index instead
/// of reading every open job (a station can hold thousands of queued jobs).
/// </summary>
public sealed class OpenJob
{
    public string Id { get; set; } = "";
}
