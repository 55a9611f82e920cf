using NodaTime;
using Schedly.Core.Validation;

namespace Schedly.Core.Scheduling;

/// <summary>
/// An event type's <c>clientPolicy</c> as a client sent it: <c>{ cancelNoticeMinutes?, rescheduleNoticeMinutes?,
/// maxReschedules? }</c>; each null = no limit; notices 0..525600 minutes (365 days), maxReschedules 0..100.
/// </summary>
public sealed record ClientPolicyDraft(int? CancelNoticeMinutes, int? RescheduleNoticeMinutes, int? MaxReschedules)
{
    public const int MaxNoticeMinutes = 525_600;
    public const int MaxMaxReschedules = 100;

    internal ClientPolicy? Validate(string field, ValidationErrors errors)
    {
        var valid = Check(CancelNoticeMinutes, field + ".cancelNoticeMinutes", MaxNoticeMinutes, errors)
            & Check(RescheduleNoticeMinutes, field + ".rescheduleNoticeMinutes", MaxNoticeMinutes, errors)
            & Check(MaxReschedules, field + ".maxReschedules", MaxMaxReschedules, errors);
        return valid
            ? new ClientPolicy(Minutes(CancelNoticeMinutes), Minutes(RescheduleNoticeMinutes), MaxReschedules)
            : null;
    }

    private static Duration? Minutes(int? minutes) => minutes is { } m ? Duration.FromMinutes(m) : null;

    private static bool Check(int? value, string field, int max, ValidationErrors errors)
    {
        if (value is < 0 || value > max)
        {
            errors.Add(field, $"Null (no limit) or between 0 and {max}.");
            return false;
        }

        return true;
    }
}
