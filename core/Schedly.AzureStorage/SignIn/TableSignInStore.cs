using System.Net;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Hosts;
using Schedly.Core.Security;
using Schedly.Core.SignIn;

namespace Schedly.AzureStorage.SignIn;

/// <summary>
/// Sign-in links in daily tables <c>signinlinks{yyyyMMdd}</c> by the UTC day they expire
/// (<see cref="DatedTableSet.SignInLinks"/>, dropped whole two days later), and sessions in table <c>sessions</c>.
/// Both are keyed PartitionKey = SHA-256 of the secret, RowKey = <c>link</c> or <c>session</c>; no secret is stored.
/// Taking a link is a point read and a delete conditional on the ETag read, so of two takers exactly one wins; a link
/// still valid expires today or tomorrow (UTC), so at most two point reads find it.
/// </summary>
public sealed class TableSignInStore(TableServiceClient tables) : ISignInStore
{
    public const string SessionsTable = "sessions";
    private const string LinkRow = "link";
    private const string SessionRow = "session";

    private readonly TableClient _sessions = tables.GetTableClient(SessionsTable);

    public async Task SaveLinkAsync(SignInLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var table = tables.GetTableClient(DatedTableSet.SignInLinks.NameAt(link.ExpiresAt));
        var entity = new TableEntity(link.TokenHash.Hex, LinkRow) { ["Host"] = link.Host.Value, ["ExpiresAt"] = link.ExpiresAt.ToDateTimeOffset() };
        await DatedTable.WriteCreatingAsync(table, () => table.AddEntityAsync(entity, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public async Task<SignInLink?> TakeLinkAsync(ApiKeyHash tokenHash, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        foreach (var day in new[] { now, DatedTableSet.SignInLinks.Shift(now, 1) })
        {
            var table = tables.GetTableClient(DatedTableSet.SignInLinks.NameAt(day));
            var entity = await FindAsync(table, tokenHash.Hex, LinkRow, cancellationToken).ConfigureAwait(false);
            if (entity is null)
            {
                continue;
            }

            try
            {
                await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
            {
                return null; // another request took it first
            }

            return HostSlug.TryParse(entity.GetString("Host"), out var host) && entity.GetDateTimeOffset("ExpiresAt") is { } expires
                ? new SignInLink(tokenHash, host, Instant.FromDateTimeOffset(expires))
                : null;
        }

        return null;
    }

    public async Task SaveSessionAsync(HostSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var entity = new TableEntity(session.IdHash.Hex, SessionRow)
        {
            ["Host"] = session.Host.Value,
            ["CreatedAt"] = session.CreatedAt.ToDateTimeOffset(),
            ["ExpiresAt"] = session.ExpiresAt.ToDateTimeOffset(),
        };
        await _sessions.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    public async Task<HostSession?> FindSessionAsync(ApiKeyHash idHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idHash);
        var entity = await FindAsync(_sessions, idHash.Hex, SessionRow, cancellationToken).ConfigureAwait(false);
        return entity is not null && HostSlug.TryParse(entity.GetString("Host"), out var host)
            && entity.GetDateTimeOffset("CreatedAt") is { } created && entity.GetDateTimeOffset("ExpiresAt") is { } expires
            ? new HostSession(idHash, host, Instant.FromDateTimeOffset(created), Instant.FromDateTimeOffset(expires))
            : null;
    }

    public async Task DeleteSessionAsync(ApiKeyHash idHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idHash);
        try
        {
            await _sessions.DeleteEntityAsync(idHash.Hex, SessionRow, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // Already gone.
        }
    }

    public async Task<IReadOnlyList<ApiKeyHash>> ListSessionsExpiredBeforeAsync(Instant before, int max, CancellationToken cancellationToken)
    {
        // The table holds one row per signed-in browser: a filtered scan that reads only the keys of the expired ones.
        var filter = TableClient.CreateQueryFilter($"ExpiresAt lt {before.ToDateTimeOffset()}");
        var expired = new List<ApiKeyHash>();
        try
        {
            await foreach (var row in _sessions.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), select: ["PartitionKey"], cancellationToken: cancellationToken)
                               .ConfigureAwait(false))
            {
                expired.Add(ApiKeyHash.FromStored(row.PartitionKey));
                if (expired.Count >= max)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // No session was ever saved: the table does not exist yet.
        }

        return expired;
    }

    private static async Task<TableEntity?> FindAsync(TableClient table, string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
            return found.HasValue ? found.Value : null;
        }
        catch (RequestFailedException e) when (DatedTable.IsMissingTable(e))
        {
            return null;
        }
    }
}
