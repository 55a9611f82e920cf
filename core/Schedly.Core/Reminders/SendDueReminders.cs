using NodaTime;
using Schedly.Core.Analytics;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Notifications;

namespace Schedly.Core.Reminders;

/// <summary>
/// The reminder timer's work. For every host, the entries due by now: if the meeting has not started,
/// queue a reminder email for the client and the host (effect ids are deterministic, so the email
/// sender sends each once even if two runs overlap or a run dies before completing the entry), then
/// complete the entry; if it has started (the timer was down), complete it as skipped. An entry is
/// completed only after its emails are queued, so a crash never loses one.
/// Hosts are independent: a host that fails (its entries or bookings cannot be read, a queue write
/// fails) is recorded and the run goes on with the next one, so it cannot starve the hosts listed
/// after it; its uncompleted entries stay due and are retried by the next run.
/// </summary>
public sealed class SendDueReminders(IHostDirectory directory, IReminderStore reminders, IBookingStore bookings, INotificationQueue queue, IClock clock)
{
    /// <summary>
    /// Handles every host's due entries and returns what became of those completed (including those of
    /// a host that failed part-way). When any host failed, throws, after visiting all of them, an
    /// <see cref="AggregateException"/> whose message names the failed hosts (and the other hosts'
    /// counts) and whose inner exceptions are their failures. A failure of the host listing itself, and
    /// cancellation, propagate at once.
    /// </summary>
    public async Task<ReminderRunSummary> ExecuteAsync(CancellationToken cancellationToken)
    {
        var summary = new ReminderRunSummary();
        var now = clock.GetCurrentInstant();
        var visited = 0;
        var failures = new HostRunFailures();
        await foreach (var host in directory.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            visited++;
            try
            {
                await SendHostAsync(host, now, summary, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (HostRunFailures.IsHostFailure(e, cancellationToken))
            {
                failures.Add(host, e);
            }
        }

        failures.ThrowIfAny(
            "Reminder run",
            visited,
            $"completed: {summary.Sent} queued, {summary.Skipped} skipped, {summary.Obsolete} obsolete.");
        return summary;
    }

    private async Task SendHostAsync(HostSlug host, Instant now, ReminderRunSummary summary, CancellationToken cancellationToken)
    {
        foreach (var reminder in await reminders.ListDueAsync(host, now, cancellationToken).ConfigureAwait(false))
        {
            var outcome = await HandleAsync(reminder, now, cancellationToken).ConfigureAwait(false);
            if (await reminders.TryCompleteAsync(reminder, outcome, now, cancellationToken).ConfigureAwait(false))
            {
                summary.Count(outcome);
            }
        }
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
        foreach (var recipient in new[] { EmailEffect.ClientRecipient, EmailEffect.HostRecipient })
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
