using Ical.Net;
using NodaTime.Testing;
using Schedly.Core.Bookings;
using Schedly.Core.Notifications;
using Schedly.Core.Security;

namespace Schedly.Core.Tests.Notifications;

/// <summary>
/// The emails of a collective booking of ada, alan and katherine: the client hears once, through ada's booking (the lead),
/// with every host named; each member hears about their own booking as a team booking with the others named. The
/// title is the team's event type's ("Advice"), not the member's own type of the same slug ("Intro call").
/// </summary>
public sealed class CollectiveEmailTests
{
    private static readonly string[] Members = ["ada", "alan", "katherine"];

    private readonly FakeLedger _ledger = new();
    private readonly FakeEmailSender _sender = new();

    private SendBookingEmail CreateSut(Booking booking) => new(
        new FakeReader(
            booking,
            CollectiveSample.Host("ada", "Ada Lovelace"),
            CollectiveSample.Host("alan", "Alan Turing", "de"),
            CollectiveSample.Host("katherine", "Katherine Johnson"))
        {
            Team = CollectiveSample.Team(Members),
        },
        _ledger,
        _sender,
        new ManageTokenIssuer("manage-secret-0123456789abcdef0123456789"),
        new BookingEmailRenderer(),
        new NotificationSettings(new EmailAddress("no-reply@schedly.test", "Schedly"), new Uri("https://book.example.com")),
        new FakeClock(Sample.Now));

    private static EmailEffect Effect(string type, Booking booking, string recipient) =>
        EmailEffect.For(Sample.Event(type, booking.Sequence, booking), recipient);

    /// <summary>Sends the member's <c>booking.created</c> email to <paramref name="recipient"/>: the one message and its invite.</summary>
    private async Task<(EmailMessage Message, Ical.Net.CalendarComponents.CalendarEvent Invite)> SendCreatedAsync(string member, string recipient)
    {
        var booking = CollectiveSample.MemberBooking(member, Members);
        var outcome = await CreateSut(booking).ExecuteAsync(Effect(BookingEvent.Created, booking, recipient), CancellationToken.None);
        Assert.Equal(EmailOutcome.Sent, outcome);
        var message = Assert.Single(_sender.Sent);
        return (message, Assert.Single(Calendar.Load(message.Calendar!.Content)!.Events));
    }

    [Theory]
    [InlineData(BookingEvent.Created)]
    [InlineData(BookingEvent.Rescheduled)]
    [InlineData(BookingEvent.Cancelled)]
    [InlineData(BookingEvent.Pending)]
    [InlineData(BookingEvent.Confirmed)]
    [InlineData(BookingEvent.Declined)]
    [InlineData(BookingEvent.Expired)]
    [InlineData(BookingEvent.Refunded)]
    public async Task Execute_ClientEmailOfAMemberOtherThanTheLead_IsSkipped(string type)
    {
        var booking = CollectiveSample.MemberBooking("alan", Members);

        var outcome = await CreateSut(booking).ExecuteAsync(Effect(type, booking, EmailEffect.ClientRecipient), CancellationToken.None);

        Assert.Equal(EmailOutcome.Skipped, outcome);
        Assert.Empty(_sender.Sent);
    }

    [Fact]
    public async Task Execute_ClientConfirmationOfTheLead_NamesEveryHostInMailAndInvite()
    {
        var (message, invite) = await SendCreatedAsync("ada", EmailEffect.ClientRecipient);

        Assert.Equal("grace@example.com", message.To.Address); // the client
        Assert.StartsWith("Confirmed: Advice with Ada Lovelace, Alan Turing and Katherine Johnson, ", message.Subject, StringComparison.Ordinal);
        Assert.Contains("With: Ada Lovelace <ada@example.org>, Alan Turing <alan@example.org>, Katherine Johnson <katherine@example.org>", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Team booking", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("mailto:ada@example.org", invite.Organizer!.Value!.ToString());
        Assert.Equal(["mailto:grace@example.com", "mailto:alan@example.org", "mailto:katherine@example.org"], invite.Attendees.Select(a => a.Value!.ToString()));
        Assert.Equal(["Grace Hopper", "Alan Turing", "Katherine Johnson"], invite.Attendees.Select(a => a.CommonName));
        Assert.Equal("Advice with Ada Lovelace, Alan Turing and Katherine Johnson", invite.Summary);
    }

    [Fact]
    public async Task Execute_HostEmailOfAMember_SaysTeamBookingWithTheOthers_InTheHostsLanguage()
    {
        var (message, invite) = await SendCreatedAsync("alan", EmailEffect.HostRecipient);

        Assert.Equal("alan@example.org", message.To.Address);
        Assert.StartsWith("Bestätigt: Advice mit Grace Hopper", message.Subject, StringComparison.Ordinal); // the client
        Assert.Contains("Teambuchung, gemeinsam mit Ada Lovelace und Katherine Johnson.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Teambuchung, gemeinsam mit Ada Lovelace und Katherine Johnson.", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("mailto:alan@example.org", invite.Organizer!.Value!.ToString());
        Assert.Equal(3, invite.Attendees.Count); // the client and the two other hosts
    }

    [Fact]
    public async Task Execute_ReminderOfAMemberOtherThanTheLead_ReachesOnlyItsHost()
    {
        var booking = CollectiveSample.MemberBooking("katherine", Members);
        var reminder = new BookingEventReference(
            "r-1", Core.Reminders.DueReminder.EventType, Sample.Now.ToString(), "katherine", booking.Id.Value, booking.EventType, 0, booking.Start.ToString(), booking.End.ToString(), null, null);
        var sut = CreateSut(booking);

        var client = await sut.ExecuteAsync(EmailEffect.For(reminder, EmailEffect.ClientRecipient) with { ReminderOffsetMinutes = 60 }, CancellationToken.None);
        var host = await sut.ExecuteAsync(EmailEffect.For(reminder, EmailEffect.HostRecipient) with { ReminderOffsetMinutes = 60 }, CancellationToken.None);

        Assert.Equal((EmailOutcome.Skipped, EmailOutcome.Sent), (client, host));
        Assert.Equal("katherine@example.org", Assert.Single(_sender.Sent).To.Address);
    }
}
