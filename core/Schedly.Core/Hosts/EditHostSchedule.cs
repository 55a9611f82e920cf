using NodaTime;

namespace Schedly.Core.Hosts;

/// <summary>
/// Applies a change to a host's schedule (availability or an event type) with optimistic
/// concurrency: read, change, write at the version read, retry on a concurrent edit. Existing
/// bookings are never touched: they keep the time they claimed.
/// </summary>
public sealed class EditHostSchedule(IHostRepository hosts, IClock clock)
{
    private const int MaxAttempts = 8;

    /// <summary>The host after the change, or null when the host does not exist.</summary>
    public async Task<Host?> ExecuteAsync(HostSlug slug, Func<HostSchedule, HostSchedule> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            var updated = current.Value with
            {
                Schedule = change(current.Value.Schedule),
                UpdatedAt = clock.GetCurrentInstant(),
            };
            if (await hosts.TryUpdateAsync(updated, current.Version, cancellationToken).ConfigureAwait(false))
            {
                return updated;
            }
        }

        throw new ConcurrencyConflictException($"Host '{slug}' schedule kept changing during {MaxAttempts} attempts.");
    }
}
