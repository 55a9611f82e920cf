using FsCheck.Xunit;
using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Scheduling;
using Schedly.Core.Tests.Notifications;

namespace Schedly.Core.Tests.Bookings;

public sealed class ClientChangeRulesTests
{
    private static readonly ClientPolicy DayBefore = new(Duration.FromMinutes(1440), Duration.FromMinutes(720), MaxReschedules: 2);

    private static Booking Booked(int sequence = 0) => Sample.Booking(sequence) with { ClientPolicy = DayBefore };

    [Fact]
    public void RefuseCancel_BeforeOrAtDeadline_Allows()
    {
        Assert.Null(ClientChangeRules.RefuseCancel(Booked(), Sample.Start - Duration.FromDays(2)));
        Assert.Null(ClientChangeRules.RefuseCancel(Booked(), Sample.Start - Duration.FromDays(1)));
    }

    [Fact]
    public void RefuseCancel_AfterDeadline_NamesTheDeadlineInUtcAndTheClientsZone()
    {
        var detail = ClientChangeRules.RefuseCancel(Booked(), Sample.Start - Duration.FromDays(1) + Duration.FromSeconds(1));

        Assert.NotNull(detail);
        Assert.Contains("2026-11-30T14:00:00Z", detail, StringComparison.Ordinal);
        Assert.Contains(Sample.Booking().Client.TimeZone.Id, detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RefuseReschedule_LimitReached_RefusesEvenEarly()
    {
        Assert.Null(ClientChangeRules.RefuseReschedule(Booked(sequence: 1), Sample.Now));
        Assert.Contains("rescheduled 2 times", ClientChangeRules.RefuseReschedule(Booked(sequence: 2), Sample.Now), StringComparison.Ordinal);
    }

    [Fact]
    public void NoPolicy_AllowsAnythingAnyTime()
    {
        var booking = Sample.Booking(sequence: 50);

        Assert.Null(ClientChangeRules.RefuseCancel(booking, Sample.Start + Duration.FromDays(1)));
        Assert.Null(ClientChangeRules.RefuseReschedule(booking, Sample.Start + Duration.FromDays(1)));
        Assert.Null(booking.CancelDeadline);
    }

    [Property(MaxTest = 300)]
    public void RefuseCancel_IsExactlyAfterStartMinusNotice(ushort noticeMinutes, int offsetSeconds)
    {
        var booking = Sample.Booking() with { ClientPolicy = new ClientPolicy(Duration.FromMinutes(noticeMinutes), null, null) };
        var now = Sample.Start - Duration.FromMinutes(noticeMinutes) + Duration.FromSeconds(offsetSeconds % 100_000);

        Assert.Equal(now > booking.Start - Duration.FromMinutes(noticeMinutes), ClientChangeRules.RefuseCancel(booking, now) is not null);
    }
}
