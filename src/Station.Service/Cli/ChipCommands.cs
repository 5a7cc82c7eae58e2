using System.CommandLine;

namespace Station.Service.Cli;

/// <summary><c>station chip build|verify|write|read</c>: the card's chip data as files, and the chip in a PC/SC reader.</summary>
public static class ChipCommands
{
    public static Command Create()
    {
        var chip = new Command("chip", "Build and verify chip data as files; write and read the chip in a PC/SC reader.");
        chip.Subcommands.Add(ChipBuildCommand.Create());
        chip.Subcommands.Add(ChipVerifyCommand.Create());
        chip.Subcommands.Add(ChipWriteCommand.Create());
        chip.Subcommands.Add(ChipReadCommand.Create());
        return chip;
    }
}
