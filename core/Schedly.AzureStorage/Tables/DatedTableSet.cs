using Azure;
using Azure.Data.Tables;
using NodaTime;
using Schedly.Core.Housekeeping;

namespace Schedly.AzureStorage.Tables;

/// <summary>
/// The dated table families: the effect ledger by month (the current and the previous month are read, so an effect
/// is recognised for at least 28 days, far beyond the longest redelivery: a queue message lives 7 days) and rate
/// counters by day (a counter's window lies within its day) and used proof-of-work challenges by the day they expire. Preparing creates this period's and the next period's
/// tables; retiring lists each family's tables older than those kept (one listing request per family) and drops them.
/// </summary>
public sealed class DatedTableSet(TableServiceClient tables) : IDatedTables
{
    public static readonly DatedTable EffectLedger = new("effects", TablePeriod.Month, Kept: 2);

    public static readonly DatedTable RateCounters = new("ratelimits", TablePeriod.Day, Kept: 2);

    /// <summary>Used proof-of-work challenges, by the day they expire: once the day is over every claim in it has expired.</summary>
    public static readonly DatedTable ProofOfWorkClaims = new("proofofwork", TablePeriod.Day, Kept: 2);

    /// <summary>Emailed sign-in links, by the day they expire (a link lives at most an hour): a day's table holds only expired links two days later.</summary>
    public static readonly DatedTable SignInLinks = new("signinlinks", TablePeriod.Day, Kept: 2);

    public static IReadOnlyList<DatedTable> Families { get; } = [EffectLedger, RateCounters, ProofOfWorkClaims, SignInLinks];

    public async Task PrepareAsync(Instant now, CancellationToken cancellationToken)
    {
        foreach (var family in Families)
        {
            await tables.CreateTableIfNotExistsAsync(family.NameAt(now), cancellationToken).ConfigureAwait(false);
            await tables.CreateTableIfNotExistsAsync(family.NameAt(family.Shift(now, 1)), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<string>> RetireAsync(Instant now, CancellationToken cancellationToken)
    {
        var retired = new List<string>();
        foreach (var family in Families)
        {
            // Names of one family sort by period; everything below the oldest kept name is expired.
            var oldestKept = family.NameAt(family.Shift(now, -(family.Kept - 1)));
            var filter = TableServiceClient.CreateQueryFilter($"TableName ge {family.Prefix + "0"} and TableName lt {oldestKept}");
            await foreach (var table in tables.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await tables.DeleteTableAsync(table.Name, cancellationToken).ConfigureAwait(false);
                    retired.Add(table.Name);
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    // Dropped by an overlapping run.
                }
            }
        }

        return retired;
    }
}
