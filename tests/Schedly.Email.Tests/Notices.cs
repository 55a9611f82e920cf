using NodaTime;
using Schedly.Core.Notifications;
using Schedly.Core.Scheduling;

namespace Schedly.Email.Tests;

/// <summary>Sample notices: a host in London, a client in New York.</summary>
internal static class Notices
{
    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>Monday 16 March 2026, 14:00Z: New York is already on summer time (UTC-4), London not yet (UTC+0).</summary>
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 16, 14, 0);

    /// <summary>Monday 2 March 2026, 15:00Z: before the US change, New York at UTC-5.</summary>
    public static readonly Instant PreviousStart = Instant.FromUtc(2026, 3, 2, 15, 0);

    public static readonly Instant IssuedAt = Instant.FromUtc(2026, 3, 1, 9, 30);

    public static BookingNotice Create(
        NoticeKind kind = NoticeKind.Created,
        NoticeRecipient recipient = NoticeRecipient.Client,
        string clientName = "Grace Hopper",
        string title = "Intro call") => new()
        {
            Kind = kind,
            Recipient = recipient,
            BookingId = "bk_01J9Z",
            Sequence = kind switch
            {
                NoticeKind.Rescheduled => 1,
                NoticeKind.Cancelled => 2,
                _ => 0,
            },
            Host = new NoticeParty("Ada Lovelace", "ada@example.com", London),
            Client = new NoticeParty(clientName, "grace@example.com", NewYork),
            EventTypeTitle = title,
            Start = Start,
            End = Start + Duration.FromMinutes(30),
            PreviousStart = kind == NoticeKind.Rescheduled ? PreviousStart : null,
            PreviousEnd = kind == NoticeKind.Rescheduled ? PreviousStart + Duration.FromMinutes(30) : null,
            ManageUrl = new Uri("https://schedly.example/manage/bk_01J9Z?token=abc&x=1"),
            CancelReason = kind == NoticeKind.Cancelled ? "Something came up" : null,
            Notes = "Looking forward",
            Price = new Price(50m, "EUR"),
            ReminderOffsetMinutes = kind == NoticeKind.Reminder ? 60 : null,
        };

    public static EmailMessage Message(string messageId = "bk_01J9Z.created.client.0", string clientName = "Grace Hopper")
    {
        var message = new BookingEmailRenderer().Compose(
            Create(clientName: clientName), new EmailAddress("no-reply@schedly.example", "Schedly"), IssuedAt);
        return message with { MessageId = messageId };
    }
}
