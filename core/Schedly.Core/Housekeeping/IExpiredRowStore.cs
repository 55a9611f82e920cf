namespace Schedly.Core.Housekeeping;

/// <summary>Deletes a host's expired working rows (range queries in the host's partition; deletes in batches).</summary>
public interface IExpiredRowStore
{
    Task<PrunedRows> PruneAsync(Hosts.HostSlug host, ExpiryCutoffs cutoffs, CancellationToken cancellationToken);
}
