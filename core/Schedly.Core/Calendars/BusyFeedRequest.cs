using NodaTime;

namespace Schedly.Core.Calendars;

/// <summary>
/// Limits on the work one feed may cost. Every limit that is reached is reported in <see cref="BusyFeedReport"/>,
/// never thrown. The defaults suit a 60-to-365-day booking window of a busy human calendar.
/// </summary>
public sealed record BusyFeedCaps
{
    public static readonly BusyFeedCaps Default = new();

    /// <summary>Occurrences expanded per recurring event inside the window (default 1,000); the rest are dropped.</summary>
    public int MaxOccurrencesPerEvent { get; init; } = 1_000;

    /// <summary>Busy intervals kept per feed before merging (default 10,000); events after that are dropped.</summary>
    public int MaxBusyIntervals { get; init; } = 10_000;

    /// <summary>VEVENTs read per feed (default 10,000); the text after that many is not parsed at all.</summary>
    public int MaxEvents { get; init; } = 10_000;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOccurrencesPerEvent, 1, nameof(MaxOccurrencesPerEvent));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBusyIntervals, 1, nameof(MaxBusyIntervals));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEvents, 1, nameof(MaxEvents));
    }
}

/// <summary>What <see cref="BusyFeedParser.Parse"/> needs besides the feed text.</summary>
/// <param name="HostZone">The host's zone: floating times and all-day dates are read in it.</param>
/// <param name="Window">The expansion window (the booking window); must have a finite start and end. Busy
/// intervals are clipped to it.</param>
/// <param name="IsOwnBooking">True for a UID that is one of Schedly's own bookings (skipped, or every booking would
/// block itself once the host imports it); see <see cref="OwnBookingUids"/>.</param>
public sealed record BusyFeedRequest(DateTimeZone HostZone, Interval Window, Func<string, bool> IsOwnBooking)
{
    public BusyFeedCaps Caps { get; init; } = BusyFeedCaps.Default;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(HostZone);
        ArgumentNullException.ThrowIfNull(IsOwnBooking);
        ArgumentNullException.ThrowIfNull(Caps);
        if (!Window.HasStart || !Window.HasEnd)
        {
            throw new ArgumentException("The window needs a finite start and end.", nameof(Window));
        }

        Caps.Validate();
    }
}
