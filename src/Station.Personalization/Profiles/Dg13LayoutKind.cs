namespace Station.Personalization.Profiles;

/// <summary>Which national DG13 layout a profile writes.</summary>
public enum Dg13LayoutKind
{
    None,
    /// <summary>The Vietnamese layout of GUIDE §2 (fields 1–15).</summary>
    Vnm,
}
