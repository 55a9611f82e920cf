using Schedly.Core.Bookings;
using Schedly.Core.Calendars;
using Schedly.Core.Hosts;
using Schedly.Core.Notifications;

namespace Schedly.Core.Tests.Calendars;

public sealed class OwnBookingUidsTests
{
    [Fact]
    public void ForHost_UidBuiltByBookingCalendar_Matches()
    {
        var host = HostSlug.Parse("ada");
        var uid = BookingCalendar.Uid(BookingId.New(host).Value);

        Assert.True(OwnBookingUids.ForHost(host)(uid));
        Assert.False(OwnBookingUids.ForHost(HostSlug.Parse("bob"))(uid));
    }

    [Theory]
    [InlineData("ada--abcdefghijklmnopqrst@google.com")]
    [InlineData("ada--abcdefghijklmnopqrs@schedly")]
    [InlineData("ada--ABCDEFGHIJKLMNOPQRST@schedly")]
    [InlineData("@schedly")]
    [InlineData("")]
    [InlineData("040000008200E00074C5B7101A82E008")]
    public void BookingIdOf_OtherUids_Null(string uid) => Assert.Null(OwnBookingUids.BookingIdOf(uid));
}
