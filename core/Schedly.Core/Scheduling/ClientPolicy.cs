using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// The rules for a client's own changes (with the manage token): a cancellation at least <see cref="CancelNotice"/>
/// before the start, a reschedule at least <see cref="RescheduleNotice"/> before the (current) start, and at most
/// <see cref="MaxReschedules"/> reschedules. Null: no such rule. A booking keeps the policy it was made under. The
/// host can always cancel.
/// </summary>
public sealed record ClientPolicy(Duration? CancelNotice, Duration? RescheduleNotice, int? MaxReschedules)
{
    /// <summary>No rules: a client may cancel and reschedule any time, any number of times.</summary>
    public static ClientPolicy None { get; } = new(null, null, null);

    /// <summary>The last instant a client may cancel a booking starting at <paramref name="start"/>; null: no limit.</summary>
    public Instant? CancelDeadline(Instant start) => CancelNotice is { } notice ? start - notice : null;

    /// <summary>The last instant a client may reschedule a booking starting at <paramref name="start"/>; null: no limit.</summary>
    public Instant? RescheduleDeadline(Instant start) => RescheduleNotice is { } notice ? start - notice : null;
}
