using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace Schedly.AzureStorage.Tables;

/// <summary>How long one table of a <see cref="DatedTable"/> family covers.</summary>
public enum TablePeriod
{
    Day,
    Month,
}

/// <summary>
/// A family of tables that each hold one period's rows, named <c>{prefix}{yyyyMM}</c> (months) or
/// <c>{prefix}{yyyyMMdd}</c> (days), so names sort by period. <see cref="Kept"/> periods are kept (the current one
/// and those before it); older tables are dropped whole by <see cref="DatedTableSet"/>. A write to a period whose table
/// is missing creates it, so nothing depends on the daily timer having run.
/// </summary>
public sealed record DatedTable(string Prefix, TablePeriod Period, int Kept)
{
    /// <summary>The name of the table holding <paramref name="at"/>'s period.</summary>
    public string NameAt(Instant at) => Prefix + at.ToDateTimeUtc().ToString(Period == TablePeriod.Month ? "yyyyMM" : "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The instant <paramref name="periods"/> periods after (or, negative, before) <paramref name="at"/>.</summary>
    public Instant Shift(Instant at, int periods)
    {
        var utc = at.InUtc().LocalDateTime;
        return (Period == TablePeriod.Month ? utc.PlusMonths(periods) : utc.PlusDays(periods)).InUtc().ToInstant();
    }

    /// <summary>The names of the tables to read at <paramref name="now"/>, newest first.</summary>
    public IEnumerable<string> KeptNames(Instant now) => Enumerable.Range(0, Kept).Select(back => NameAt(Shift(now, -back)));

    /// <summary>True for a "table not found" answer (the period's table has not been created yet).</summary>
    public static bool IsMissingTable(RequestFailedException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Status == (int)HttpStatusCode.NotFound && string.Equals(e.ErrorCode, "TableNotFound", StringComparison.Ordinal);
    }

    /// <summary>Runs <paramref name="write"/> on <paramref name="table"/>, creating the table first if it is missing.</summary>
    public static async Task<T> WriteCreatingAsync<T>(TableClient table, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            return await write().ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (IsMissingTable(e))
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            return await write().ConfigureAwait(false);
        }
    }
}
