using NodaTime;
using Schedly.Core.Locations;
using Schedly.Core.Scheduling;
using Schedly.Core.Security;

namespace Schedly.Core.Bookings;

/// <summary>
/// A booking as stored. <see cref="Start"/>/<see cref="End"/> are the meeting ([start, end), end after start);
/// the buffers (never negative) are the event type's at booking time and widen the time the booking claims.
/// <see cref="Sequence"/> starts at 0 and rises with each reschedule (iCalendar SEQUENCE).
/// <see cref="HostDate"/> is the host-local date of the start when booked, the day it counts toward.
/// </summary>
/// <remarks>
/// The booking decides its own transitions: <see cref="Create"/>, <see cref="Cancel"/>, <see cref="MoveTo"/> and
/// <see cref="SetNoShow"/> enforce the status rules (only a confirmed booking changes; a no-show only once the
/// meeting has started) and throw <see cref="InvalidOperationException"/> when asked for a transition the status
/// does not allow. Use cases check <see cref="IsActive"/> first to answer the client, then call the transition.
/// </remarks>
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
    /// <summary>Who cancelled when the client did (with the manage token).</summary>
    public const string ByClient = "client";

    /// <summary>Who cancelled when the host or the operator did.</summary>
    public const string ByHost = "host";

    public Instant End { get; init; } = End > Start ? End : throw new ArgumentException("A booking must end after it starts.", nameof(End));

    public Duration BufferBefore { get; init; } = BufferBefore >= Duration.Zero ? BufferBefore : throw new ArgumentOutOfRangeException(nameof(BufferBefore), "Buffers are never negative.");

    public Duration BufferAfter { get; init; } = BufferAfter >= Duration.Zero ? BufferAfter : throw new ArgumentOutOfRangeException(nameof(BufferAfter), "Buffers are never negative.");

    public int Sequence { get; init; } = Sequence >= 0 ? Sequence : throw new ArgumentOutOfRangeException(nameof(Sequence), "The sequence starts at 0.");

    public bool NoShow { get; init; }

    public string? CancelReason { get; init; }

    /// <summary>
    /// The reminder offsets (minutes before the start) the booking was made with; its reminder entries
    /// are these offsets' due times that were still ahead when the booking was made or moved.
    /// </summary>
    public IReadOnlyList<int> ReminderOffsetsMinutes { get; init; } = [];

    /// <summary>Where the meeting happens, resolved when booked and kept across reschedules; null: not said (or booked before locations existed).</summary>
    public BookingLocation? Location { get; init; }

    /// <summary>The client change policy the booking was made under (<see cref="ClientPolicy.None"/> for earlier bookings).</summary>
    public ClientPolicy ClientPolicy { get; init; } = ClientPolicy.None;

    /// <summary>The last instant the client may cancel; null: any time.</summary>
    public Instant? CancelDeadline => ClientPolicy.CancelDeadline(Start);

    /// <summary>The last instant the client may reschedule; null: any time (while reschedules are left).</summary>
    public Instant? RescheduleDeadline => ClientPolicy.RescheduleDeadline(Start);

    /// <summary>How many more times the client may reschedule; null: no limit. <see cref="Sequence"/> counts the reschedules so far.</summary>
    public int? ReschedulesLeft => ClientPolicy.MaxReschedules is { } max ? Math.Max(0, max - Sequence) : null;

    /// <summary>Who cancelled: <see cref="ByClient"/> or <see cref="ByHost"/>; null while confirmed.</summary>
    public string? CancelledBy { get; init; }

    /// <summary>True while the booking holds its time (it is confirmed).</summary>
    public bool IsActive => Status == BookingStatus.Confirmed;

    /// <summary>The time this booking keeps from others: the meeting widened by its buffers.</summary>
    public Interval ClaimedSpan => new(Start - BufferBefore, End + BufferAfter);

    /// <summary>
    /// A new confirmed booking of <paramref name="eventType"/> at <paramref name="start"/>, made <paramref name="now"/>,
    /// at <paramref name="location"/> (the event type's, resolved for this booking).
    /// </summary>
    public static Booking Create(BookingId id, string eventTypeSlug, EventType eventType, Instant start, ClientDetails client, ApiKeyHash manageTokenHash, DateTimeZone hostZone, Instant now, BookingLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(hostZone);
        return new(
            id,
            eventTypeSlug,
            start,
            start + eventType.Duration,
            eventType.BufferBefore,
            eventType.BufferAfter,
            BookingStatus.Confirmed,
            client,
            manageTokenHash,
            now,
            now,
            Sequence: 0,
            eventType.Price,
            start.InZone(hostZone).Date)
        {
            ReminderOffsetsMinutes = eventType.ReminderOffsetsMinutes,
            Location = location,
            ClientPolicy = eventType.ClientPolicy,
        };
    }

    /// <summary>The booking cancelled by <paramref name="cancelledBy"/>; only a confirmed booking can be cancelled.</summary>
    public Booking Cancel(string? reason, string cancelledBy, Instant now)
    {
        EnsureActive("cancelled");
        return this with { Status = BookingStatus.Cancelled, CancelReason = reason, CancelledBy = cancelledBy, UpdatedAt = now };
    }

    /// <summary>
    /// The booking moved to <paramref name="start"/> with <paramref name="eventType"/>'s current duration, buffers and
    /// reminders; the sequence rises by one. Only a confirmed booking can move.
    /// </summary>
    public Booking MoveTo(Instant start, EventType eventType, DateTimeZone hostZone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(hostZone);
        EnsureActive("moved");
        return this with
        {
            Start = start,
            End = start + eventType.Duration,
            BufferBefore = eventType.BufferBefore,
            BufferAfter = eventType.BufferAfter,
            HostDate = start.InZone(hostZone).Date,
            Sequence = Sequence + 1,
            UpdatedAt = now,
            ReminderOffsetsMinutes = eventType.ReminderOffsetsMinutes,
        };
    }

    /// <summary>
    /// The booking with its no-show mark set or cleared. Only a confirmed booking whose meeting has started can
    /// be marked. Each change moves <see cref="UpdatedAt"/> on by at least a millisecond (even when two
    /// instances' clocks disagree), so a no_show event id, which carries it in milliseconds, is never reused.
    /// </summary>
    public Booking SetNoShow(bool noShow, Instant now)
    {
        EnsureActive("marked");
        if (Start > now)
        {
            throw new InvalidOperationException("A no-show can only be recorded once the meeting has started.");
        }

        var updatedAt = now.ToUnixTimeMilliseconds() > UpdatedAt.ToUnixTimeMilliseconds()
            ? now
            : Instant.FromUnixTimeMilliseconds(UpdatedAt.ToUnixTimeMilliseconds() + 1);
        return this with { NoShow = noShow, UpdatedAt = updatedAt };
    }

    private void EnsureActive(string change)
    {
        if (!IsActive)
        {
            throw new InvalidOperationException($"A {Status.ToString().ToLowerInvariant()} booking cannot be {change}.");
        }
    }
}
