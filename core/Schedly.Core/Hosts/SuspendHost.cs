using NodaTime;
using Schedly.Core.Concurrency;

namespace Schedly.Core.Hosts;

/// <summary>
/// The operator suspends a host or lifts the suspension. A suspended host cannot sign in by link (links are not sent,
/// not redeemed, and its sessions stop working), and its booking pages take no bookings; its API key, data and
/// bookings are kept. One conditional write on the host, then the directory row.
/// </summary>
public sealed class SuspendHost(IHostRepository hosts, IHostDirectory directory, IClock clock)
{
    /// <summary>The host as changed, or null when there is no such host.</summary>
    public async Task<Host?> ExecuteAsync(HostSlug slug, bool suspended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var changed = await OptimisticConcurrency.RunAsync<Host?>("Host suspension", async ct =>
        {
            var current = await hosts.FindAsync(slug, ct).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            var next = current.Value.WithSuspension(suspended, clock.GetCurrentInstant());
            return await hosts.TryUpdateAsync(next, current.Version, ct).ConfigureAwait(false) ? next : Attempt<Host?>.Conflict;
        }, cancellationToken).ConfigureAwait(false);
        if (changed is not null)
        {
            await directory.RecordAsync(changed, cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }
}
