namespace Station.Service.Pipeline;

/// <summary>What one turn of the pipeline loop did.</summary>
public enum PipelineTurn
{
    /// <summary>No job to work on (or paused).</summary>
    Idle,
    /// <summary>A job was driven to its end.</summary>
    Worked,
    /// <summary>The station waits for an outside condition (signer, cards).</summary>
    Waiting,
}
