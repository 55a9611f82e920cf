using NodaTime;

namespace Schedly.Core.Scheduling;

/// <summary>
/// A kind of appointment a host offers, with the rules the slot engine applies. Build one from client input with
/// <see cref="EventTypeDraft.Validate"/>, which also documents the defaults.
/// </summary>
public sealed record EventType
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 2000;

    /// <summary>Longest duration and slot interval: 24 hours.</summary>
    public static readonly Duration MaxDuration = Duration.FromHours(24);

    /// <summary>Longest buffer before or after a booking: 24 hours (also bounds busy-window widening).</summary>
    public static readonly Duration MaxBuffer = Duration.FromHours(24);

    /// <summary>Longest minimum notice: 365 days.</summary>
    public static readonly Duration MaxMinimumNotice = Duration.FromDays(365);

    public const int MaxReminderOffsets = 5;

    public required string Title { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Length of a booking, in (0, 24 h].</summary>
    public required Duration Duration { get; init; }

    /// <summary>Step between consecutive slot starts within an availability interval, in (0, 24 h].</summary>
    public required Duration SlotInterval { get; init; }

    /// <summary>Free time required before a booking; part of its busy span. ≥ 0, ≤ 24 h.</summary>
    public Duration BufferBefore { get; init; } = Duration.Zero;

    /// <summary>Free time required after a booking; part of its busy span. ≥ 0, ≤ 24 h.</summary>
    public Duration BufferAfter { get; init; } = Duration.Zero;

    /// <summary>A slot start must be at or after now + this. ≥ 0.</summary>
    public Duration MinimumNotice { get; init; } = Duration.Zero;

    public required BookingWindow BookingWindow { get; init; }

    /// <summary>
    /// At most this many bookings of this event type on one host-local date (by the booking's start); null: no limit.
    /// </summary>
    public int? MaxBookingsPerDay { get; init; }

    /// <summary>Null: free.</summary>
    public Price? Price { get; init; }

    /// <summary>Minutes before the start at which reminders go out; distinct, positive, at most five.</summary>
    public IReadOnlyList<int> ReminderOffsetsMinutes { get; init; } = [1440, 60];

    /// <summary>An inactive event type offers no slots.</summary>
    public bool Active { get; init; } = true;
}
