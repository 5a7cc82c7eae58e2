namespace Station.Personalization.ChipProfiles;

/// <summary>How files are created on a chip; each value has its own script shape in <see cref="ChipScripts.ChipScriptBuilder"/>.</summary>
public enum ChipCommandSet
{
    /// <summary>ISO/IEC 7816-4/-9: CREATE FILE with an FCP template, SELECT, UPDATE BINARY.</summary>
    Iso7816FileSystem,

    /// <summary>The JMRTD passport applet: CREATE FILE <c>63 04 size fid</c> inside the selected applet.</summary>
    JmrtdApplet,
}
