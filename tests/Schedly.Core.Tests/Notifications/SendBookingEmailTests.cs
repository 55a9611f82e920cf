using Ical.Net;
using NodaTime;
using NodaTime.Testing;
using Schedly.Core.Bookings;
using Schedly.Core.Notifications;
using Schedly.Core.Security;

namespace Schedly.Core.Tests.Notifications;

public sealed class SendBookingEmailTests
{
    private const string ManageSecret = "manage-secret-0123456789abcdef0123456789";

    private readonly FakeLedger _ledger = new();
    private readonly FakeEmailSender _sender = new();

    private SendBookingEmail CreateSut(Booking? booking = null) => new(
        new FakeReader(booking ?? Sample.Booking(), Sample.Host()),
        _ledger,
        _sender,
        new ManageTokenIssuer(ManageSecret),
        new BookingEmailRenderer(),
        new NotificationSettings(new EmailAddress("no-reply@schedly.test", "Schedly"), new Uri("https://book.example.com")),
        new FakeClock(Sample.Now));

    [Fact]
    public async Task Execute_CreatedForClient_SendsInviteWithManageLinkInClientZone()
    {
        var effect = EmailEffect.For(Sample.Event(BookingEvent.Created), EmailEffect.ClientRecipient);

        var outcome = await CreateSut().ExecuteAsync(effect, CancellationToken.None);

        Assert.Equal(EmailOutcome.Sent, outcome);
        var message = Assert.Single(_sender.Sent);
        Assert.Equal("grace@example.com", message.To.Address);
        Assert.Equal($"{Sample.BookingId.Value}.created.client.0", message.MessageId);
        var token = new ManageTokenIssuer(ManageSecret).Issue(Sample.BookingId).Value;
        Assert.Contains($"https://book.example.com/manage#id={Sample.BookingId.Value}&token={token}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("09:00", message.TextBody, StringComparison.Ordinal); // 14:00Z in New York
        var calendar = Calendar.Load(message.Calendar!.Content)!;
        Assert.Equal("REQUEST", calendar.Method);
        var invite = Assert.Single(calendar.Events);
        Assert.Equal(Sample.Start.ToDateTimeUtc(), invite.DtStart!.AsUtc);
        Assert.Equal(0, invite.Sequence);
    }

    [Fact]
    public async Task Execute_BookedInPortuguese_LaterEmailsUseTheBookingsLanguage()
    {
        var booking = Sample.Booking() with { Client = Sample.Booking().Client with { Locale = "pt-BR" } };
        var sut = CreateSut(booking);

        await sut.ExecuteAsync(EmailEffect.For(Sample.Event(BookingEvent.Created), EmailEffect.ClientRecipient), CancellationToken.None);
        await sut.ExecuteAsync(EmailEffect.For(Sample.Event(BookingEvent.Created), EmailEffect.HostRecipient), CancellationToken.None);

        var client = _sender.Sent[0];
        Assert.StartsWith("Confirmado: ", client.Subject, StringComparison.Ordinal);
        Assert.Contains("Duração: 30 minutos", client.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://book.example.com/manage?lang=pt-BR#id=", client.TextBody, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:", client.Calendar!.Content, StringComparison.Ordinal);
        Assert.Contains(" com Ada Lovelace", Calendar.Load(client.Calendar.Content)!.Events.Single().Summary, StringComparison.Ordinal);
        Assert.StartsWith("Confirmed: ", _sender.Sent[1].Subject, StringComparison.Ordinal); // the host's own language
    }

    [Fact]
    public async Task Execute_HostNotice_IsInHostZoneWithoutManageLink()
    {
        var effect = EmailEffect.For(Sample.Event(BookingEvent.Created), EmailEffect.HostRecipient);

        await CreateSut().ExecuteAsync(effect, CancellationToken.None);

        var message = Assert.Single(_sender.Sent);
        Assert.Equal("ada@example.com", message.To.Address);
        Assert.Contains("14:00", message.TextBody, StringComparison.Ordinal); // London is UTC in December
        Assert.DoesNotContain("token=", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_Cancelled_SendsCancelWithRaisedSequence()
    {
        var cancelled = Sample.Booking(1, BookingStatus.Cancelled);
        var effect = EmailEffect.For(Sample.Event(BookingEvent.Cancelled, booking: cancelled), EmailEffect.ClientRecipient);

        await CreateSut(cancelled).ExecuteAsync(effect, CancellationToken.None);

        var calendar = Calendar.Load(Assert.Single(_sender.Sent).Calendar!.Content)!;
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal(2, Assert.Single(calendar.Events).Sequence);
    }

    [Fact]
    public async Task Execute_SameEffectTwice_SendsOnce()
    {
        var effect = EmailEffect.For(Sample.Event(BookingEvent.Created), EmailEffect.ClientRecipient);
        var sut = CreateSut();

        await sut.ExecuteAsync(effect, CancellationToken.None);
        var second = await sut.ExecuteAsync(effect, CancellationToken.None);

        Assert.Equal(EmailOutcome.AlreadySent, second);
        Assert.Single(_sender.Sent);
    }

    [Fact]
    public async Task Execute_SendFails_ThrowsAndRecordsNothing()
    {
        _sender.Fail = true;
        var effect = EmailEffect.For(Sample.Event(BookingEvent.Created), EmailEffect.ClientRecipient);

        await Assert.ThrowsAsync<IOException>(() => CreateSut().ExecuteAsync(effect, CancellationToken.None));

        Assert.Empty(_ledger.Records);
    }

    [Fact]
    public async Task Execute_BookingGone_IsSkipped()
    {
        var other = Sample.Booking() with { Id = BookingId.New(Sample.HostSlug) };
        var effect = EmailEffect.For(Sample.Event(BookingEvent.Created), EmailEffect.ClientRecipient);

        var outcome = await CreateSut(other).ExecuteAsync(effect, CancellationToken.None);

        Assert.Equal(EmailOutcome.Skipped, outcome);
        Assert.Empty(_sender.Sent);
    }

    [Fact]
    public async Task Execute_ErasedBooking_SendsNoEmailToAnyone()
    {
        var erased = Sample.Booking() with { Client = Sample.Booking().Client.Erased() };
        var sut = CreateSut(erased);

        var toClient = await sut.ExecuteAsync(EmailEffect.For(Sample.Event(BookingEvent.Cancelled), EmailEffect.ClientRecipient), CancellationToken.None);
        var toHost = await sut.ExecuteAsync(EmailEffect.For(Sample.Event(BookingEvent.Cancelled), EmailEffect.HostRecipient), CancellationToken.None);

        Assert.Equal(EmailOutcome.Skipped, toClient);
        Assert.Equal(EmailOutcome.Skipped, toHost);
        Assert.Empty(_sender.Sent);
    }
}
