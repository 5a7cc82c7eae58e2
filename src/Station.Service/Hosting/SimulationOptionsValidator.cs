using Microsoft.Extensions.Options;
using Station.Devices.Simulation;

namespace Station.Service.Hosting;

/// <summary>Checks <c>Simulation:Faults</c> with the same parser the simulators use, so a typo stops the start.</summary>
public sealed class SimulationOptionsValidator : IValidateOptions<SimulationOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            FaultPlan.Parse(options.Faults);
            return ValidateOptionsResult.Success;
        }
        catch (FormatException e)
        {
            return ValidateOptionsResult.Fail($"Simulation:Faults: {e.Message}");
        }
    }
}
