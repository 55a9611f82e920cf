using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Tests.Notifications;

namespace Schedly.Core.Tests.Payments;

/// <summary>The pending states' transitions on the booking itself: what each allows, and that the rest throw.</summary>
public sealed class PendingBookingTransitionsTests
{
    private static readonly Instant Later = Sample.Now + Duration.FromMinutes(5);

    private static Booking AwaitingPayment() => Sample.Booking(status: BookingStatus.PendingPayment) with
    {
        ExpiresAt = Sample.Now + Duration.FromMinutes(31),
        Payment = new BookingPayment("cs_1", new Uri("https://checkout.example/cs_1")),
    };

    private static Booking AwaitingApproval() => Sample.Booking(status: BookingStatus.PendingApproval) with { ExpiresAt = Sample.Now + Duration.FromHours(2) };

    [Fact]
    public void PendingStatuses_HoldTheirTime_EndedOnesDoNot()
    {
        Assert.True(AwaitingPayment().HoldsTime);
        Assert.True(AwaitingApproval().HoldsTime);
        Assert.False(AwaitingPayment().IsActive);
        Assert.False(AwaitingApproval().Decline(null, Later).HoldsTime);
        Assert.False(AwaitingPayment().Expire(Later).HoldsTime);
    }

    [Fact]
    public void ConfirmPaid_RecordsThePayment_AndConfirms()
    {
        var paid = AwaitingPayment().ConfirmPaid("pi_1", Later);

        Assert.Equal(BookingStatus.Confirmed, paid.Status);
        Assert.Equal(("pi_1", Later), (paid.Payment!.PaymentIntentId, paid.Payment.PaidAt!.Value));
        Assert.True(paid.Payment.IsRefundable);
    }

    [Fact]
    public void MarkRefunded_OnlyOnce()
    {
        var refunded = AwaitingPayment().ConfirmPaid("pi_1", Later).MarkRefunded("re_1", Later);

        Assert.False(refunded.Payment!.IsRefundable);
        Assert.Throws<InvalidOperationException>(() => refunded.MarkRefunded("re_2", Later));
        Assert.Throws<InvalidOperationException>(() => AwaitingPayment().MarkRefunded("re_1", Later));
    }

    [Fact]
    public void Approve_AndDecline_OnlyWhilePendingApproval()
    {
        Assert.Equal(BookingStatus.Confirmed, AwaitingApproval().Approve(Later).Status);
        var declined = AwaitingApproval().Decline("Full", Later);
        Assert.Equal((BookingStatus.Declined, "Full", Booking.ByHost), (declined.Status, declined.CancelReason, declined.CancelledBy));

        Assert.Throws<InvalidOperationException>(() => AwaitingPayment().Approve(Later));
        Assert.Throws<InvalidOperationException>(() => declined.Approve(Later));
        Assert.Throws<InvalidOperationException>(() => AwaitingApproval().Approve(Later).Decline(null, Later));
    }

    [Fact]
    public void EndedBookings_CannotExpireConfirmOrCancel()
    {
        var expired = AwaitingPayment().Expire(Later);

        Assert.Throws<InvalidOperationException>(() => expired.Expire(Later));
        Assert.Throws<InvalidOperationException>(() => expired.ConfirmPaid("pi_1", Later));
        Assert.Throws<InvalidOperationException>(() => expired.Cancel(null, Booking.ByClient, Later));
        Assert.Throws<InvalidOperationException>(() => Sample.Booking().Expire(Later));
    }

    [Fact]
    public void Cancel_APendingBooking_FreesIt()
    {
        Assert.Equal(BookingStatus.Cancelled, AwaitingPayment().Cancel(null, Booking.ByClient, Later).Status);
    }

    [Fact]
    public void ConfirmChange_RemovesTheExpiryEntry_KeepsTheClaim()
    {
        var current = new Schedly.Core.Hosts.Versioned<Booking>(AwaitingApproval(), "v1");
        var approved = current.Value.Approve(Later);

        var change = BookingChange.Confirm(current, approved, BookingEvent.For(BookingEvent.Confirmed, approved, Later));

        Assert.Equal(current.Value.ExpiresAt, change.ExpiryToRemove);
        Assert.Empty(change.Cells);
        Assert.Equal("v1", change.ExpectedVersion);
    }

    [Fact]
    public void StatusWireNames_RoundTrip()
    {
        foreach (var status in Enum.GetValues<BookingStatus>())
        {
            Assert.Equal(status, BookingStatuses.Parse(BookingStatuses.WireName(status)));
        }

        Assert.Equal("pendingPayment", BookingStatuses.WireName(BookingStatus.PendingPayment));
        Assert.Null(BookingStatuses.Parse("PendingPayment"));
    }
}
