using NodaTime;

namespace Schedly.Core.Bookings;

/// <summary>
/// Something that happened to a booking, written to the outbox in the same transaction as the
/// change itself and published afterwards. <see cref="Id"/> is unique and stable: consumers use it
/// (with the booking's <see cref="BookingSequence"/>) to make every effect happen once.
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

    public int BookingSequence => Booking.Sequence;

    public static BookingEvent For(string type, Booking booking, Instant occurredAt, Instant? previousStart = null, Instant? previousEnd = null)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return new BookingEvent($"{booking.Id.Random}-{type["booking.".Length..]}-{booking.Sequence}", type, occurredAt, booking, previousStart, previousEnd);
    }
}
