using NodaTime;
using Schedly.Core.Hosts;

namespace Schedly.Core.Housekeeping;

/// <summary>
/// One host's housekeeping: deletes the working rows whose lifetime (<see cref="RowLifetimes"/>) has passed. It runs
/// when the host's due-work message asks for it (a housekeeping hint planted when a booking is made or moved, due
/// when that booking's rows have all expired), so its cost follows the bookings, not the number of hosts, and any
/// run also removes older leftovers of the host.
/// </summary>
public sealed class PruneExpiredRows(IExpiredRowStore store, IClock clock)
{
    public Task<PrunedRows> ExecuteAsync(HostSlug host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        return store.PruneAsync(host, RowLifetimes.CutoffsAt(clock.GetCurrentInstant()), cancellationToken);
    }
}
