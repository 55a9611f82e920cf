using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>How far ahead (or within which dates) clients may book an event type.</summary>
public abstract record BookingWindow
{
    private protected BookingWindow()
    {
    }

    /// <summary>
    /// The instants in which a slot start must lie, <c>[start, end)</c>, given the current instant and the host zone.
    /// </summary>
    public abstract (Instant Start, Instant End) Bounds(Instant now, DateTimeZone hostZone);
}

/// <summary>
/// A rolling window: a slot start must lie in <c>[now, now + Days × 24 h)</c>. Days are elapsed days, not
/// host-local calendar days, so the window does not jump at local midnight.
/// </summary>
public sealed record RollingBookingWindow : BookingWindow
{
    public const int MaxDays = 730;

    public RollingBookingWindow(int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        Days = days;
    }

    public int Days { get; }

    public override (Instant Start, Instant End) Bounds(Instant now, DateTimeZone hostZone) =>
        (now, now + Duration.FromDays(Days));
}

/// <summary>
/// A fixed window of host-local dates, BOTH inclusive: a slot start's host-local date must lie in
/// <c>[FirstDate, LastDate]</c>. The current instant still applies through the minimum notice.
/// </summary>
public sealed record FixedBookingWindow : BookingWindow
{
    public FixedBookingWindow(LocalDate firstDate, LocalDate lastDate)
    {
        if (lastDate < firstDate)
        {
            throw new ArgumentException("The last date must not be before the first date.", nameof(lastDate));
        }

        FirstDate = firstDate;
        LastDate = lastDate;
    }

    public LocalDate FirstDate { get; }

    public LocalDate LastDate { get; }

    public override (Instant Start, Instant End) Bounds(Instant now, DateTimeZone hostZone)
    {
        ArgumentNullException.ThrowIfNull(hostZone);
        return (FirstDate.AtStartOfDayInZone(hostZone).ToInstant(),
            LastDate.PlusDays(1).AtStartOfDayInZone(hostZone).ToInstant());
    }
}
