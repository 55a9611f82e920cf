using Schedly.Core.Validation;

namespace Schedly.Core.Scheduling;

/// <summary>
/// The slot query string as a client sent it: <c>start=YYYY-MM-DD&amp;end=YYYY-MM-DD&amp;timeZone=IANA</c>.
/// Dates are client-local and BOTH inclusive; end ≥ start; at most 62 dates.
/// </summary>
public sealed record SlotQueryDraft(string? Start, string? End, string? TimeZone)
{
    public Validated<SlotQuery> Validate()
    {
        var errors = new ValidationErrors();
        var start = SchedulingPatterns.RequiredDate(Start, "start", errors);
        var end = SchedulingPatterns.RequiredDate(End, "end", errors);
        var zone = TimeZoneRules.Required(TimeZone, "timeZone", errors);
        if (start is { } s && end is { } e)
        {
            SchedulingPatterns.CheckDateRange(s, e, SlotQuery.MaxDays, errors);
        }

        return errors.IsEmpty
            ? Validated<SlotQuery>.Valid(new SlotQuery(start!.Value, end!.Value, zone!))
            : Validated<SlotQuery>.Invalid(errors);
    }
}
