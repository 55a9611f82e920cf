using NodaTime;
using Schedly.Core.Validation;

namespace Schedly.Core.Scheduling;

/// <summary>A local time range as a client sent it: <c>{ "start": "09:00", "end": "17:00" }</c>; end may be "24:00".</summary>
public sealed record TimeRangeDraft(string? Start, string? End)
{
    /// <summary>
    /// Validates a list of ranges for one day: each well-formed with end after start, and the list sorted without
    /// overlaps (adjacent ranges are fine). Errors use <paramref name="field"/> as the list's path, e.g.
    /// <c>weekly.monday[1].start</c>.
    /// </summary>
    internal static IReadOnlyList<LocalTimeRange>? ValidateList(
        IReadOnlyList<TimeRangeDraft?>? drafts, string field, ValidationErrors errors)
    {
        if (drafts is null)
        {
            return [];
        }

        if (drafts.Count > Availability.MaxIntervalsPerDay)
        {
            errors.Add(field, $"At most {Availability.MaxIntervalsPerDay} intervals per day.");
            return null;
        }

        var ranges = new List<LocalTimeRange>(drafts.Count);
        var valid = true;
        for (var i = 0; i < drafts.Count; i++)
        {
            var path = SchedulingPatterns.Index(field, i);
            var range = drafts[i]?.Validate(path, errors);
            if (drafts[i] is null)
            {
                errors.Add(path, "Required: an interval { start, end }.");
            }

            if (range is null)
            {
                valid = false;
                continue;
            }

            if (ranges.Count > 0 && valid && range.StartNanosecondOfDay < ranges[^1].EndNanosecondOfDay)
            {
                errors.Add(path + ".start", range.StartNanosecondOfDay < ranges[^1].StartNanosecondOfDay
                    ? "Intervals must be sorted by start time."
                    : "Overlaps the previous interval.");
                valid = false;
                continue;
            }

            ranges.Add(range);
        }

        return valid ? ranges : null;
    }

    private LocalTimeRange? Validate(string path, ValidationErrors errors)
    {
        LocalTime? start = null;
        if (string.IsNullOrWhiteSpace(Start))
        {
            errors.Add(path + ".start", "Required: a local time HH:mm.");
        }
        else if (SchedulingPatterns.Time.Parse(Start) is { Success: true } parsed)
        {
            start = parsed.Value;
        }
        else
        {
            errors.Add(path + ".start", "Must be a local time HH:mm (00:00 to 23:59).");
        }

        LocalTime? end = null;
        var endOfDay = false;
        if (string.IsNullOrWhiteSpace(End))
        {
            errors.Add(path + ".end", "Required: a local time HH:mm, or 24:00 for the end of the day.");
        }
        else if (End == "24:00")
        {
            endOfDay = true;
        }
        else if (SchedulingPatterns.Time.Parse(End) is { Success: true } parsed)
        {
            end = parsed.Value;
        }
        else
        {
            errors.Add(path + ".end", "Must be a local time HH:mm, or 24:00 for the end of the day.");
        }

        if (start is not { } s || (end is null && !endOfDay))
        {
            return null;
        }

        if (endOfDay)
        {
            return LocalTimeRange.UntilEndOfDay(s);
        }

        if (end!.Value <= s)
        {
            errors.Add(path + ".end", "Must be after start.");
            return null;
        }

        return LocalTimeRange.Of(s, end.Value);
    }
}
