using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Privacy;
using Schedly.Core.Reminders;

namespace Schedly.Core.Housekeeping;

/// <summary>
/// One host's housekeeping: deletes the working rows whose lifetime (<see cref="RowLifetimes"/>) has passed. It runs
/// when the host's due-work message asks for it (a housekeeping hint planted when a booking is made or moved, due
/// when that booking's rows have all expired), so its cost follows the bookings, not the number of hosts, and any
/// run also removes older leftovers of the host.
/// </summary>
/// <remarks>
/// It also applies the host's retention (<see cref="ErasePersonalData.EraseExpiredAsync"/>): the fan-out plants a
/// housekeeping hint for when each booking's retention ends, too. When more bookings are due than one run erases, it
/// plants a hint for a minute later, so a backlog is worked off a batch at a time.
/// </remarks>
public sealed class PruneExpiredRows(IExpiredRowStore store, ErasePersonalData retention, IReminderIndex hints, IClock clock)
{
    public async Task<PrunedRows> ExecuteAsync(HostSlug host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var now = clock.GetCurrentInstant();
        var pruned = await store.PruneAsync(host, RowLifetimes.CutoffsAt(now), cancellationToken).ConfigureAwait(false);
        if (await retention.EraseExpiredAsync(host, cancellationToken).ConfigureAwait(false) is not EraseResult.Done erased)
        {
            return pruned;
        }

        if (erased.More)
        {
            await hints.MarkAsync(ReminderHint.For(host, now + Duration.FromMinutes(1), HintKind.Housekeeping), cancellationToken).ConfigureAwait(false);
        }

        return pruned with { ErasedBookings = erased.Erased };
    }
}
