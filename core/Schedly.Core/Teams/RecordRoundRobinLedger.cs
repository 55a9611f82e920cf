using Schedly.Core.Bookings;
using Schedly.Core.Concurrency;

namespace Schedly.Core.Teams;

/// <summary>
/// Puts a round-robin booking's <see cref="LedgerChange"/> into its team's <see cref="FairnessLedger"/>, once: read the
/// ledger, skip when it already holds the booking, else write it with the change on the version read (re-read and
/// re-applied when another booking's write won). The booking request runs it right after its booking; the booking's
/// <c>booking.created</c> event runs it again, so a request that died between the two writes still counts, and never twice.
/// </summary>
public sealed class RecordRoundRobinLedger(ITeamLedgerStore ledgers)
{
    /// <summary>Applies <paramref name="booking"/>'s change; false when it holds none or the ledger had it already.</summary>
    public Task<bool> ExecuteAsync(Booking booking, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return booking.Team is { Assignment: TeamAssignment.RoundRobin, LedgerChange: { } change } team
            ? ApplyAsync(team.Team, change, booking.Id.Value, cancellationToken)
            : Task.FromResult(false);
    }

    private Task<bool> ApplyAsync(TeamSlug team, LedgerChange change, string bookingId, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync<bool>("Fairness ledger", async ct =>
        {
            var current = await ledgers.FindAsync(team, ct).ConfigureAwait(false);
            var ledger = current?.Value ?? FairnessLedger.Empty;
            if (ledger.HasApplied(bookingId))
            {
                return false;
            }

            return await ledgers.TryWriteAsync(team, ledger.Apply(change, bookingId), current?.Version, ct).ConfigureAwait(false)
                ? true
                : Attempt<bool>.Conflict;
        }, cancellationToken);
}
