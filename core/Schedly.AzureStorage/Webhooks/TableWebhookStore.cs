using Azure;
using Azure.Data.Tables;
using NodaTime;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Webhooks;

namespace Schedly.AzureStorage.Webhooks;

/// <summary>
/// Webhook endpoints as rows <c>webhook|{id}</c> in the host's partition of <c>hosts</c>: Url, Events (comma-separated),
/// FailingSince (ISO text, empty for none), Secret (kept as given: it signs every delivery, so it cannot be hashed; the table is only reachable with the app's
/// identity), CreatedAt, UpdatedAt, Disabled, LastStatus, LastError, LastAttemptAt, LastSuccessAt, FailingSince.
/// </summary>
public sealed class TableWebhookStore(TableServiceClient tables) : IWebhookStore
{
    public const string Prefix = "webhook|";

    private readonly TableClient _table = tables.GetTableClient(SchedlyTables.Hosts);

    public async Task<IReadOnlyList<WebhookEndpoint>> ListAsync(string host, CancellationToken cancellationToken)
    {
        var to = Prefix[..^1] + (char)(Prefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {host} and RowKey ge {Prefix} and RowKey lt {to}");
        var list = new List<WebhookEndpoint>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (Map(row) is { } endpoint)
            {
                list.Add(endpoint);
            }
        }

        return list;
    }

    public async Task<WebhookEndpoint?> FindAsync(string host, string id, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(host, Prefix + id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? Map(found.Value!) : null;
    }

    public async Task<bool> UpsertAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var entity = new TableEntity(endpoint.Host, Prefix + endpoint.Id)
        {
            ["Url"] = endpoint.Url.AbsoluteUri,
            ["Events"] = string.Join(',', endpoint.Events),
            ["Secret"] = endpoint.Secret,
            ["CreatedAt"] = endpoint.CreatedAt.ToDateTimeOffset(),
            ["UpdatedAt"] = endpoint.UpdatedAt.ToDateTimeOffset(),
            ["Disabled"] = endpoint.Disabled,
            ["LastError"] = endpoint.LastError ?? "",
            ["FailingSince"] = Text(endpoint.FailingSince),
        };
        if (endpoint.LastStatus is { } status)
        {
            entity["LastStatus"] = status;
        }

        if (endpoint.LastAttemptAt is { } attemptAt)
        {
            entity["LastAttemptAt"] = attemptAt.ToDateTimeOffset();
        }

        if (endpoint.LastSuccessAt is { } successAt)
        {
            entity["LastSuccessAt"] = successAt.ToDateTimeOffset();
        }

        try
        {
            await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string host, string id, CancellationToken cancellationToken)
    {
        var response = await _table.DeleteEntityAsync(host, Prefix + id, ETag.All, cancellationToken).ConfigureAwait(false);
        return response.Status != 404;
    }

    public async Task RecordAttemptAsync(string host, string id, WebhookAttempt attempt, Instant? failingSince, bool disable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var entity = new TableEntity(host, Prefix + id)
        {
            ["LastStatus"] = attempt.Status ?? 0,
            ["LastError"] = attempt.Error ?? "",
            ["LastAttemptAt"] = attempt.At.ToDateTimeOffset(),
            ["FailingSince"] = Text(failingSince),
        };
        if (attempt.Succeeded)
        {
            entity["LastSuccessAt"] = attempt.At.ToDateTimeOffset();
        }

        if (disable)
        {
            entity["Disabled"] = true;
        }

        try
        {
            await _table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The endpoint was deleted meanwhile.
        }
    }

    private static WebhookEndpoint? Map(TableEntity row)
    {
        if (row.GetString("Url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || row.GetString("Secret") is not { Length: > 4 } secret)
        {
            return null;
        }

        return new WebhookEndpoint(
            row.PartitionKey,
            row.RowKey[Prefix.Length..],
            uri,
            (row.GetString("Events") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            secret,
            Instant.FromDateTimeOffset(row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch),
            Instant.FromDateTimeOffset(row.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch))
        {
            Disabled = row.GetBoolean("Disabled") ?? false,
            LastStatus = row.GetInt32("LastStatus") is { } status and > 0 ? status : null,
            LastError = string.IsNullOrEmpty(row.GetString("LastError")) ? null : row.GetString("LastError"),
            LastAttemptAt = Time(row, "LastAttemptAt"),
            LastSuccessAt = Time(row, "LastSuccessAt"),
            FailingSince = string.IsNullOrEmpty(row.GetString("FailingSince")) ? null : NodaTime.Text.InstantPattern.ExtendedIso.Parse(row.GetString("FailingSince")!).GetValueOrThrow(),
        };
    }

    private static Instant? Time(TableEntity row, string column) =>
        row.GetDateTimeOffset(column) is { } value ? Instant.FromDateTimeOffset(value) : null;

    /// <summary>FailingSince is ISO text, empty for none: a merge cannot remove a column, but it can blank one.</summary>
    private static string Text(Instant? instant) =>
        instant is { } value ? NodaTime.Text.InstantPattern.ExtendedIso.Format(value) : "";
}
