using System.Net;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Security;

namespace Schedly.AzureStorage.Tables;

/// <summary>Hosts in the <c>hosts</c> table: one point read or one conditional write per call.</summary>
public sealed class TableHostRepository(TableServiceClient tables) : IHostRepository
{
    private readonly TableClient _table = tables.GetTableClient(SchedlyTables.Hosts);

    public async Task<Versioned<Host>?> FindAsync(HostSlug slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var response = await _table.GetEntityIfExistsAsync<HostEntity>(
            slug.Value, SchedlyTables.ProfileRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity
            ? new Versioned<Host>(ToHost(slug, entity), entity.ETag.ToString())
            : null;
    }

    public async Task<bool> TryCreateAsync(Host host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            await _table.AddEntityAsync(ToEntity(host), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public async Task<bool> TryUpdateProfileAsync(HostSlug slug, HostProfile profile, Instant updatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(profile);
        var patch = new TableEntity(slug.Value, SchedlyTables.ProfileRowKey)
        {
            [nameof(HostEntity.Name)] = profile.Name,
            [nameof(HostEntity.Email)] = profile.Email,
            [nameof(HostEntity.TimeZone)] = profile.TimeZone.Id,
            [nameof(HostEntity.UpdatedAt)] = updatedAt.ToDateTimeOffset(),
        };
        try
        {
            // Merge with ETag '*': succeeds whenever the entity exists, keeps ApiKeyHash and CreatedAt.
            await _table.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<bool> TryUpdateAsync(Host host, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentException.ThrowIfNullOrEmpty(version);
        try
        {
            await _table.UpdateEntityAsync(ToEntity(host), new ETag(version), TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static HostEntity ToEntity(Host host) => new()
    {
        PartitionKey = host.Slug.Value,
        RowKey = SchedlyTables.ProfileRowKey,
        Name = host.Profile.Name,
        Email = host.Profile.Email,
        TimeZone = host.Profile.TimeZone.Id,
        ApiKeyHash = host.ApiKey.Hex,
        CreatedAt = host.CreatedAt.ToDateTimeOffset(),
        UpdatedAt = host.UpdatedAt.ToDateTimeOffset(),
    };

    private static Host ToHost(HostSlug slug, HostEntity entity) => new(
        slug,
        new HostProfile(entity.Name, entity.Email, DateTimeZoneProviders.Tzdb[entity.TimeZone]),
        ApiKeyHash.FromStored(entity.ApiKeyHash),
        Instant.FromDateTimeOffset(entity.CreatedAt),
        Instant.FromDateTimeOffset(entity.UpdatedAt));
}
