namespace Station.Service.Jobs;

/// <summary>
/// Bytes a job produced that a redo after a crash needs (portrait, finger images, the chip image without its
/// private keys), stored in the <c>artifacts</c> collection under <c>{jobId}/{kind}</c>.
/// </summary>
public sealed class JobArtifact
{
    public string Id { get; set; } = "";
    public string JobId { get; set; } = "";
    public string Kind { get; set; } = "";
    public byte[] Data { get; set; } = [];
    public DateTime CreatedUtc { get; set; }

    public static string IdOf(string jobId, string kind) => $"{jobId}/{kind}";
}
