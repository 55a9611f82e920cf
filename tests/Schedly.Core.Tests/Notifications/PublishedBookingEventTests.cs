using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Notifications;

namespace Schedly.Core.Tests.Notifications;

public sealed class PublishedBookingEventTests
{
    [Fact]
    public void Serialize_ThenTryParse_RoundTripsIdsAndTimesWithoutPersonalData()
    {
        var booking = Sample.Booking(sequence: 2);
        var occurred = Instant.FromUtc(2026, 11, 25, 10, 0);
        var rescheduled = BookingEvent.For(BookingEvent.Rescheduled, booking, occurred, booking.Start - Duration.FromHours(1), booking.End - Duration.FromHours(1));

        var json = PublishedBookingEvent.Serialize(rescheduled);
        var parsed = PublishedBookingEvent.TryParse(json);

        Assert.NotNull(parsed);
        Assert.Equal(rescheduled.Id, parsed.EventId);
        Assert.Equal(BookingEvent.Rescheduled, parsed.Type);
        Assert.Equal(booking.Id.Value, parsed.BookingId);
        Assert.Equal(2, parsed.Sequence);
        Assert.Equal(booking.Start, parsed.StartInstant);
        Assert.Equal(booking.Start - Duration.FromHours(1), parsed.PreviousStartInstant);
        Assert.Equal(occurred, parsed.OccurredAtInstant);
        Assert.DoesNotContain(booking.Client.Email, json, StringComparison.Ordinal);
        Assert.DoesNotContain(booking.Client.Name, json, StringComparison.Ordinal);
    }
}
