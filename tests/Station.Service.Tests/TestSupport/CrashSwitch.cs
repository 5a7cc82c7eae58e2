namespace Station.Service.Tests.TestSupport;

/// <summary>Makes a chosen device action throw <see cref="SimulatedCrashException"/>, as if the process died right there.</summary>
internal sealed class CrashSwitch
{
    public string? CrashAt { get; set; }

    public void At(string action)
    {
        if (CrashAt == action)
        {
            throw new SimulatedCrashException(action);
        }
    }
}

/// <summary>Stands for the process dying during a device action: not a device fault, so nothing handles it.</summary>
internal sealed class SimulatedCrashException(string action) : Exception($"simulated crash during {action}");
