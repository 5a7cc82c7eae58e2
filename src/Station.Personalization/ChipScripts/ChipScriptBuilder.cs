using Station.Personalization.Apdu;
using Station.Personalization.Chip;
using Station.Personalization.ChipProfiles;

namespace Station.Personalization.ChipScripts;

/// <summary>
/// Turns a <see cref="ChipImage"/> and a <see cref="ChipProfile"/> into the ordered APDUs that personalize a chip
/// (create, select and write every file, load the keys) and the APDUs that lock it.
/// </summary>
public static class ChipScriptBuilder
{
    /// <summary>UPDATE BINARY P1-P2 carries a 15-bit offset (P1 bit 8 must be 0).</summary>
    public const int MaxOffset = 0x7FFF;

    private const ushort MasterFile = 0x3F00;
    private const ushort CardAccessFid = 0x011C;
    /// <summary>JMRTD's CREATE FILE body is a fixed 6-byte record <c>63 04 size fid</c>, not a BER TLV.</summary>
    private const byte JmrtdCreateFileTag = 0x63;

    /// <param name="image">The card's files, MRZ and keys.</param>
    /// <param name="profile">How this kind of chip is written.</param>
    /// <param name="maxCommandDataLength">What the transport carries (<see cref="IApduTransport.MaxCommandDataLength"/>); the chunk is the smaller of this and the profile's.</param>
    /// <exception cref="ChipDataException">A file cannot be written with this profile (too large), or key material the profile needs is missing.</exception>
    public static ChipScript Build(ChipImage image, ChipProfile profile, int maxCommandDataLength)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(profile);
        int chunk = Math.Min(profile.MaxChunk, Math.Min(maxCommandDataLength, profile.ExtendedLength ? CommandApdu.MaxExtendedData : CommandApdu.MaxShortData));
        if (chunk < 1)
            throw new ArgumentOutOfRangeException(nameof(maxCommandDataLength), $"Transport carries {maxCommandDataLength} data bytes; at least 1 is needed");

        var commands = new List<ScriptedCommand>();
        byte[] aid = Convert.FromHexString(profile.ApplicationAid);
        switch (profile.CommandSet)
        {
            case ChipCommandSet.Iso7816FileSystem:
                commands.Add(Select("SELECT MF", 0x00, Fid(MasterFile)));
                if (image.CardAccess.Length > 0)
                    AddIsoFile(commands, new LdsFile(CardAccessFid, "CardAccess", image.CardAccess), chunk);
                ushort dfFid = Convert.ToUInt16(profile.ApplicationFid, 16);
                commands.Add(new ScriptedCommand("CREATE FILE eMRTD application",
                    new CommandApdu(0x00, Instruction.CreateFile, 0, 0, FileControlParameters.Application(dfFid, aid))));
                commands.Add(SelectApplication(aid));
                foreach (var file in image.Files)
                    AddIsoFile(commands, file, chunk);
                break;
            case ChipCommandSet.JmrtdApplet:
                commands.Add(SelectApplication(aid));
                if (image.CardAccess.Length > 0)
                    AddJmrtdFile(commands, new LdsFile(CardAccessFid, "CardAccess", image.CardAccess), chunk);
                foreach (var file in image.Files)
                    AddJmrtdFile(commands, file, chunk);
                break;
            default:
                throw new ArgumentException($"Chip profile '{profile.Name}' has unknown command set {profile.CommandSet}", nameof(profile));
        }

        var material = ChipKeyMaterial.From(image);
        var skipped = new List<string>();
        foreach (var template in profile.KeyLoading)
        {
            if (template.Requires is { } need && !material.Has(need))
            {
                skipped.Add($"{template.Name}: this card's keys do not provide {need}");
                continue;
            }
            commands.Add(new ScriptedCommand(template.Name, Encode(template, material, profile)));
        }

        var lockCommands = profile.Lock.Select(t => new ScriptedCommand(t.Name, Encode(t, material, profile))).ToArray();
        return new ChipScript(commands, lockCommands, skipped);
    }

    private static CommandApdu Encode(CommandTemplate template, ChipKeyMaterial material, ChipProfile profile)
    {
        try
        {
            return CommandTemplateEncoder.Encode(template, material);
        }
        catch (KeyNotFoundException e)
        {
            throw new ChipDataException("ChipKeyMissing", $"Chip profile '{profile.Name}', command '{template.Name}': {e.Message}", e);
        }
    }

    private static void AddIsoFile(List<ScriptedCommand> commands, LdsFile file, int chunk)
    {
        commands.Add(new ScriptedCommand($"CREATE FILE {file.Name}",
            new CommandApdu(0x00, Instruction.CreateFile, 0, 0, FileControlParameters.TransparentFile(file.Fid, file.Content.Length))));
        commands.Add(Select($"SELECT {file.Name}", 0x02, Fid(file.Fid)));
        AddUpdates(commands, file, chunk);
    }

    private static void AddJmrtdFile(List<ScriptedCommand> commands, LdsFile file, int chunk)
    {
        int size = file.Content.Length;
        byte[] body = [JmrtdCreateFileTag, 0x04, (byte)(size >> 8), (byte)size, .. Fid(file.Fid)];
        commands.Add(new ScriptedCommand($"CREATE FILE {file.Name}", new CommandApdu(0x00, Instruction.CreateFile, 0, 0, body)));
        commands.Add(Select($"SELECT {file.Name}", 0x02, Fid(file.Fid)));
        AddUpdates(commands, file, chunk);
    }

    private static void AddUpdates(List<ScriptedCommand> commands, LdsFile file, int chunk)
    {
        if (file.Content.Length - 1 > MaxOffset + chunk)
            throw new ChipDataException("FileTooLarge",
                $"{file.Name} ({file.Content.Length} bytes) needs UPDATE BINARY offsets above {MaxOffset}, which P1-P2 cannot address");
        for (int offset = 0; offset < file.Content.Length; offset += chunk)
        {
            if (offset > MaxOffset)
                throw new ChipDataException("FileTooLarge", $"{file.Name}: offset {offset} exceeds the 15-bit UPDATE BINARY offset; use a larger chunk (extended length)");
            byte[] data = file.Content.AsSpan(offset, Math.Min(chunk, file.Content.Length - offset)).ToArray();
            commands.Add(new ScriptedCommand($"UPDATE BINARY {file.Name} @{offset}",
                new CommandApdu(0x00, Instruction.UpdateBinary, (byte)(offset >> 8), (byte)offset, data)) { PayloadLength = data.Length });
        }
    }

    private static ScriptedCommand SelectApplication(byte[] aid) =>
        new("SELECT eMRTD application", new CommandApdu(0x00, Instruction.SelectFile, 0x04, 0x0C, aid));

    /// <summary>P2 0C: no FCI in the answer, which every chip supports.</summary>
    private static ScriptedCommand Select(string description, byte p1, byte[] fid) =>
        new(description, new CommandApdu(0x00, Instruction.SelectFile, p1, 0x0C, fid));

    private static byte[] Fid(ushort fid) => [(byte)(fid >> 8), (byte)fid];
}
