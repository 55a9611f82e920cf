using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;

namespace Schedly.Core.Reminders;

/// <summary>
/// One reminder entry: booking <see cref="BookingRandomId"/> of <see cref="Host"/> is to be reminded
/// <see cref="OffsetMinutes"/> before its start, at <see cref="Due"/>. Entries are written with the
/// booking change that makes them (create, reschedule) and removed by a cancel, in the same transaction;
/// the store keys them by due time so the timer reads only what is due.
/// </summary>
public sealed record DueReminder(HostSlug Host, string BookingRandomId, int OffsetMinutes, Instant Due, string Version)
{
    /// <summary>The <c>type</c> of a reminder on the <c>emails</c> queue.</summary>
    public const string EventType = "booking.reminder";
}

/// <summary>A reminder entry a booking change writes: <see cref="OffsetMinutes"/> before the start, due at <see cref="Due"/>.</summary>
public sealed record PlannedReminder(int OffsetMinutes, Instant Due)
{
    /// <summary>The entries for <paramref name="booking"/>: one per offset whose due time is still after <paramref name="now"/>, earliest first.</summary>
    public static IReadOnlyList<PlannedReminder> For(Booking booking, Instant now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return booking.ReminderOffsetsMinutes
            .Distinct()
            .Select(offset => new PlannedReminder(offset, booking.Start - Duration.FromMinutes(offset)))
            .Where(r => r.Due > now)
            .OrderBy(r => r.Due)
            .ToList();
    }
}

/// <summary>What became of a reminder entry.</summary>
public enum ReminderOutcome
{
    /// <summary>Handed to the email queue (the email sender sends each effect once).</summary>
    Sent,

    /// <summary>Its meeting had already started when the timer got to it (after downtime): not sent.</summary>
    Skipped,

    /// <summary>The booking is gone, cancelled or moved: nothing to remind of.</summary>
    Obsolete,
}

/// <summary>Reminder entries in storage.</summary>
public interface IReminderStore
{
    /// <summary>The host's entries due at or before <paramref name="upTo"/>, oldest first.</summary>
    Task<IReadOnlyList<DueReminder>> ListDueAsync(HostSlug host, Instant upTo, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the entry (if still at its version) and records its outcome, atomically; false when another
    /// run completed it first.
    /// </summary>
    Task<bool> TryCompleteAsync(DueReminder reminder, ReminderOutcome outcome, Instant at, CancellationToken cancellationToken);
}
