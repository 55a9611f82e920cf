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
/// <see cref="SetNoShow"/> enforce the status rules (only a confirmed booking moves or is marked; a no-show only once
/// the meeting has started; a pending one can be cancelled) and throw <see cref="InvalidOperationException"/> when
/// asked for a transition the status does not allow. A pending booking (<see cref="IsPending"/>) ends through
/// <see cref="ConfirmPaid"/>, <see cref="Approve"/>, <see cref="Decline"/>, <see cref="Expire"/> or
/// <see cref="Cancel"/>. Use cases check <see cref="IsActive"/>, <see cref="IsPending"/> or
/// <see cref="HoldsTime"/> first to answer the caller, then call the transition.
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

    /// <summary>
    /// How many more times the client may reschedule; null: no limit. <see cref="Sequence"/> counts every move so far;
    /// the host's own moves (<see cref="HostMoves"/>) do not use up the client's allowance.
    /// </summary>
    public int? ReschedulesLeft => ClientPolicy.MaxReschedules is { } max ? Math.Max(0, max - (Sequence - HostMoves)) : null;

    /// <summary>How many of the moves counted in <see cref="Sequence"/> the host made (from the dashboard or the API).</summary>
    public int HostMoves { get; init; }

    /// <summary>Who cancelled: <see cref="ByClient"/> or <see cref="ByHost"/>; null while confirmed.</summary>
    public string? CancelledBy { get; init; }

    /// <summary>True while the booking is confirmed.</summary>
    public bool IsActive => Status == BookingStatus.Confirmed;

    /// <summary>True while the booking keeps its time from others: confirmed, or pending payment or approval.</summary>
    public bool HoldsTime => BookingStatuses.HoldsTime(Status);

    /// <summary>True while the booking waits for a payment or the host's answer.</summary>
    public bool IsPending => BookingStatuses.IsPending(Status);

    /// <summary>When a pending booking lapses unless paid or answered; null for a booking that never waited.</summary>
    public Instant? ExpiresAt { get; init; }

    /// <summary>The booking's payment, when its event type required one; null otherwise.</summary>
    public BookingPayment? Payment { get; init; }

    /// <summary>The team the booking was made through (its members, how this host was chosen); null for a host's own booking.</summary>
    public Teams.TeamBooking? Team { get; init; }

    /// <summary>The time this booking keeps from others: the meeting widened by its buffers.</summary>
    public Interval ClaimedSpan => new(Start - BufferBefore, End + BufferAfter);

    /// <summary>
    /// A new confirmed booking of <paramref name="eventType"/> at <paramref name="start"/>, made <paramref name="now"/>,
    /// at <paramref name="location"/> (the event type's, resolved for this booking).
    /// </summary>
    /// <remarks>With <paramref name="pending"/> the booking starts in its pending status instead, holding its time until it
    /// expires at <see cref="PendingTerms.ExpiresAt"/> (which must be after <paramref name="now"/>).</remarks>
    public static Booking Create(BookingId id, string eventTypeSlug, EventType eventType, Instant start, ClientDetails client, ApiKeyHash manageTokenHash, DateTimeZone hostZone, Instant now, BookingLocation? location = null, PendingTerms? pending = null)
    {
        if (pending is not null && pending.ExpiresAt <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(pending), "A pending booking expires after it is made.");
        }

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
            pending?.Status ?? BookingStatus.Confirmed,
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
            ExpiresAt = pending?.ExpiresAt,
            Payment = pending?.Payment,
        };
    }

    /// <summary>The booking cancelled by <paramref name="cancelledBy"/>; only a booking that holds its time (confirmed or pending) can be cancelled.</summary>
    public Booking Cancel(string? reason, string cancelledBy, Instant now)
    {
        if (!HoldsTime)
        {
            throw new InvalidOperationException($"A {Status} booking cannot be cancelled.");
        }

        return this with { Status = BookingStatus.Cancelled, CancelReason = reason, CancelledBy = cancelledBy, UpdatedAt = now };
    }

    /// <summary>The booking confirmed by its payment (<paramref name="paymentIntentId"/>, the provider's id); only while pending payment.</summary>
    public Booking ConfirmPaid(string paymentIntentId, Instant now)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentIntentId);
        EnsureStatus(BookingStatus.PendingPayment, "confirmed by a payment");
        return this with
        {
            Status = BookingStatus.Confirmed,
            UpdatedAt = now,
            Payment = Payment! with { PaymentIntentId = paymentIntentId, PaidAt = now },
        };
    }

    /// <summary>The booking confirmed by the host; only while pending approval.</summary>
    public Booking Approve(Instant now)
    {
        EnsureStatus(BookingStatus.PendingApproval, "approved");
        return this with { Status = BookingStatus.Confirmed, UpdatedAt = now };
    }

    /// <summary>The request declined by the host, freeing its time; only while pending approval.</summary>
    public Booking Decline(string? reason, Instant now)
    {
        EnsureStatus(BookingStatus.PendingApproval, "declined");
        return this with { Status = BookingStatus.Declined, CancelReason = reason, CancelledBy = ByHost, UpdatedAt = now };
    }

    /// <summary>The pending booking lapsed (unpaid or unanswered), freeing its time.</summary>
    public Booking Expire(Instant now)
    {
        if (!IsPending)
        {
            throw new InvalidOperationException($"A {Status} booking cannot expire.");
        }

        return this with { Status = BookingStatus.Expired, UpdatedAt = now };
    }

    /// <summary>A collective booking's hold made a booking: the protocol committed it.</summary>
    public Booking ConfirmHold(Instant now)
    {
        EnsureStatus(BookingStatus.Held, "confirmed as a collective booking");
        return this with { Status = BookingStatus.Confirmed, UpdatedAt = now };
    }

    /// <summary>A collective booking's hold given back: the protocol rolled the booking back, freeing its time.</summary>
    public Booking ReleaseHold(Instant now)
    {
        EnsureStatus(BookingStatus.Held, "released");
        return this with { Status = BookingStatus.Released, UpdatedAt = now };
    }

    /// <summary>The booking with its payment refunded (<paramref name="refundId"/>, the provider's id); only a paid, unrefunded booking.</summary>
    public Booking MarkRefunded(string refundId, Instant now)
    {
        ArgumentException.ThrowIfNullOrEmpty(refundId);
        if (Payment is not { IsRefundable: true } payment)
        {
            throw new InvalidOperationException("Only a paid booking that was not refunded yet can be refunded.");
        }

        return this with { UpdatedAt = now, Payment = payment with { RefundedAt = now, RefundId = refundId } };
    }

    /// <summary>
    /// The booking moved to <paramref name="start"/> with <paramref name="eventType"/>'s current duration, buffers and
    /// reminders; the sequence rises by one (and <see cref="HostMoves"/> too when <paramref name="byHost"/>). Only a
    /// confirmed booking can move.
    /// </summary>
    public Booking MoveTo(Instant start, EventType eventType, DateTimeZone hostZone, Instant now, bool byHost = false)
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
            HostMoves = HostMoves + (byHost ? 1 : 0),
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

    private void EnsureStatus(BookingStatus required, string change)
    {
        if (Status != required)
        {
            throw new InvalidOperationException($"A {Status} booking cannot be {change}.");
        }
    }

    private void EnsureActive(string change)
    {
        if (!IsActive)
        {
            throw new InvalidOperationException($"A {Status.ToString().ToLowerInvariant()} booking cannot be {change}.");
        }
    }
}
