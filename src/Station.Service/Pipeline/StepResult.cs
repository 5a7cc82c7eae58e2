namespace Station.Service.Pipeline;

/// <summary>How a pipeline step left its job.</summary>
public enum StepResult
{
    /// <summary>The job moved on (or retried); run its next step.</summary>
    Continue,
    /// <summary>The job ended (completed, failed or cancelled).</summary>
    Ended,
    /// <summary>The station cannot proceed now (signer unavailable, hopper empty); try again later.</summary>
    Waiting,
}
