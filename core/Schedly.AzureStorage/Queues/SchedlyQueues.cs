namespace Schedly.AzureStorage.Queues;

/// <summary>The Storage Queues Schedly uses. Each has a <c>-poison</c> twin for messages that keep failing.</summary>
public static class SchedlyQueues
{
    /// <summary>Outbox events (<c>booking.created</c>, …), fanned out into effects.</summary>
    public const string BookingEvents = "booking-events";

    /// <summary>One message per email to send.</summary>
    public const string Emails = "emails";

    /// <summary>One message per webhook delivery.</summary>
    public const string Webhooks = "webhooks";

    /// <summary>One message per due refresh of a calendar feed, re-sent delayed by each refresh (docs/CALENDARS.md).</summary>
    public const string CalendarRefresh = "calendar-refresh";
}
