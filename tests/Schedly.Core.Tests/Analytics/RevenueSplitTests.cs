using NodaTime;
using Schedly.Core.Analytics;
using Schedly.Core.Bookings;
using Schedly.Core.Scheduling;
using Schedly.Core.Tests.Notifications;

namespace Schedly.Core.Tests.Analytics;

/// <summary>The revenue split: collected online, refunded, expected; the old revenue figure unchanged.</summary>
public sealed class RevenueSplitTests
{
    private static readonly Price Fifty = new(50m, "EUR");
    private static readonly Instant Later = Sample.Now + Duration.FromMinutes(1);

    private static Booking Priced(BookingStatus status = BookingStatus.Confirmed) => Sample.Booking(status: status) with { Id = BookingId.New(Sample.HostSlug), Price = Fifty };

    private static Booking AwaitingPayment() => Priced(BookingStatus.PendingPayment) with
    {
        ExpiresAt = Later + Duration.FromMinutes(30),
        Payment = new BookingPayment("cs_" + Guid.NewGuid().ToString("N"), new Uri("https://checkout.example/x")),
    };

    [Fact]
    public void Rollup_SplitsRevenueByWhatHappenedToTheMoney()
    {
        var paid = AwaitingPayment().ConfirmPaid("pi_1", Later);
        var paidThenRefunded = AwaitingPayment().ConfirmPaid("pi_2", Later).MarkRefunded("re_2", Later);
        var awaiting = AwaitingPayment();
        var payAtMeeting = Priced();
        var expired = AwaitingPayment().Expire(Later);

        var day = Assert.Single(AnalyticsCalculator.Rollup([paid, paidThenRefunded, awaiting, payAtMeeting, expired], DateTimeZone.Utc, Sample.Now));

        Assert.Equal(100m, day.Collected["EUR"]);
        Assert.Equal(50m, day.Refunded["EUR"]);
        Assert.Equal(100m, day.Expected["EUR"]); // paid at the meeting, and the one awaiting payment
        Assert.Equal(150m, day.Revenue["EUR"]); // the confirmed ones, as before
        var report = AnalyticsReport.From([day, day]);
        Assert.Equal((200m, 100m, 200m), (report.Collected["EUR"], report.Refunded["EUR"], report.Expected["EUR"]));
    }
}
