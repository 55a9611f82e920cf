using NodaTime;
using Schedly.Core.Locations;
using Schedly.Core.Questions;
using Schedly.Core.Scheduling;

namespace Schedly.Core.Notifications;

/// <summary>What a booking email announces.</summary>
public enum NoticeKind
{
    Created,
    Rescheduled,
    Cancelled,
    Reminder,

    /// <summary>A booking made that waits for its payment (the client's copy has the payment link).</summary>
    PaymentPending,

    /// <summary>A request that waits for the host's answer (the host's copy links to the dashboard to answer it).</summary>
    ApprovalPending,

    /// <summary>A pending booking confirmed (paid or approved).</summary>
    Confirmed,

    /// <summary>A request the host declined.</summary>
    Declined,

    /// <summary>A pending booking that lapsed unpaid or unanswered.</summary>
    Expired,

    /// <summary>A payment given back (the client only).</summary>
    Refunded,
}

/// <summary>Who a booking email is for.</summary>
public enum NoticeRecipient
{
    Client,
    Host,
}

/// <summary>One side of a booking as an email shows it: a name, an address, the zone times are shown in and the language.</summary>
public sealed record NoticeParty
{
    public NoticeParty(string name, string email, DateTimeZone zone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(zone);
        Name = name;
        Email = new EmailAddress(email, name).Address;
        Zone = zone;
    }

    public string Name { get; }

    public string Email { get; }

    public DateTimeZone Zone { get; }

    /// <summary>The language emails to this party are written in (a BCP 47 tag; unsupported ones read as English).</summary>
    public string Locale { get; init; } = Localization.SupportedLocales.Default;
}

/// <summary>
/// Everything a booking email needs, independent of how the booking is stored. Times are instants; each recipient
/// sees them in their own zone. Free text (names, title, notes, reason) is shown as typed and encoded by the renderer.
/// </summary>
public sealed record BookingNotice
{
    public required NoticeKind Kind { get; init; }

    public required NoticeRecipient Recipient { get; init; }

    /// <summary>The booking's id; also the stable part of the calendar UID and of the message id.</summary>
    public required string BookingId
    {
        get;
        init => field = !string.IsNullOrEmpty(value) && value.Length <= 100
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? value
            : throw new ArgumentException("Letters, digits, '-', '_' or '.', 1 to 100 characters.", nameof(BookingId));
    }

    /// <summary>iCalendar SEQUENCE: 0 when created, raised by the caller on each reschedule or cancellation.</summary>
    public int Sequence
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Sequence), value, "At least 0.");
    }

    public required NoticeParty Host { get; init; }

    public required NoticeParty Client { get; init; }

    /// <summary>
    /// The other hosts of a collective booking (every member but <see cref="Host"/>, in the team's order); empty for a
    /// booking with one host. The client's copy names them with <see cref="Host"/> (<see cref="Counterparts"/>); a
    /// host's copy says it is a team booking with them.
    /// </summary>
    public IReadOnlyList<NoticeParty> OtherHosts { get; init; } = [];

    public required string EventTypeTitle { get; init; }

    public required Instant Start { get; init; }

    /// <summary>Exclusive end; after <see cref="Start"/>.</summary>
    public required Instant End { get; init; }

    /// <summary>For <see cref="NoticeKind.Rescheduled"/>: the time the booking moved from; otherwise ignored.</summary>
    public Instant? PreviousStart { get; init; }

    public Instant? PreviousEnd { get; init; }

    /// <summary>Where the client manages the booking (http or https); shown to the client only.</summary>
    public Uri? ManageUrl
    {
        get;
        init => field = value is null || (value.IsAbsoluteUri && (value.Scheme == Uri.UriSchemeHttps || value.Scheme == Uri.UriSchemeHttp))
            ? value
            : throw new ArgumentException("An absolute http or https URL.", nameof(ManageUrl));
    }

    /// <summary>For <see cref="NoticeKind.Cancelled"/>: why, as typed; null or blank when none was given.</summary>
    public string? CancelReason { get; init; }

    /// <summary>The client's notes from the booking form; null or blank when none.</summary>
    public string? Notes { get; init; }

    /// <summary>Null: free.</summary>
    public Price? Price { get; init; }

    /// <summary>The last instant the client may cancel (the client's copy states it); null: no limit.</summary>
    public Instant? CancelDeadline { get; init; }

    /// <summary>The last instant the client may reschedule; null: no limit.</summary>
    public Instant? RescheduleDeadline { get; init; }

    /// <summary>The answers to the booking questions, with their labels as booked; shown to the host only.</summary>
    public IReadOnlyList<BookedAnswer> Answers { get; init; } = [];

    /// <summary>Where the meeting happens; null when the event type did not say.</summary>
    public BookingLocation? Location { get; init; }

    /// <summary>For <see cref="NoticeKind.PaymentPending"/>: the page the client pays on (the client's copy only).</summary>
    public Uri? PaymentUrl { get; init; }

    /// <summary>For the pending kinds: when the booking lapses unless paid or answered.</summary>
    public Instant? ExpiresAt { get; init; }

    /// <summary>For <see cref="NoticeKind.ApprovalPending"/>: where the host answers (the host's copy only).</summary>
    public Uri? ApprovalUrl { get; init; }

    /// <summary>True for the notices that end the booking (cancelled, declined, expired): their invite is a CANCEL.</summary>
    public bool EndsBooking => Kind is NoticeKind.Cancelled or NoticeKind.Declined or NoticeKind.Expired;

    /// <summary>For <see cref="NoticeKind.Reminder"/>: the offset the reminder is for; part of the message id.</summary>
    public int? ReminderOffsetMinutes { get; init; }

    /// <summary>The party the email goes to.</summary>
    public NoticeParty RecipientParty => Recipient == NoticeRecipient.Client ? Client : Host;

    /// <summary>Everyone the recipient meets: the client, or the host followed by <see cref="OtherHosts"/>.</summary>
    public IReadOnlyList<NoticeParty> Counterparts => Recipient == NoticeRecipient.Client ? [Host, .. OtherHosts] : [Client];

    /// <summary>
    /// Deterministic id of the email for this notice: one per booking, kind, recipient and sequence (and reminder
    /// offset), e.g. <c>bk123.created.client.0</c>.
    /// </summary>
    public string MessageId
    {
        get
        {
            var id = $"{BookingId}.{Kind.ToString().ToLowerInvariant()}.{Recipient.ToString().ToLowerInvariant()}.{Sequence}";
            return Kind == NoticeKind.Reminder && ReminderOffsetMinutes is { } offset ? $"{id}.r{offset}" : id;
        }
    }

    internal void Check()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(EventTypeTitle, nameof(EventTypeTitle));
        if (End <= Start)
        {
            throw new ArgumentException("End must be after Start.", nameof(End));
        }

        if (Kind == NoticeKind.Rescheduled && (PreviousStart is null || PreviousEnd is null || PreviousEnd <= PreviousStart))
        {
            throw new ArgumentException("A reschedule needs PreviousStart before PreviousEnd.", nameof(PreviousStart));
        }
    }
}
