using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Housekeeping;
using Schedly.Core.Notifications;

namespace Schedly.Core.Reminders;

/// <summary>
/// One host's reminders (a <c>reminders</c> queue message, see <see cref="DrainReminderIndex"/>): the entries due by
/// the message's time: if the meeting has not started, queue a reminder email for the client and the host (only the host
/// for a collective booking's member other than the lead: <see cref="NoticeAudience"/>; effect ids
/// are deterministic, so the email sender sends each once even if two messages overlap or one dies before
/// completing the entry), then complete the entry; if it has started (the timers were down), complete it as skipped.
/// An entry is completed only after its emails are queued, so a crash never loses one: the message is delivered
/// again. Hosts are independent by construction: each is its own message.
/// </summary>
/// <remarks>With <see cref="HostReminderWork.Expiry"/> the host's due pending bookings are expired too (<see cref="ExpirePendingBookings"/>).</remarks>
public sealed class SendDueReminders(IReminderStore reminders, IBookingStore bookings, INotificationQueue queue, PruneExpiredRows housekeeping, IClock clock, ExpirePendingBookings? expiry = null)
{
    /// <summary>Handles the host's due entries and returns what became of those this call completed.</summary>
    public async Task<ReminderRunSummary> ExecuteAsync(HostReminderWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var summary = new ReminderRunSummary();
        if (!HostSlug.TryParse(work.Host, out var host))
        {
            return summary;
        }

        // The later of the two: a message that waited in the queue still judges "has the meeting started" by now.
        var now = Instant.Max(work.AsOf, clock.GetCurrentInstant());
        foreach (var reminder in await reminders.ListDueAsync(host, now, cancellationToken).ConfigureAwait(false))
        {
            var outcome = await HandleAsync(reminder, now, cancellationToken).ConfigureAwait(false);
            if (await reminders.TryCompleteAsync(reminder, outcome, now, cancellationToken).ConfigureAwait(false))
            {
                summary.Count(outcome);
            }
        }

        if (work.Expiry && expiry is not null)
        {
            summary.Expired = await expiry.ExecuteAsync(host, now, cancellationToken).ConfigureAwait(false);
        }

        if (work.Housekeeping)
        {
            summary.Pruned = await housekeeping.ExecuteAsync(host, cancellationToken).ConfigureAwait(false);
        }

        return summary;
    }

    private async Task<ReminderOutcome> HandleAsync(DueReminder reminder, Instant now, CancellationToken cancellationToken)
    {
        var id = BookingId.TryParse(reminder.Host.Value + "--" + reminder.BookingRandomId, out var parsed) ? parsed : null;
        var booking = id is null ? null : await bookings.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (booking is null || booking.Value.Status != BookingStatus.Confirmed
            || booking.Value.Start - Duration.FromMinutes(reminder.OffsetMinutes) != reminder.Due)
        {
            return ReminderOutcome.Obsolete;
        }

        if (booking.Value.Start <= now)
        {
            return ReminderOutcome.Skipped;
        }

        var b = booking.Value;
        var eventId = $"{b.Id.Random}-reminder{reminder.OffsetMinutes}-{b.Sequence}";
        var reminderEvent = new BookingEventReference(
            eventId, DueReminder.EventType, reminder.Due.ToString(), b.Id.Host.Value, b.Id.Value, b.EventType, b.Sequence, b.Start.ToString(), b.End.ToString(), null, null);
        string[] recipients = NoticeAudience.Reaches(b, NoticeRecipient.Client) ? [EmailEffect.ClientRecipient, EmailEffect.HostRecipient] : [EmailEffect.HostRecipient];
        foreach (var recipient in recipients)
        {
            var effect = EmailEffect.For(reminderEvent, recipient) with { ReminderOffsetMinutes = reminder.OffsetMinutes };
            await queue.SendEmailAsync(effect, cancellationToken).ConfigureAwait(false);
        }

        return ReminderOutcome.Sent;
    }
}

/// <summary>How many reminder entries a run completed, by outcome.</summary>
public sealed class ReminderRunSummary
{
    public int Sent { get; private set; }

    public int Skipped { get; private set; }

    public int Obsolete { get; private set; }

    /// <summary>Pending bookings expired (or found paid), when the message asked for expiries.</summary>
    public int Expired { get; internal set; }

    /// <summary>The expired rows deleted, when the message asked for housekeeping.</summary>
    public PrunedRows? Pruned { get; internal set; }

    internal void Count(ReminderOutcome outcome)
    {
        switch (outcome)
        {
            case ReminderOutcome.Sent:
                Sent++;
                break;
            case ReminderOutcome.Skipped:
                Skipped++;
                break;
            default:
                Obsolete++;
                break;
        }
    }
}
