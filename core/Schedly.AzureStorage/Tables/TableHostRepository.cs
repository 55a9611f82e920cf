using System.Net;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Schedly.Core.Hosts;

namespace Schedly.AzureStorage.Tables;

/// <summary>Hosts in the <c>hosts</c> table: one point read or one conditional write per call.</summary>
public sealed class TableHostRepository(TableServiceClient tables) : IHostRepository
{
    private readonly TableClient _table = tables.GetTableClient(SchedlyTables.Hosts);
    private readonly TableClient _keys = tables.GetTableClient(SchedlyTables.ApiKeys);

    public async Task<HostSlug?> FindByApiKeyIdAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        var response = await _keys.GetEntityIfExistsAsync<TableEntity>(keyId, SchedlyTables.ApiKeyRowKey, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue && HostSlug.TryParse(response.Value!.GetString("Host"), out var slug) ? slug : null;
    }

    public async Task IndexApiKeyAsync(string keyId, HostSlug host, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        ArgumentNullException.ThrowIfNull(host);
        await _keys.UpsertEntityAsync(new TableEntity(keyId, SchedlyTables.ApiKeyRowKey) { ["Host"] = host.Value }, TableUpdateMode.Replace, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task ForgetApiKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        try
        {
            await _keys.DeleteEntityAsync(keyId, SchedlyTables.ApiKeyRowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // Already gone.
        }
    }

    public async Task<Versioned<Host>?> FindAsync(HostSlug slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(
            slug.Value, SchedlyTables.ProfileRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity
            ? new Versioned<Host>(HostEntityMapper.ToHost(slug, entity), entity.ETag.ToString())
            : null;
    }

    public async Task<bool> TryCreateAsync(Host host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            await _table.AddEntityAsync(HostEntityMapper.ToEntity(host), cancellationToken).ConfigureAwait(false);
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
            [HostEntityMapper.Name] = profile.Name,
            [HostEntityMapper.Email] = profile.Email,
            [HostEntityMapper.TimeZone] = profile.TimeZone.Id,
            [HostEntityMapper.Bio] = profile.Bio,

            // "" rather than null: a merge skips null properties, and "" reads back as no image.
            [HostEntityMapper.ImageUrl] = profile.ImageUrl?.AbsoluteUri ?? "",
            [HostEntityMapper.Locale] = profile.Locale,
            [HostEntityMapper.EmbedOrigins] = HostEntityMapper.WriteOrigins(profile.EmbedOrigins),
            [HostEntityMapper.RetentionDays] = profile.RetentionDays,
            [HostEntityMapper.UpdatedAt] = updatedAt.ToDateTimeOffset(),
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
            await _table.UpdateEntityAsync(HostEntityMapper.ToEntity(host), new ETag(version), TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
