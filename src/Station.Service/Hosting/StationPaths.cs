namespace Station.Service.Hosting;

/// <summary>The resolved data directory and the files and folders in it.</summary>
public sealed record StationPaths(string DataDirectory)
{
    public string Database => Path.Combine(DataDirectory, Storage.StationDatabase.FileName);
    public string PrintedFaces => Path.Combine(DataDirectory, "printed");
    /// <summary>Chips the simulated encoder locked, kept for <c>station chip verify</c>.</summary>
    public string SavedChips => Path.Combine(DataDirectory, "chips");
    public string ControlSocket => Path.Combine(DataDirectory, "station.sock");
}
