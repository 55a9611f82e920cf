namespace Schedly.AzureStorage.Queues;

/// <summary>The Storage Queues Schedly uses. Each has a <c>-poison</c> twin for messages that keep failing.</summary>
public static class SchedlyQueues
{
    /// <summary>Outbox events (<c>booking.created</c>, …), fanned out into effects.</summary>
    public const string BookingEvents = "booking-events";

    /// <summary>One delayed message per outbox event, sent before its transaction (see <c>OutboxGuard</c>).</summary>
    public const string OutboxGuard = "outbox-guard";

    /// <summary>One message per host with reminders due (see <c>DrainReminderIndex</c>).</summary>
    public const string Reminders = "reminders";

    /// <summary>One message per booking event: the host-local days whose analytics to recompute.</summary>
    public const string Analytics = "analytics";

    /// <summary>One message per email to send.</summary>
    public const string Emails = "emails";

    /// <summary>One message per webhook delivery.</summary>
    public const string Webhooks = "webhooks";

    /// <summary>One message per due refresh of a calendar feed, re-sent delayed by each refresh (docs/CALENDARS.md).</summary>
    public const string CalendarRefresh = "calendar-refresh";

    /// <summary>One message per collective team booking: its id, for a recovery pass when its holds expire (docs/TEAMS.md).</summary>
    public const string CollectiveRecovery = "collective-recovery";

    /// <summary>One message per sign-in link asked for: the email key to look up (see <c>SendSignInLink</c>).</summary>
    public const string SignInLinks = "sign-in-links";
}
