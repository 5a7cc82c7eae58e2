namespace Station.Service.Hosting;

/// <summary>Which chip encoder the station drives.</summary>
public enum EncoderKind
{
    /// <summary>The in-memory chip behind the simulated printer's chip station.</summary>
    Simulated,

    /// <summary>A PC/SC reader through pcsc-lite (the printer's contact encoder).</summary>
    Pcsc,
}
