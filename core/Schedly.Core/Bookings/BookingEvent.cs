using System.Globalization;
using NodaTime;

namespace Schedly.Core.Bookings;

/// <summary>
/// Something that happened to a booking, written to the outbox in the same transaction as the
/// change itself and published afterwards. <see cref="Id"/> is unique and stable: consumers use it
/// (with the booking's <see cref="BookingSequence"/>) to make every effect happen once. It is
/// <c>{random}-{type}-{sequence}</c>, and for <see cref="NoShow"/> and <see cref="NoShowCleared"/>
/// <c>{random}-no_show-{sequence}-{updatedAt}</c> (or <c>no_show_cleared</c>)
/// (the booking's <see cref="Booking.UpdatedAt"/> in Unix milliseconds): a no-show can be marked, undone
/// and marked again without the sequence changing, and each mark is its own event.
/// </summary>
public sealed record BookingEvent(
    string Id,
    string Type,
    Instant OccurredAt,
    Booking Booking,
    Instant? PreviousStart = null,
    Instant? PreviousEnd = null)
{
    public const string Created = "booking.created";
    public const string Rescheduled = "booking.rescheduled";
    public const string Cancelled = "booking.cancelled";
    public const string NoShow = "booking.no_show";

    /// <summary>A no-show mark undone by the host: no email; webhooks for endpoints that subscribe; analytics follow it.</summary>
    public const string NoShowCleared = "booking.no_show_cleared";

    /// <summary>A booking made in a pending status (waiting for payment or the host's approval); its status says which.</summary>
    public const string Pending = "booking.pending";

    /// <summary>A pending booking confirmed: paid, or approved by the host.</summary>
    public const string Confirmed = "booking.confirmed";

    /// <summary>A pending request the host declined; its time is free again.</summary>
    public const string Declined = "booking.declined";

    /// <summary>A pending booking that was not paid or answered in time; its time is free again.</summary>
    public const string Expired = "booking.expired";

    /// <summary>A paid booking's payment went back to the client.</summary>
    public const string Refunded = "booking.refunded";

    public int BookingSequence => Booking.Sequence;

    public static BookingEvent For(string type, Booking booking, Instant occurredAt, Instant? previousStart = null, Instant? previousEnd = null)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var id = $"{booking.Id.Random}-{type["booking.".Length..]}-{booking.Sequence}";
        if (type is NoShow or NoShowCleared)
        {
            id += "-" + booking.UpdatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        }

        return new BookingEvent(id, type, occurredAt, booking, previousStart, previousEnd);
    }
}
