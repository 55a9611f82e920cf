using NodaTime;
using Schedly.Core.Validation;

namespace Schedly.Core.Scheduling;

/// <summary>
/// Availability as a client sent it (PUT /api/admin/hosts/{host}/availability). Weekly keys are lowercase day
/// names "monday".."sunday"; a missing day, a null list or a missing <c>weekly</c> means closed. Missing
/// <c>overrides</c>/<c>blocked</c> mean none.
/// </summary>
public sealed record AvailabilityDraft(
    IReadOnlyDictionary<string, IReadOnlyList<TimeRangeDraft?>?>? Weekly,
    IReadOnlyList<DateOverrideDraft?>? Overrides,
    IReadOnlyList<BlockedPeriodDraft?>? Blocked)
{
    private static readonly Dictionary<string, IsoDayOfWeek> _dayNames = new(StringComparer.Ordinal)
    {
        ["monday"] = IsoDayOfWeek.Monday,
        ["tuesday"] = IsoDayOfWeek.Tuesday,
        ["wednesday"] = IsoDayOfWeek.Wednesday,
        ["thursday"] = IsoDayOfWeek.Thursday,
        ["friday"] = IsoDayOfWeek.Friday,
        ["saturday"] = IsoDayOfWeek.Saturday,
        ["sunday"] = IsoDayOfWeek.Sunday,
    };

    public Validated<Availability> Validate()
    {
        var errors = new ValidationErrors();
        var weekly = ValidateWeekly(errors);
        var overrides = ValidateOverrides(errors);
        var blocked = ValidateBlocked(errors);
        return errors.IsEmpty
            ? Validated<Availability>.Valid(new Availability(weekly!, overrides!, blocked!))
            : Validated<Availability>.Invalid(errors);
    }

    private WeeklyHours? ValidateWeekly(ValidationErrors errors)
    {
        var byDay = new Dictionary<IsoDayOfWeek, IReadOnlyList<LocalTimeRange>>();
        if (Weekly is null)
        {
            return WeeklyHours.None;
        }

        foreach (var (name, drafts) in Weekly)
        {
            var field = "weekly." + name;
            if (name is null || !_dayNames.TryGetValue(name, out var day))
            {
                errors.Add(field, "Unknown day: use monday, tuesday, wednesday, thursday, friday, saturday or sunday.");
                continue;
            }

            var ranges = TimeRangeDraft.ValidateList(drafts, field, errors);
            if (ranges is not null)
            {
                byDay[day] = ranges;
            }
        }

        return new WeeklyHours(byDay);
    }

    private List<DateOverride>? ValidateOverrides(ValidationErrors errors)
    {
        var result = new List<DateOverride>();
        if (Overrides is null)
        {
            return result;
        }

        if (Overrides.Count > Availability.MaxOverrides)
        {
            errors.Add("overrides", $"At most {Availability.MaxOverrides} overrides.");
            return null;
        }

        var seen = new HashSet<LocalDate>();
        for (var i = 0; i < Overrides.Count; i++)
        {
            var path = SchedulingPatterns.Index("overrides", i);
            var draft = Overrides[i];
            if (draft is null)
            {
                errors.Add(path, "Required: an override { date, intervals }.");
                continue;
            }

            var date = SchedulingPatterns.RequiredDate(draft.Date, path + ".date", errors);
            if (date is { } d && !seen.Add(d))
            {
                errors.Add(path + ".date", $"Duplicate override date {draft.Date}: give each date once.");
                date = null;
            }

            var ranges = TimeRangeDraft.ValidateList(draft.Intervals, path + ".intervals", errors);
            if (date is { } valid && ranges is not null)
            {
                result.Add(new DateOverride(valid, ranges));
            }
        }

        return result;
    }

    private List<BlockedPeriod>? ValidateBlocked(ValidationErrors errors)
    {
        var result = new List<BlockedPeriod>();
        if (Blocked is null)
        {
            return result;
        }

        if (Blocked.Count > Availability.MaxBlockedPeriods)
        {
            errors.Add("blocked", $"At most {Availability.MaxBlockedPeriods} blocked periods.");
            return null;
        }

        for (var i = 0; i < Blocked.Count; i++)
        {
            var path = SchedulingPatterns.Index("blocked", i);
            var draft = Blocked[i];
            if (draft is null)
            {
                errors.Add(path, "Required: a blocked period { start, end, reason? }.");
                continue;
            }

            var start = SchedulingPatterns.RequiredInstant(draft.Start, path + ".start", errors);
            var end = SchedulingPatterns.RequiredInstant(draft.End, path + ".end", errors);
            var reason = ValidateReason(draft.Reason, path + ".reason", errors);
            if (start is { } s && end is { } e)
            {
                if (e <= s)
                {
                    errors.Add(path + ".end", "Must be after start.");
                }
                else if (reason.Valid)
                {
                    result.Add(new BlockedPeriod(new Interval(s, e), reason.Value));
                }
            }
        }

        return result;
    }

    private static (bool Valid, string? Value) ValidateReason(string? reason, string field, ValidationErrors errors)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return (true, null);
        }

        if (trimmed.Length > BlockedPeriod.MaxReasonLength)
        {
            errors.Add(field, $"At most {BlockedPeriod.MaxReasonLength} characters.");
            return (false, null);
        }

        if (TextRules.HasForbiddenControlCharacters(trimmed, multiLine: false))
        {
            errors.Add(field, "Must not contain control characters.");
            return (false, null);
        }

        return (true, trimmed);
    }
}
