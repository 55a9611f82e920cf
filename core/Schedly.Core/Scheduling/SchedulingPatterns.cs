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

    /// <summary>
    /// The earliest date any input may name. Dates and instants outside <see cref="FirstSupportedDate"/> ..
    /// <see cref="LastSupportedDate"/> are refused as invalid input, so the arithmetic that follows (ranges, buffers,
    /// zones, storage keys) never leaves the calendar (0001-01-01 minus a buffer, 9999-12-31 plus a day).
    /// </summary>
    public static readonly LocalDate FirstSupportedDate = new(1900, 1, 1);

    /// <summary>The latest date any input may name (see <see cref="FirstSupportedDate"/>).</summary>
    public static readonly LocalDate LastSupportedDate = new(9000, 12, 31);

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

        if (result.Value < FirstSupportedDate || result.Value > LastSupportedDate)
        {
            errors.Add(field, OutOfRange);
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

        var date = result.Value.InUtc().Date;
        if (date < FirstSupportedDate || date > LastSupportedDate)
        {
            errors.Add(field, OutOfRange);
            return null;
        }

        return result.Value;
    }

    private static string OutOfRange => string.Create(CultureInfo.InvariantCulture,
        $"Must lie between {Date.Format(FirstSupportedDate)} and {Date.Format(LastSupportedDate)}.");

    public static string Index(string field, int index) => string.Create(CultureInfo.InvariantCulture, $"{field}[{index}]");
}
