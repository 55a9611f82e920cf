using Ical.Net;
using Schedly.Core.Notifications;

namespace Schedly.Email.Tests;

public sealed class BookingCalendarTests
{
    private static Calendar Parse(string ics) => Calendar.Load(ics) ?? throw new InvalidOperationException("No calendar.");

    [Fact]
    public void Create_NewBooking_ParsesBackAsConfirmedRequest()
    {
        var ics = BookingCalendar.Create(BookingCalendarEvent.From(Notices.Create(), Notices.IssuedAt));

        var calendar = Parse(ics);
        var booking = Assert.Single(calendar.Events);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal("bk_01J9Z@schedly", booking.Uid);
        Assert.Equal(0, booking.Sequence);
        Assert.Equal(Notices.Start.ToDateTimeUtc(), booking.DtStart!.AsUtc);
        Assert.Equal(Notices.Start.Plus(NodaTime.Duration.FromMinutes(30)).ToDateTimeUtc(), booking.DtEnd!.AsUtc);
        Assert.True(booking.DtStart.IsUtc);
        Assert.Equal("CONFIRMED", booking.Status);
        Assert.Equal("Intro call with Ada Lovelace", booking.Summary);
        Assert.Equal("mailto:ada@example.com", booking.Organizer!.Value!.ToString());
        Assert.Equal("Ada Lovelace", booking.Organizer.CommonName);
        var attendee = Assert.Single(booking.Attendees);
        Assert.Equal("mailto:grace@example.com", attendee.Value!.ToString());
        Assert.Equal("Grace Hopper", attendee.CommonName);
        Assert.Contains("https://schedly.example/manage/bk_01J9Z?token=abc&x=1", booking.Description, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20260316T140000Z", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Reschedule_KeepsUidAndRaisesSequence()
    {
        var ics = BookingCalendar.Create(BookingCalendarEvent.From(Notices.Create(NoticeKind.Rescheduled), Notices.IssuedAt));

        var booking = Assert.Single(Parse(ics).Events);
        Assert.Equal("bk_01J9Z@schedly", booking.Uid);
        Assert.Equal(1, booking.Sequence);
    }

    [Fact]
    public void Create_Cancellation_ParsesBackAsCancelledCancel()
    {
        var ics = BookingCalendar.Create(BookingCalendarEvent.From(Notices.Create(NoticeKind.Cancelled), Notices.IssuedAt));

        var calendar = Parse(ics);
        var booking = Assert.Single(calendar.Events);
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal("CANCELLED", booking.Status);
        Assert.Equal(2, booking.Sequence);
        Assert.Equal("bk_01J9Z@schedly", booking.Uid);
    }

    [Fact]
    public void Create_HostCopy_HasNoManageLink()
    {
        var ics = BookingCalendar.Create(BookingCalendarEvent.From(Notices.Create(recipient: NoticeRecipient.Host), Notices.IssuedAt));

        Assert.DoesNotContain("schedly.example/manage", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SameInput_GivesSameText()
    {
        var booking = BookingCalendarEvent.From(Notices.Create(), Notices.IssuedAt);

        Assert.Equal(BookingCalendar.Create(booking), BookingCalendar.Create(booking));
    }
}
