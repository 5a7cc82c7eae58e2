namespace Station.Service.Tests.TestSupport;

/// <summary>Makes a chosen device action throw <see cref="SimulatedCrashException"/>, as if the process died right there.</summary>
internal sealed class CrashSwitch
{
    public string? CrashAt { get; set; }

    /// <summary>Called as each device action starts, before any crash: lets a test look at what is committed then.</summary>
    public Action<string>? Observe { get; set; }

    public void At(string action)
    {
        Observe?.Invoke(action);
        if (CrashAt == action)
        {
            throw new SimulatedCrashException(action);
        }
    }
}

/// <summary>Stands for the process dying during a device action: not a device fault, so nothing handles it.</summary>
internal sealed class SimulatedCrashException(string action) : Exception($"simulated crash during {action}");
