using NodaTime;
using Schedly.Core.Scheduling;
using Schedly.Core.Security;

namespace Schedly.Core.Bookings;

/// <summary>
/// A booking as stored. <see cref="Start"/>/<see cref="End"/> are the meeting ([start, end));
/// the buffers are the event type's at booking time and widen the time the booking claims.
/// <see cref="Sequence"/> starts at 0 and rises with each reschedule (iCalendar SEQUENCE).
/// <see cref="HostDate"/> is the host-local date of the start when booked, the day it counts toward.
/// </summary>
public sealed record Booking(
    BookingId Id,
    string EventType,
    Instant Start,
    Instant End,
    Duration BufferBefore,
    Duration BufferAfter,
    BookingStatus Status,
    ClientDetails Client,
    ApiKeyHash ManageTokenHash,
    Instant CreatedAt,
    Instant UpdatedAt,
    int Sequence,
    Price? Price,
    LocalDate HostDate)
{
    public bool NoShow { get; init; }

    public string? CancelReason { get; init; }

    /// <summary>
    /// The reminder offsets (minutes before the start) the booking was made with; its reminder entries
    /// are these offsets' due times that were still ahead when the booking was made or moved.
    /// </summary>
    public IReadOnlyList<int> ReminderOffsetsMinutes { get; init; } = [];

    /// <summary>Who cancelled: "client" or "host"; null while confirmed.</summary>
    public string? CancelledBy { get; init; }

    /// <summary>The time this booking keeps from others: the meeting widened by its buffers.</summary>
    public Interval ClaimedSpan => new(Start - BufferBefore, End + BufferAfter);
}
