using NodaTime;
using Schedly.Core.Hosts;

namespace Schedly.Core.Teams;

/// <summary>
/// What one round-robin booking changes in its team's <see cref="FairnessLedger"/>: each competitor's credit moves by
/// its earned share, the chosen member's by its share less one booking, and the chosen member's last booking date. It
/// is stored with the booking, so the change can be applied from the booking again (its outbox event does): the ledger
/// remembers the bookings it holds and takes each once. Changes add, so one applied to a ledger that moved since the
/// decision keeps the credits summing to zero.
/// </summary>
public sealed record LedgerChange(IReadOnlyList<LedgerEntryChange> Entries)
{
    /// <summary>The change from <paramref name="before"/> (the ledger decided on) to <paramref name="after"/> (the decision's).</summary>
    public static LedgerChange Between(FairnessLedger before, FairnessLedger after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var entries = new List<LedgerEntryChange>();
        foreach (var (host, decided) in after.Standings)
        {
            var was = before.StandingOf(HostSlug.Parse(host));
            if (decided != was)
            {
                entries.Add(new LedgerEntryChange(HostSlug.Parse(host), decided.Credit - was.Credit, decided.LastBookedAt == was.LastBookedAt ? null : decided.LastBookedAt));
            }
        }

        return new LedgerChange(entries);
    }

    /// <summary>The sum of the credit moves: zero for a change round-robin made.</summary>
    public long TotalCredit => Entries.Sum(e => e.CreditDelta);
}

/// <summary>One member's part of a <see cref="LedgerChange"/>: the credit move and, for the member booked, when.</summary>
public sealed record LedgerEntryChange(HostSlug Host, long CreditDelta, Instant? BookedAt);
