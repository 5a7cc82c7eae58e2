namespace Station.Service.Hosting;

/// <summary>The resolved data directory and the files and folders in it.</summary>
public sealed record StationPaths(string DataDirectory)
{
    public string Database => Path.Combine(DataDirectory, Storage.StationDatabase.FileName);
    public string PrintedFaces => Path.Combine(DataDirectory, "printed");
    public string ControlSocket => Path.Combine(DataDirectory, "station.sock");
}
