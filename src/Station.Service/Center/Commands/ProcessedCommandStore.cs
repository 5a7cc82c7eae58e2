using LiteDB;

namespace Station.Service.Center.Commands;

/// <summary>
/// Successful command results by <c>commandId</c> (collection <c>center_commands</c>), so a command the center
/// sends again (it never saw our result) is answered from here instead of being executed twice.
/// </summary>
public sealed class ProcessedCommandStore
{
    public const string CollectionName = "center_commands";

    private readonly ILiteCollection<ProcessedCommand> _commands;

    public ProcessedCommandStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _commands = database.GetCollection<ProcessedCommand>(CollectionName);
        // Creates the collection now, on the thread building the services (see LinkStateStore: LiteDB issue 2792).
        _commands.EnsureIndex(c => c.ProcessedUtc);
    }

    public ProcessedCommand? Find(string commandId) => _commands.FindById(commandId);

    /// <summary>
    /// How long a result is kept for a repeated <c>commandId</c>: a center retries within minutes or hours. Older ones
    /// go, so the collection does not grow with every command of the station's life (a repeat after that is run
    /// again: a repeated assign-job finds its job by applicationId, a repeated cancel finds the job ended).
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public void Save(ProcessedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _commands.Upsert(command);
        var before = command.ProcessedUtc - Retention;
        _commands.DeleteMany(c => c.ProcessedUtc < before);
    }

    public int Count => _commands.Count();
}

/// <summary>One executed command: its name and the JSON of its <c>result</c> (null when it had none).</summary>
public sealed class ProcessedCommand
{
    [BsonId]
    public string CommandId { get; set; } = "";
    public string Command { get; set; } = "";
    public string? ResultJson { get; set; }
    public DateTime ProcessedUtc { get; set; }
}
