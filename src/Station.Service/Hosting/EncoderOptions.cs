using System.ComponentModel.DataAnnotations;

namespace Station.Service.Hosting;

/// <summary>Options of section <c>Encoder</c>: the chip encoder and the chip profile written with it.</summary>
public sealed class EncoderOptions
{
    public const string Section = "Encoder";

    public EncoderKind Kind { get; set; } = EncoderKind.Simulated;

    /// <summary>PC/SC reader name as <c>station readers</c> lists it; empty takes the only reader present.</summary>
    public string? Reader { get; set; }

    /// <summary>The chip command set, e.g. <c>iso7816-fs</c> or <c>jmrtd-applet</c>.</summary>
    [Required(ErrorMessage = "Encoder:ChipProfile is required (iso7816-fs or jmrtd-applet).")]
    public string ChipProfile { get; set; } = "iso7816-fs";

    /// <summary>False for readers that take extended Lc but hang on extended Le (e.g. vpcd): reads then use short blocks.</summary>
    public bool ExtendedLe { get; set; } = true;

    /// <summary>Lock the chip after verification. Off only for test cards that cannot be locked.</summary>
    public bool Lock { get; set; } = true;

    /// <summary>
    /// Run the profile's key-loading commands (PUT DATA). Off only for test cards without key loading, such as the
    /// test bed's vicc (the counterpart of <c>chip write --no-key-loading</c>); a production card must get its keys.
    /// </summary>
    public bool LoadKeys { get; set; } = true;
}
