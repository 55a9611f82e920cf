using NodaTime;

namespace Schedly.Core.Housekeeping;

/// <summary>
/// Tables that hold one period's rows (the effect ledger per month, rate counters per day): the next period's table
/// is created ahead, and a table whose period is past its rows' lifetime is dropped whole, one request, instead of
/// deleting its rows one by one.
/// </summary>
public interface IDatedTables
{
    /// <summary>Creates the tables of the period containing <paramref name="now"/> and of the next one (existing ones are kept).</summary>
    Task PrepareAsync(Instant now, CancellationToken cancellationToken);

    /// <summary>Drops the tables whose rows have all expired at <paramref name="now"/>; returns their names.</summary>
    Task<IReadOnlyList<string>> RetireAsync(Instant now, CancellationToken cancellationToken);
}

/// <summary>The daily housekeeping timer's work: O(1) requests whatever the number of hosts or rows.</summary>
public sealed class RetireExpiredTables(IDatedTables tables, IClock clock)
{
    public async Task<IReadOnlyList<string>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        await tables.PrepareAsync(now, cancellationToken).ConfigureAwait(false);
        return await tables.RetireAsync(now, cancellationToken).ConfigureAwait(false);
    }
}
