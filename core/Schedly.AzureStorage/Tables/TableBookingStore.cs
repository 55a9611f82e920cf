using System.Net;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Hosts;
using Schedly.Core.Reminders;

namespace Schedly.AzureStorage.Tables;

/// <summary>
/// Bookings in the host's partition (see <see cref="BookingRowKeys"/>). Every change is one
/// entity-group transaction whose cell, counter and booking writes are conditional on the ETags
/// read before, so a concurrent change anywhere the decision looked makes the whole write fail.
/// </summary>
public sealed class TableBookingStore(TableServiceClient tables) : IBookingStore
{
    /// <summary>Table Storage's limit on operations in one entity-group transaction.</summary>
    public const int MaxTransactionOperations = 100;

    private readonly TableClient _table = tables.GetTableClient(SchedlyTables.Hosts);

    public async Task<BookingSnapshot> LoadAsync(HostSlug host, Interval window, DailyCounterKey? counter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var cells = await ReadCellsAsync(host.Value, window.Start, window.End, cancellationToken).ConfigureAwait(false);
        ETag? counterVersion = null;
        if (counter is not null)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(
                host.Value, BookingRowKeys.Day(counter.EventType, counter.HostDate), ["RowKey"], cancellationToken).ConfigureAwait(false);
            counterVersion = row.HasValue ? row.Value!.ETag : null;
        }

        var bookings = cells.Values.SelectMany(c => c.Spans)
            .Where(s => s.ClaimedSpan.Start < window.End && window.Start < s.ClaimedSpan.End)
            .DistinctBy(s => s.BookingRandomId)
            .ToList();
        return new BookingSnapshot(bookings, new SnapshotState(cells, counterVersion));
    }

    public async Task<bool> TryCreateAsync(BookingSnapshot snapshot, Booking booking, DailyCounterKey? counter, BookingEvent created, IdempotencyRecord? idempotency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(booking);
        var state = (SnapshotState)snapshot.StoreState;
        var host = booking.Id.Host.Value;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, BookingEntityMapper.ToEntity(booking)),
            new(TableTransactionActionType.Add, BookingEntityMapper.ToIndexEntity(booking)),
        };
        actions.AddRange(CellWrites(host, state.Cells, remove: null, add: BookedSpan.Of(booking)));
        if (counter is not null)
        {
            actions.Add(CounterWrite(host, counter, state.CounterVersion));
        }

        actions.AddRange(ReminderWrites(host, booking, existing: []));
        actions.Add(new(TableTransactionActionType.Add, OutboxEntities.Create(created)));
        if (idempotency is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, IdempotencyEntity(host, idempotency)));
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

    public async Task<bool> TryCancelAsync(Versioned<Booking> current, Booking cancelled, BookingEvent cancelledEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(cancelled);
        var host = current.Value.Id.Host.Value;
        var span = current.Value.ClaimedSpan;
        var cells = await ReadCellsAsync(host, span.Start, span.End, cancellationToken).ConfigureAwait(false);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, BookingEntityMapper.ToEntity(cancelled), new ETag(current.Version)),
            new(TableTransactionActionType.UpsertReplace, BookingEntityMapper.ToIndexEntity(cancelled)),
        };
        actions.AddRange(CellWrites(host, cells, remove: current.Value.Id.Random, add: null));
        var reminders = await ReadRemindersAsync(current.Value, cancellationToken).ConfigureAwait(false);
        actions.AddRange(reminders.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, r.ETag)));
        actions.Add(new(TableTransactionActionType.Add, OutboxEntities.Create(cancelledEvent)));
        return await SubmitAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryRescheduleAsync(Versioned<Booking> current, BookingSnapshot snapshot, Booking moved, DailyCounterKey? counter, BookingEvent rescheduledEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(moved);
        var state = (SnapshotState)snapshot.StoreState;
        var host = current.Value.Id.Host.Value;
        var oldSpan = current.Value.ClaimedSpan;
        var cells = new Dictionary<string, Cell>(state.Cells, StringComparer.Ordinal);
        foreach (var (key, cell) in await ReadCellsAsync(host, oldSpan.Start, oldSpan.End, cancellationToken).ConfigureAwait(false))
        {
            cells.TryAdd(key, cell);
        }

        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, BookingEntityMapper.ToEntity(moved), new ETag(current.Version)),
            new(TableTransactionActionType.UpsertReplace, BookingEntityMapper.ToIndexEntity(moved)),
        };
        if (moved.Start != current.Value.Start)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(host, BookingRowKeys.ByStart(current.Value.Start, current.Value.Id.Random)), ETag.All));
        }

        actions.AddRange(CellWrites(host, cells, remove: current.Value.Id.Random, add: BookedSpan.Of(moved)));
        if (counter is not null)
        {
            actions.Add(CounterWrite(host, counter, state.CounterVersion));
        }

        actions.AddRange(ReminderWrites(host, moved, await ReadRemindersAsync(current.Value, cancellationToken).ConfigureAwait(false)));
        actions.Add(new(TableTransactionActionType.Add, OutboxEntities.Create(rescheduledEvent)));
        return await SubmitAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryUpdateAsync(Versioned<Booking> current, Booking updated, BookingEvent? updateEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, BookingEntityMapper.ToEntity(updated), new ETag(current.Version)),
            new(TableTransactionActionType.UpsertReplace, BookingEntityMapper.ToIndexEntity(updated)),
        };
        if (updateEvent is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, OutboxEntities.Create(updateEvent)));
        }

        return await SubmitAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BookingPage> ListAsync(HostSlug host, Interval range, BookingStatus? status, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var from = BookingRowKeys.ByStartFrom(range.Start);
        var to = BookingRowKeys.ByStartFrom(range.End);
        var filter = status is { } wanted
            ? TableClient.CreateQueryFilter($"PartitionKey eq {host.Value} and RowKey ge {from} and RowKey lt {to} and Status eq {wanted.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {host.Value} and RowKey ge {from} and RowKey lt {to}");
        await foreach (var page in _table.QueryAsync<BookingEntity>(filter, pageSize, cancellationToken: cancellationToken)
                           .AsPages(continuationToken, pageSize).ConfigureAwait(false))
        {
            return new BookingPage(page.Values.Select(BookingEntityMapper.ToBooking).ToList(), page.ContinuationToken);
        }

        return new BookingPage([], null);
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
            Instant.FromDateTimeOffset(entity.GetDateTimeOffset("CreatedAt")!.Value));
    }

    /// <summary>
    /// The conditional writes that take <paramref name="remove"/> out of, and put <paramref name="add"/> into, every
    /// cell they touch: existing cells are replaced at the version read, new cells inserted (failing if another
    /// writer created them first), emptied cells deleted at the version read.
    /// </summary>
    private static IEnumerable<TableTransactionAction> CellWrites(string host, IReadOnlyDictionary<string, Cell> cells, string? remove, BookedSpan? add)
    {
        var addedTo = add is null
            ? []
            : BookingRowKeys.CellHours(add.ClaimedSpan.Start, add.ClaimedSpan.End).Select(BookingRowKeys.Cell).ToHashSet(StringComparer.Ordinal);
        var touched = new SortedSet<string>(addedTo, StringComparer.Ordinal);
        if (remove is not null)
        {
            touched.UnionWith(cells.Where(c => c.Value.Spans.Any(s => s.BookingRandomId == remove)).Select(c => c.Key));
        }

        foreach (var key in touched)
        {
            var existing = cells.GetValueOrDefault(key);
            var spans = (existing?.Spans ?? []).Where(s => s.BookingRandomId != remove).ToList();
            if (addedTo.Contains(key))
            {
                spans.Add(add!);
            }

            var entity = new TableEntity(host, key) { [CellSpans.Column] = CellSpans.Write(spans) };
            if (existing is null)
            {
                yield return new(TableTransactionActionType.Add, entity);
            }
            else if (spans.Count == 0)
            {
                yield return new(TableTransactionActionType.Delete, entity, existing.Version);
            }
            else
            {
                yield return new(TableTransactionActionType.UpdateReplace, entity, existing.Version);
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="booking"/>'s reminder entries (those still ahead at its last change) and deletes, at
    /// the version read, every <paramref name="existing"/> entry it no longer has.
    /// </summary>
    private static IEnumerable<TableTransactionAction> ReminderWrites(string host, Booking booking, IReadOnlyList<TableEntity> existing)
    {
        var planned = DueReminder.Plan(booking, booking.UpdatedAt)
            .Select(r => new TableEntity(host, BookingRowKeys.Reminder(r.Due, booking.Id.Random, r.OffsetMinutes)) { ["OffsetMinutes"] = r.OffsetMinutes })
            .ToList();
        var keep = planned.Select(p => p.RowKey).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in existing.Where(e => !keep.Contains(e.RowKey)))
        {
            yield return new(TableTransactionActionType.Delete, stale, stale.ETag);
        }

        foreach (var entry in planned)
        {
            yield return new(TableTransactionActionType.UpsertReplace, entry);
        }
    }

    /// <summary>The booking's reminder entries still in storage (the timer removes them as it handles them).</summary>
    private async Task<IReadOnlyList<TableEntity>> ReadRemindersAsync(Booking booking, CancellationToken cancellationToken)
    {
        var found = new List<TableEntity>();
        foreach (var offset in booking.ReminderOffsetsMinutes.Distinct())
        {
            var key = BookingRowKeys.Reminder(booking.Start - Duration.FromMinutes(offset), booking.Id.Random, offset);
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(booking.Id.Host.Value, key, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (response.HasValue)
            {
                found.Add(response.Value!);
            }
        }

        return found;
    }

    private static TableTransactionAction CounterWrite(string host, DailyCounterKey counter, ETag? version)
    {
        var entity = new TableEntity(host, BookingRowKeys.Day(counter.EventType, counter.HostDate))
        {
            ["Stamp"] = Guid.NewGuid().ToString("N"),
        };
        return version is { } etag
            ? new(TableTransactionActionType.UpdateReplace, entity, etag)
            : new(TableTransactionActionType.Add, entity);
    }

    private static TableEntity IdempotencyEntity(string host, IdempotencyRecord record) => new(host, BookingRowKeys.Idempotency(record.StorageId))
    {
        ["RequestHash"] = record.RequestHash,
        ["BookingId"] = record.BookingId,
        ["ProtectedManageToken"] = record.ProtectedManageToken,
        ["CreatedAt"] = record.CreatedAt.ToDateTimeOffset(),
    };

    private async Task<Dictionary<string, Cell>> ReadCellsAsync(string host, Instant from, Instant to, CancellationToken cancellationToken)
    {
        var (first, last) = BookingRowKeys.CellRange(from, to);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {host} and RowKey ge {first} and RowKey le {last}");
        var cells = new Dictionary<string, Cell>(StringComparer.Ordinal);
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            cells[entity.RowKey] = new Cell(entity.ETag, CellSpans.Read(entity.GetString(CellSpans.Column)));
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

    private sealed record Cell(ETag Version, List<BookedSpan> Spans);

    private sealed record SnapshotState(IReadOnlyDictionary<string, Cell> Cells, ETag? CounterVersion);
}
