using System.Text;
using Station.Personalization.Verification;

namespace Station.Service.Cli;

/// <summary>Prints a passive-authentication report one check a line, and the rule that decides the exit code.</summary>
public static class ChipReportPrinter
{
    public static string Format(PassiveAuthenticationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        foreach (var check in report.Checks)
        {
            var outcome = check.Outcome switch
            {
                CheckOutcome.Passed => "PASS",
                CheckOutcome.Failed => "FAIL",
                _ => "NOT PERFORMED",
            };
            text.Append(outcome.PadRight(14)).Append(check.Name).Append(": ").AppendLine(check.Detail);
        }

        var failed = report.Checks.Where(c => c.Outcome == CheckOutcome.Failed).Select(c => c.Name).ToArray();
        var skipped = report.Checks.Count(c => c.Outcome == CheckOutcome.NotPerformed);
        text.AppendLine(failed.Length > 0
            ? $"Passive authentication FAILED: {string.Join(", ", failed)}."
            : $"Passive authentication passed: every performed check passed{(skipped > 0 ? $" ({skipped} not performed)" : "")}.");
        return text.ToString();
    }
}
