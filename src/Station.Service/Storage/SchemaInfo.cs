namespace Station.Service.Storage;

/// <summary>The document that marks a LiteDB file as Station's and says which schema it holds.</summary>
public sealed class SchemaInfo
{
    public const string DocumentId = "schema";
    public const string ApplicationName = "station";

    public string Id { get; set; } = DocumentId;
    public string Application { get; set; } = ApplicationName;
    public int Version { get; set; }
    public DateTime CreatedUtc { get; set; }
}
