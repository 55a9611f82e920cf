using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Schedly.AzureStorage.Tables;
using Schedly.Core.Abuse;

namespace Schedly.AzureStorage.Abuse;

/// <summary>
/// Used proof-of-work challenges in daily tables <c>proofofwork{yyyyMMdd}</c> (the UTC day the challenge expires,
/// <see cref="DatedTableSet.ProofOfWorkClaims"/>; a claim is only needed until its challenge expires, so a day's table
/// is dropped whole once the day is over): PartitionKey = the hour the challenge expires (<see cref="PartitionFor"/>,
/// zero-padded Unix hours), RowKey = the challenge (64 hex), column <c>Claimant</c> = SHA-256 of the request's
/// idempotency key (or empty). A claim is one insert; only a repeat costs one more point read.
/// </summary>
public sealed class TableProofOfWorkReplayStore(TableServiceClient tables) : IProofOfWorkReplayStore
{

    /// <summary>The partition of challenges expiring at <paramref name="expires"/>: its Unix hour, ten digits.</summary>
    public static string PartitionFor(Instant expires) =>
        (expires.ToUnixTimeSeconds() / 3600).ToString("D10", CultureInfo.InvariantCulture);

    public async Task<bool> TryClaimAsync(string challenge, Instant expires, string? claimant, CancellationToken cancellationToken)
    {
        var partition = PartitionFor(expires);
        var table = tables.GetTableClient(DatedTableSet.ProofOfWorkClaims.NameAt(expires));
        var claimantHash = claimant is null ? "" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(claimant)));
        try
        {
            await DatedTable.WriteCreatingAsync(
                table,
                () => table.AddEntityAsync(new TableEntity(partition, challenge) { ["Claimant"] = claimantHash }, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            if (claimant is null)
            {
                return false;
            }

            var earlier = await table.GetEntityIfExistsAsync<TableEntity>(partition, challenge, cancellationToken: cancellationToken).ConfigureAwait(false);
            return earlier.HasValue && earlier.Value is { } row && string.Equals(row.GetString("Claimant"), claimantHash, StringComparison.Ordinal);
        }
    }
}
