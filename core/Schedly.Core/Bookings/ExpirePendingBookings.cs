using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Reminders;

namespace Schedly.Core.Bookings;

/// <summary>
/// One host's due pending expiries (a <c>reminders</c> message with <see cref="Reminders.HostReminderWork.Expiry"/>,
/// queued when a <see cref="Reminders.HintKind.PendingExpiry"/> hint falls due): reads the host's <c>expire|</c> entries
/// up to now (one range query over what is due) and expires each booking that still waits
/// (<see cref="PendingBookings.ExpireAsync"/>, which removes the entry in the same transaction). Nothing scans bookings.
/// </summary>
public sealed class ExpirePendingBookings(IBookingStore store, PendingBookings pending, IReminderIndex hints)
{
    /// <summary>Entries handled per message; a host with more gets another hint for the next minute.</summary>
    public const int MaxPerRun = 200;

    /// <summary>Expires what is due as of <paramref name="now"/>; returns how many bookings expired (or were found paid).</summary>
    public async Task<int> ExecuteAsync(HostSlug host, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var changed = 0;
        var due = await store.ListExpiringAsync(host, now, MaxPerRun, cancellationToken).ConfigureAwait(false);
        foreach (var entry in due)
        {
            if (await pending.ExpireAsync(entry.Booking, sessionId: null, now, cancellationToken).ConfigureAwait(false) == PendingOutcome.Changed)
            {
                changed++;
            }
        }

        if (due.Count >= MaxPerRun)
        {
            await hints.MarkAsync(ReminderHint.For(host, now + Duration.FromMinutes(1), HintKind.PendingExpiry), cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }
}
