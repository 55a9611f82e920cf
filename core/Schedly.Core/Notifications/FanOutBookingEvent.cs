using NodaTime;
using Schedly.Core.Analytics;
using Schedly.Core.Bookings;
using Schedly.Core.Housekeeping;
using Schedly.Core.Outbox;
using Schedly.Core.Payments;
using Schedly.Core.Reminders;
using Schedly.Core.Webhooks;

namespace Schedly.Core.Notifications;

/// <summary>What a fan-out produced.</summary>
public sealed record FanOutResult(int Emails, int Webhooks)
{
    /// <summary>The event's outbox row was gone: an earlier copy of the event was handled.</summary>
    public static FanOutResult AlreadyHandled { get; } = new(0, 0) { Skipped = true };

    /// <summary>True when nothing was done because the event had been handled already.</summary>
    public bool Skipped { get; private init; }
}

/// <summary>
/// Turns one <c>booking-events</c> message into its effects: one <c>emails</c> message per recipient and one
/// <c>webhooks</c> message per endpoint of the host subscribed to the event type.
/// <list type="bullet">
/// <item><c>booking.created</c>, <c>booking.rescheduled</c>, <c>booking.cancelled</c>: the client and the host.</item>
/// <item><c>booking.no_show</c>: no email (the host marked it, so the host knows, and telling the client is the host's call); webhooks only.</item>
/// <item><c>booking.pending</c>, <c>booking.confirmed</c>, <c>booking.declined</c>, <c>booking.expired</c>: the client
/// and the host (the wording follows the booking's status); <c>booking.refunded</c>: the client.</item>
/// </list>
/// The client's effects are queued for every booking, also a collective booking's members other than the lead: the
/// sender, which reads the booking anyway, drops those (<see cref="NoticeAudience"/>), so the fan-out reads nothing more.
/// A <c>booking.pending</c> event also records a <see cref="HintKind.PendingExpiry"/> hint for the minute after the
/// booking's <see cref="Booking.ExpiresAt"/>, so due work expires it if nothing else ends its wait; a
/// <c>booking.cancelled</c> event of a paid booking refunds it (<see cref="RefundPayments"/>) before the row is deleted,
/// so a crash retries the refund, which the provider applies once.
/// Every event also asks for the host-local days it touched to be recomputed (<see cref="AnalyticsWork"/>), and
/// <c>booking.created</c> and <c>booking.rescheduled</c> record a <see cref="ReminderHint"/> per reminder entry
/// the booking has now, so the reminder timer finds the host when they fall due without visiting every host, and one
/// housekeeping hint for when the booking's working rows will have expired (<see cref="RowLifetimes.HousekeepingDue"/>).
/// A round-robin team booking's <c>booking.created</c> (or <c>booking.pending</c>) also puts its change into the team's fairness ledger
/// (<see cref="Teams.RecordRoundRobinLedger"/>, which takes each booking once), so a booking request that died after
/// its booking and before its ledger write still counts.
/// Running it twice for one event sends the same effect ids again (the consumers drop the duplicates) and writes the
/// same hints again (idempotent). It handles an event only while the event's outbox row exists, and deletes the row
/// last: the row lives about as long as the event takes to handle, the booking request writes nothing after its
/// transaction, and a copy the outbox guard published again (the fan-out was behind) costs one point read.
/// </summary>
public sealed class FanOutBookingEvent(
    INotificationQueue queue,
    IWebhookStore webhooks,
    INotificationReader reader,
    IReminderIndex reminderIndex,
    IAnalyticsQueue analytics,
    IOutboxStore outbox,
    RefundPayments? refunds = null,
    Teams.RecordRoundRobinLedger? teamLedgers = null)
{
    public static IReadOnlyList<string> EmailRecipients(string eventType) => eventType switch
    {
        BookingEvent.Created or BookingEvent.Rescheduled or BookingEvent.Cancelled
            or BookingEvent.Pending or BookingEvent.Confirmed or BookingEvent.Declined or BookingEvent.Expired => [EmailEffect.ClientRecipient, EmailEffect.HostRecipient],
        BookingEvent.Refunded => [EmailEffect.ClientRecipient],
        _ => [],
    };

    public async Task<FanOutResult> ExecuteAsync(BookingEventReference bookingEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bookingEvent);
        if (await outbox.FindAsync(bookingEvent.Host, bookingEvent.EventId, cancellationToken).ConfigureAwait(false) is null)
        {
            return FanOutResult.AlreadyHandled;
        }

        var emails = 0;
        foreach (var recipient in EmailRecipients(bookingEvent.Type))
        {
            await queue.SendEmailAsync(EmailEffect.For(bookingEvent, recipient), cancellationToken).ConfigureAwait(false);
            emails++;
        }

        Instant[] touched = bookingEvent.PreviousStartInstant is { } previous ? [bookingEvent.StartInstant, previous] : [bookingEvent.StartInstant];
        await analytics.EnqueueAsync(new AnalyticsWork(bookingEvent.Host, touched), cancellationToken).ConfigureAwait(false);
        if (bookingEvent.Type is BookingEvent.Created or BookingEvent.Rescheduled or BookingEvent.Pending
            && BookingId.TryParse(bookingEvent.BookingId, out var id)
            && await reader.FindBookingAsync(id, cancellationToken).ConfigureAwait(false) is { } booking)
        {
            await IndexRemindersAsync(booking, cancellationToken).ConfigureAwait(false);
            if (bookingEvent.Type is BookingEvent.Created or BookingEvent.Pending && teamLedgers is not null)
            {
                await teamLedgers.ExecuteAsync(booking, cancellationToken).ConfigureAwait(false);
            }
        }

        if (bookingEvent.Type == BookingEvent.Cancelled && refunds is not null && BookingId.TryParse(bookingEvent.BookingId, out var cancelledId))
        {
            await refunds.RefundCancelledAsync(cancelledId, cancellationToken).ConfigureAwait(false);
        }

        var hooks = 0;
        foreach (var endpoint in await webhooks.ListAsync(bookingEvent.Host, cancellationToken).ConfigureAwait(false))
        {
            if (endpoint.Subscribes(bookingEvent.Type))
            {
                await queue.SendWebhookAsync(WebhookDelivery.For(bookingEvent, endpoint.Id), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                hooks++;
            }
        }

        // Handled: the outbox row has served its purpose (its guard, when it comes, finds nothing to do).
        await outbox.RemoveAsync(bookingEvent.Host, bookingEvent.EventId, cancellationToken).ConfigureAwait(false);
        return new FanOutResult(emails, hooks);
    }

    /// <summary>The booking as it is now (it may have moved again since this event): a hint per reminder entry it has.</summary>
    private async Task IndexRemindersAsync(Booking booking, CancellationToken cancellationToken)
    {
        if (!booking.HoldsTime)
        {
            return;
        }

        if (booking is { IsPending: true, ExpiresAt: { } expiresAt })
        {
            // The minute after: the due work then runs after the expiry, never at the start of its minute before it.
            await reminderIndex.MarkAsync(ReminderHint.For(booking.Id.Host, expiresAt + Duration.FromMinutes(1), HintKind.PendingExpiry), cancellationToken).ConfigureAwait(false);
        }

        foreach (var reminder in PlannedReminder.For(booking, booking.UpdatedAt))
        {
            await reminderIndex.MarkAsync(ReminderHint.For(booking.Id.Host, reminder.Due), cancellationToken).ConfigureAwait(false);
        }

        await reminderIndex.MarkAsync(ReminderHint.For(booking.Id.Host, RowLifetimes.HousekeepingDue(booking), HintKind.Housekeeping), cancellationToken)
            .ConfigureAwait(false);
        if (await reader.FindHostAsync(booking.Id.Host, cancellationToken).ConfigureAwait(false) is { } host)
        {
            await reminderIndex.MarkAsync(ReminderHint.For(booking.Id.Host, RowLifetimes.RetentionDue(booking, host.Profile.RetentionDays), HintKind.Housekeeping), cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
