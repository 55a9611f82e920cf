using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Schedly.Core.Bookings;

/// <summary>
/// Applies a booking's <see cref="Scheduling.ClientPolicy"/> to the client's own changes: null when allowed, else the
/// refusal's detail naming the deadline (UTC and in the client's zone) or the reschedule limit. A change exactly at the
/// deadline is still allowed. The host's cancellations are never checked.
/// </summary>
public static class ClientChangeRules
{
    private static readonly ZonedDateTimePattern Local = ZonedDateTimePattern.CreateWithInvariantCulture("dddd d MMMM uuuu, HH':'mm", null);

    public static string? RefuseCancel(Booking booking, Instant now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return booking.CancelDeadline is { } deadline && now > deadline
            ? $"Free cancellation ended {Describe(deadline, booking.Client.TimeZone)}. Please contact the host."
            : null;
    }

    public static string? RefuseReschedule(Booking booking, Instant now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        if (booking.ReschedulesLeft == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"This booking has been rescheduled {booking.Sequence} times, the most allowed. Please contact the host.");
        }

        return booking.RescheduleDeadline is { } deadline && now > deadline
            ? $"Rescheduling ended {Describe(deadline, booking.Client.TimeZone)}. Please contact the host."
            : null;
    }

    /// <summary><c>2026-12-01T14:00:00Z (Tuesday 1 December 2026, 09:00 America/New_York)</c>.</summary>
    public static string Describe(Instant deadline, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return $"{InstantPattern.ExtendedIso.Format(deadline)} ({Local.Format(deadline.InZone(zone))} {zone.Id})";
    }
}
