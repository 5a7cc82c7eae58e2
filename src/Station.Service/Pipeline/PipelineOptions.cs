using System.ComponentModel.DataAnnotations;

namespace Station.Service.Pipeline;

/// <summary>Options of section <c>Pipeline</c>: the per-step retry policy and waits.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Failed captures (camera or fingerprint) a job may have before it fails.</summary>
    [Range(1, 20, ErrorMessage = "Pipeline:CaptureAttempts must be between {1} and {2}.")]
    public int CaptureAttempts { get; set; } = 3;

    /// <summary>Cards a job may lose while feeding and writing the chip before it fails.</summary>
    [Range(1, 20, ErrorMessage = "Pipeline:EncodeAttempts must be between {1} and {2}.")]
    public int EncodeAttempts { get; set; } = 3;

    [Range(1, 20, ErrorMessage = "Pipeline:VerifyAttempts must be between {1} and {2}.")]
    public int VerifyAttempts { get; set; } = 2;

    [Range(1, 20, ErrorMessage = "Pipeline:PrintAttempts must be between {1} and {2}.")]
    public int PrintAttempts { get; set; } = 2;

    /// <summary>Pause before retrying a failed capture.</summary>
    [Range(0, 60_000, ErrorMessage = "Pipeline:RetryDelayMs must be between {1} and {2}.")]
    public int RetryDelayMs { get; set; }

    /// <summary>How long the pipeline waits before trying again when the signer is unavailable or the hopper is empty.</summary>
    [Range(1, 3600, ErrorMessage = "Pipeline:WaitSeconds must be between {1} and {2}.")]
    public int WaitSeconds { get; set; } = 5;

    public int MaxFailuresAt(Jobs.JobState step) => step switch
    {
        Jobs.JobState.Capturing => CaptureAttempts,
        Jobs.JobState.Encoding => EncodeAttempts,
        Jobs.JobState.Verifying => VerifyAttempts,
        Jobs.JobState.Printing => PrintAttempts,
        _ => 1,
    };
}
