namespace Schedly.Core.Hosts;

/// <summary>
/// The operator's list of hosts: one small row per host (name, email, suspended, created), written whenever the host's
/// profile or suspension changes, so listing is one paged query of one partition, never a scan of the hosts table.
/// </summary>
public interface IHostDirectory
{
    Task RecordAsync(Host host, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="pageSize"/> hosts in slug order after <paramref name="continuation"/>.</summary>
    Task<HostDirectoryPage> ListAsync(int pageSize, string? continuation, CancellationToken cancellationToken);
}

/// <summary>One host as the operator's list shows it.</summary>
public sealed record HostDirectoryEntry(HostSlug Slug, string Name, string Email, bool Suspended, NodaTime.Instant CreatedAt);

/// <summary>A page of the host list; <paramref name="Continuation"/> null on the last page.</summary>
public sealed record HostDirectoryPage(IReadOnlyList<HostDirectoryEntry> Hosts, string? Continuation);
