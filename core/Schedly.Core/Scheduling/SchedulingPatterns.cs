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
