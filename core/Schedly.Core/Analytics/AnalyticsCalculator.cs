using NodaTime;
using Schedly.Core.Bookings;

namespace Schedly.Core.Analytics;

/// <summary>
/// Rolls bookings up into daily figures. Pure and deterministic: recomputing the same bookings at the
/// same time gives the same rollups, which is what makes the rollup timer idempotent.
/// </summary>
public static class AnalyticsCalculator
{
    public static IReadOnlyList<DailyRollup> Rollup(IEnumerable<Booking> bookings, DateTimeZone hostZone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(bookings);
        ArgumentNullException.ThrowIfNull(hostZone);
        return bookings
            .GroupBy(b => (Date: b.Start.InZone(hostZone).Date, b.EventType))
            .OrderBy(g => g.Key.Date).ThenBy(g => g.Key.EventType, StringComparer.Ordinal)
            .Select(g => Day(g.Key.Date, g.Key.EventType, g.ToList(), now))
            .ToList();
    }

    private static DailyRollup Day(LocalDate date, string eventType, List<Booking> bookings, Instant now)
    {
        var cancelled = bookings.Count(b => b.Status == BookingStatus.Cancelled);
        var live = bookings.Where(b => b.Status == BookingStatus.Confirmed).ToList();
        var revenue = Money.Of(live);
        return new DailyRollup(
            date,
            eventType,
            Booked: bookings.Count,
            Cancelled: cancelled,
            Rescheduled: bookings.Count(b => b.Sequence > 0),
            NoShows: live.Count(b => b.NoShow),
            Completed: live.Count(b => !b.NoShow && b.End <= now),
            revenue,
            bookings.Select(b => (long)(b.Start - b.CreatedAt).TotalMinutes).Order().ToList())
        {
            AttendedEnds = [.. live.Where(b => !b.NoShow).Select(b => b.End).Order()],
            Collected = Money.Of(bookings.Where(b => b.Payment?.PaidAt is not null)),
            Refunded = Money.Of(bookings.Where(b => b.Payment?.RefundedAt is not null)),
            Expected = Money.Of(bookings.Where(b => (b.IsActive && b.Payment?.PaidAt is null) || b.Status == BookingStatus.PendingPayment)),
        };
    }
}
