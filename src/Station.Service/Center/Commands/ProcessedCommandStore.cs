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

    public void Save(ProcessedCommand command) => _commands.Upsert(command);

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
