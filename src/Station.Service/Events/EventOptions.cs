using System.ComponentModel.DataAnnotations;
using Station.Service.Jobs;

namespace Station.Service.Events;

/// <summary>
/// Options of section <c>Events</c>: which job states the center hears about as <c>JobStateChanged</c>.
/// Every transition is still recorded in the job's own history; this only decides what crosses the link.
/// </summary>
public sealed class EventOptions : IValidatableObject
{
    public const string Section = "Events";

    /// <summary>The states a job can be reported entering: every non-final state after <c>Queued</c> (which <c>JobAccepted</c> states).</summary>
    public static readonly IReadOnlyList<JobState> ReportableStates =
        [JobState.Capturing, JobState.Preparing, JobState.Encoding, JobState.Verifying, JobState.Printing];

    /// <summary>
    /// Comma-separated states reported as <c>JobStateChanged</c>. The default reports the three that take time on
    /// real hardware and mean something to an operator: the applicant is at the station (<c>Capturing</c>), a card
    /// has left the hopper (<c>Encoding</c>), the card is being printed (<c>Printing</c>). <c>Preparing</c> (a tenth of a
    /// second of signing) and <c>Verifying</c> (the read-back right after writing) are left out to keep a card's events
    /// within 1 KB on the wire; a job that fails or is cancelled in them says so in its <c>state</c> field.
    /// Empty: no <c>JobStateChanged</c> at all.
    /// </summary>
    public string ReportedJobStates { get; set; } = "Capturing,Encoding,Printing";

    /// <summary>The parsed <see cref="ReportedJobStates"/>; call only once validated.</summary>
    public IReadOnlySet<JobState> Reported() => Parse(ReportedJobStates).States;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var bad in Parse(ReportedJobStates).Unknown)
        {
            yield return new ValidationResult(
                $"Events:ReportedJobStates: '{bad}' is not a reportable job state; allowed: {string.Join(", ", ReportableStates)} (comma-separated, or empty for none).",
                [nameof(ReportedJobStates)]);
        }
    }

    private static (HashSet<JobState> States, List<string> Unknown) Parse(string? text)
    {
        var states = new HashSet<JobState>();
        var unknown = new List<string>();
        foreach (var name in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var state = ReportableStates.FirstOrDefault(s => string.Equals(s.ToString(), name, StringComparison.OrdinalIgnoreCase), JobState.Queued);
            if (state == JobState.Queued) unknown.Add(name);
            else states.Add(state);
        }

        return (states, unknown);
    }
}
