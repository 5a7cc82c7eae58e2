using Station.Personalization.Apdu;

namespace Station.Personalization.ChipScripts;

/// <summary>One step of a chip script: what it does, the command, and the status word that means it worked.</summary>
public sealed record ScriptedCommand(string Description, CommandApdu Command, ushort ExpectedStatus = StatusWord.Success)
{
    /// <summary>Bytes of file content this command carries (UPDATE BINARY data), for wire-efficiency figures.</summary>
    public int PayloadLength { get; init; }
}
