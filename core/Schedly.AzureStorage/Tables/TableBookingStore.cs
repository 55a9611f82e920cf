using System.Net;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Schedly.AzureStorage.Outbox;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Outbox;
using Schedly.Core.Reminders;

namespace Schedly.AzureStorage.Tables;

/// <summary>
/// Bookings in the host's partition (see <see cref="BookingRowKeys"/>). The store only translates: a
/// <see cref="BookingSnapshot"/> is what it read (with ETags as versions), and a <see cref="BookingChange"/>
/// planned in core becomes one entity-group transaction whose cell, counter, reminder and booking writes
/// are conditional on those versions, so a concurrent change anywhere the decision looked makes the whole
/// write fail.
/// </summary>
public sealed class TableBookingStore(TableServiceClient tables, OutboxGuardQueue guards) : IBookingStore
{
    /// <summary>Table Storage's limit on operations in one entity-group transaction.</summary>
    public const int MaxTransactionOperations = 100;

    private readonly TableClient _table = tables.GetTableClient(SchedlyTables.Hosts);

    public async Task<BookingSnapshot> LoadAsync(HostSlug host, SnapshotScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(scope);
        var cells = await ReadCellsAsync(host.Value, scope.Window.Start, scope.Window.End, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<DueReminder> reminders = [];
        if (scope.Changing is { } changing)
        {
            var span = changing.ClaimedSpan;
            var (first, last) = BookingRowKeys.CellRange(span.Start, span.End);
            var (windowFirst, windowLast) = BookingRowKeys.CellRange(scope.Window.Start, scope.Window.End);
            if (string.CompareOrdinal(first, windowFirst) < 0 || string.CompareOrdinal(last, windowLast) > 0)
            {
                foreach (var (start, cell) in await ReadCellsAsync(host.Value, span.Start, span.End, cancellationToken).ConfigureAwait(false))
                {
                    cells.TryAdd(start, cell);
                }
            }

            reminders = await ReadRemindersAsync(changing, cancellationToken).ConfigureAwait(false);
        }

        CounterVersion? counter = null;
        if (scope.Counter is { } key)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(
                host.Value, BookingRowKeys.Day(key.EventType, key.HostDate), ["RowKey"], cancellationToken).ConfigureAwait(false);
            counter = new CounterVersion(key, row.HasValue ? row.Value!.ETag.ToString() : null);
        }

        return new BookingSnapshot(scope.Window, [.. cells.Values], counter, reminders);
    }

    public async Task<bool> TryCommitAsync(BookingChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var booking = change.Booking;
        var host = booking.Id.Host.Value;
        var actions = new List<TableTransactionAction>
        {
            change.ExpectedVersion is { } version
                ? new(TableTransactionActionType.UpdateReplace, BookingEntityMapper.ToEntity(booking), new ETag(version))
                : new(TableTransactionActionType.Add, BookingEntityMapper.ToEntity(booking)),
            change.ExpectedVersion is null
                ? new(TableTransactionActionType.Add, BookingEntityMapper.ToIndexEntity(booking))
                : new(TableTransactionActionType.UpsertReplace, BookingEntityMapper.ToIndexEntity(booking)),
        };
        if (change.PreviousStart is { } previousStart)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(host, BookingRowKeys.ByStart(previousStart, booking.Id.Random)), ETag.All));
        }

        actions.AddRange(change.Cells.Select(cell => CellAction(host, cell)));
        if (change.Counter is { } counter)
        {
            actions.Add(CounterAction(host, counter));
        }

        actions.AddRange(change.RemindersToRemove.Select(r => new TableTransactionAction(
            TableTransactionActionType.Delete,
            new TableEntity(host, BookingRowKeys.Reminder(r.Due, r.BookingRandomId, r.OffsetMinutes)),
            new ETag(r.Version))));
        actions.AddRange(change.RemindersToWrite.Select(r => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace,
            new TableEntity(host, BookingRowKeys.Reminder(r.Due, booking.Id.Random, r.OffsetMinutes)) { ["OffsetMinutes"] = r.OffsetMinutes })));
        if (change.ExpiryToRemove is { } expiryRemoved)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(host, BookingRowKeys.Expiry(expiryRemoved, booking.Id.Random)), ETag.All));
        }

        if (change.ExpiryToWrite is { } expiry)
        {
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(host, BookingRowKeys.Expiry(expiry, booking.Id.Random))));
        }

        if (change.Event is { } bookingEvent)
        {
            actions.Add(new(TableTransactionActionType.Add, OutboxEntities.Create(bookingEvent)));
        }

        if (change.Idempotency is { } idempotency)
        {
            // A new key is inserted (failing if a concurrent request stored it first); an expired record is replaced at its version.
            actions.Add(idempotency.Version is { } expired
                ? new(TableTransactionActionType.UpdateReplace, IdempotencyEntity(host, idempotency), new ETag(expired))
                : new(TableTransactionActionType.Add, IdempotencyEntity(host, idempotency)));
        }

        if (change.Event is { } announced && actions.Count <= MaxTransactionOperations)
        {
            // Before the commit: whatever happens after it, the guard arrives and publishes the event if nobody did.
            await guards.ArmAsync(new OutboxGuard(host, announced.Id), cancellationToken).ConfigureAwait(false);
        }

        return await SubmitAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Versioned<Booking>?> FindAsync(BookingId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var response = await _table.GetEntityIfExistsAsync<BookingEntity>(id.Host.Value, BookingRowKeys.Booking(id.Random), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity
            ? new Versioned<Booking>(BookingEntityMapper.ToBooking(entity), entity.ETag.ToString())
            : null;
    }

    public async Task<BookingPage> ListAsync(HostSlug host, Interval range, IReadOnlyCollection<BookingStatus> statuses, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(statuses);
        var from = BookingRowKeys.ByStartFrom(range.Start);
        var to = BookingRowKeys.ByStartFrom(range.End);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {host.Value} and RowKey ge {from} and RowKey lt {to}");
        if (statuses.Count > 0)
        {
            // Each status quoted by the SDK; "(Status eq 'A' or Status eq 'B')".
            var anyOf = string.Join(" or ", statuses.Distinct().Select(s => TableClient.CreateQueryFilter($"Status eq {s.ToString()}")));
            filter += $" and ({anyOf})";
        }

        await foreach (var page in _table.QueryAsync<BookingEntity>(filter, pageSize, cancellationToken: cancellationToken)
                           .AsPages(continuationToken, pageSize).ConfigureAwait(false))
        {
            return new BookingPage(page.Values.Select(BookingEntityMapper.ToBooking).ToList(), page.ContinuationToken);
        }

        return new BookingPage([], null);
    }

    public async Task<IReadOnlyList<PendingExpiry>> ListExpiringAsync(HostSlug host, Instant upTo, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {host.Value} and RowKey ge {BookingRowKeys.ExpiryPrefix} and RowKey le {BookingRowKeys.ExpiryUpTo(upTo)}");
        var due = new List<PendingExpiry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var parts = row.RowKey.Split('|');
            if (parts.Length == 3 && long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
                && BookingId.TryParse(host.Value + "--" + parts[2], out var id))
            {
                due.Add(new PendingExpiry(id, Instant.FromUnixTimeTicks(ticks)));
            }

            if (due.Count >= max)
            {
                break;
            }
        }

        return due;
    }

    public async Task<IdempotencyRecord?> FindIdempotencyAsync(HostSlug host, string storageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(host.Value, BookingRowKeys.Idempotency(storageId), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return null;
        }

        return new IdempotencyRecord(
            storageId,
            entity.GetString("RequestHash"),
            entity.GetString("BookingId"),
            entity.GetString("ProtectedManageToken"),
            Instant.FromDateTimeOffset(entity.GetDateTimeOffset("CreatedAt")!.Value))
        {
            Version = entity.ETag.ToString(),
        };
    }

    /// <summary>A cell write as a table action: insert a new cell, delete an emptied one, else replace, at the version read.</summary>
    private static TableTransactionAction CellAction(string host, CellWrite cell)
    {
        var entity = new TableEntity(host, BookingRowKeys.Cell(cell.Start)) { [CellSpans.Column] = CellSpans.Write(cell.Spans) };
        if (cell.ExpectedVersion is not { } version)
        {
            return new(TableTransactionActionType.Add, entity);
        }

        return new(cell.Spans.Count == 0 ? TableTransactionActionType.Delete : TableTransactionActionType.UpdateReplace, entity, new ETag(version));
    }

    /// <summary>The booking's reminder entries still in storage (the timer removes them as it handles them), one point read per offset.</summary>
    private async Task<IReadOnlyList<DueReminder>> ReadRemindersAsync(Booking booking, CancellationToken cancellationToken)
    {
        var found = new List<DueReminder>();
        foreach (var offset in booking.ReminderOffsetsMinutes.Distinct())
        {
            var due = booking.Start - Duration.FromMinutes(offset);
            var key = BookingRowKeys.Reminder(due, booking.Id.Random, offset);
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(booking.Id.Host.Value, key, ["RowKey"], cancellationToken).ConfigureAwait(false);
            if (response.HasValue)
            {
                found.Add(new DueReminder(booking.Id.Host, booking.Id.Random, offset, due, response.Value!.ETag.ToString()));
            }
        }

        return found;
    }

    /// <summary>Stamps the daily counter: replaced at the version read, or inserted when it did not exist.</summary>
    private static TableTransactionAction CounterAction(string host, CounterVersion counter)
    {
        var entity = new TableEntity(host, BookingRowKeys.Day(counter.Key.EventType, counter.Key.HostDate))
        {
            ["Stamp"] = Guid.NewGuid().ToString("N"),
        };
        return counter.Version is { } etag
            ? new(TableTransactionActionType.UpdateReplace, entity, new ETag(etag))
            : new(TableTransactionActionType.Add, entity);
    }

    private static TableEntity IdempotencyEntity(string host, IdempotencyRecord record) => new(host, BookingRowKeys.Idempotency(record.StorageId))
    {
        ["RequestHash"] = record.RequestHash,
        ["BookingId"] = record.BookingId,
        ["ProtectedManageToken"] = record.ProtectedManageToken,
        ["CreatedAt"] = record.CreatedAt.ToDateTimeOffset(),
    };

    private async Task<Dictionary<Instant, ClaimCell>> ReadCellsAsync(string host, Instant from, Instant to, CancellationToken cancellationToken)
    {
        var (first, last) = BookingRowKeys.CellRange(from, to);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {host} and RowKey ge {first} and RowKey le {last}");
        var cells = new Dictionary<Instant, ClaimCell>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var start = BookingRowKeys.CellStart(entity.RowKey);
            cells[start] = new ClaimCell(start, entity.ETag.ToString(), CellSpans.Read(entity.GetString(CellSpans.Column)));
        }

        return cells;
    }

    private async Task<bool> SubmitAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        if (actions.Count > MaxTransactionOperations)
        {
            throw new ChangeTooLargeException(
                $"The change needs {actions.Count} writes; one atomic transaction allows {MaxTransactionOperations}.");
        }

        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

}
