using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Schedly.Core.Validation;

namespace Schedly.Core.Scheduling;

/// <summary>The wire formats of scheduling input, parsed strictly with the invariant culture.</summary>
internal static class SchedulingPatterns
{
    public static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    public static readonly LocalDatePattern Date = LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd");
    public static readonly InstantPattern Instant = InstantPattern.ExtendedIso;

    /// <summary>A date YYYY-MM-DD, or null when absent (no error) or malformed (error added).</summary>
    public static LocalDate? OptionalDate(string? value, string field, ValidationErrors errors) =>
        string.IsNullOrWhiteSpace(value) ? null : RequiredDate(value, field, errors);

    /// <summary>Checks <c>from..to</c> (both inclusive): <c>end</c> not before <c>start</c>, at most <paramref name="maxDays"/> dates.</summary>
    public static void CheckDateRange(LocalDate from, LocalDate to, int maxDays, ValidationErrors errors)
    {
        if (to < from)
        {
            errors.Add("end", "Must not be before start.");
        }
        else if (Period.DaysBetween(from, to) + 1 > maxDays)
        {
            errors.Add("end", $"The range may cover at most {maxDays} days (start and end inclusive).");
        }
    }

    public static LocalDate? RequiredDate(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "Required: a date YYYY-MM-DD.");
            return null;
        }

        var result = Date.Parse(value);
        if (!result.Success)
        {
            errors.Add(field, "Must be a date YYYY-MM-DD.");
            return null;
        }

        return result.Value;
    }

    public static NodaTime.Instant? RequiredInstant(string? value, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "Required: an ISO-8601 UTC instant such as 2026-12-01T14:00:00Z.");
            return null;
        }

        var result = Instant.Parse(value);
        if (!result.Success)
        {
            errors.Add(field, "Must be an ISO-8601 UTC instant such as 2026-12-01T14:00:00Z.");
            return null;
        }

        return result.Value;
    }

    public static string Index(string field, int index) => string.Create(CultureInfo.InvariantCulture, $"{field}[{index}]");
}
