using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Schedly.Core.Teams;

/// <summary>
/// Chooses the member who gets a round-robin booking, among the members free at its time. Rules in order:
/// <list type="number">
/// <item>Only the free members of the highest priority compete (the others are recorded but earn nothing).</item>
/// <item>Each competitor earns a share of <see cref="FairnessLedger.CreditPerBooking"/> in proportion to their
/// weight; the one with the most credit (within <see cref="CreditTolerance"/>) wins and spends one booking's credit.</item>
/// <item>Equal credit: the one booked least recently (never booked first).</item>
/// <item>Still equal: the smallest SHA-256 of the tie-break key (the idempotency key) and the host, so a retried
/// request picks the same member.</item>
/// </list>
/// Pure: the caller loads the ledger, stores <see cref="RoundRobinDecision.LedgerAfter"/> with the booking.
/// </summary>
public static class RoundRobin
{
    /// <summary>Credits this close count as equal (a ten-thousandth of a booking, far above the shares' rounding).</summary>
    public const long CreditTolerance = FairnessLedger.CreditPerBooking / 10_000;

    public static RoundRobinDecision Choose(IReadOnlyList<TeamMember> free, FairnessLedger ledger, string tieBreakKey, Instant now)
    {
        ArgumentNullException.ThrowIfNull(free);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(tieBreakKey);
        if (free.Count == 0)
        {
            throw new ArgumentException("Round-robin needs at least one free member.", nameof(free));
        }

        if (free.Select(m => m.Host.Value).Distinct(StringComparer.Ordinal).Count() != free.Count)
        {
            throw new ArgumentException("A member is listed twice.", nameof(free));
        }

        var top = free.Max(m => m.Priority);
        var competing = free.Where(m => m.Priority == top).OrderBy(m => m.Host.Value, StringComparer.Ordinal).ToArray();
        var before = competing.Select(m => ledger.StandingOf(m.Host)).ToArray();
        var earned = Shares(competing, before);
        var credits = competing.Select((m, i) => before[i].Credit + earned[i]).ToArray();

        // Credits within CreditTolerance of the most are equal: the shares' rounding (a unit here and there) must
        // not decide in place of the next rules.
        var most = credits.Max();
        var tiedOnCredit = Enumerable.Range(0, competing.Length).Where(i => credits[i] >= most - CreditTolerance).ToArray();
        var leastRecent = tiedOnCredit.Min(i => LastBookedTicks(before[i]));
        var tiedOnRecency = tiedOnCredit.Where(i => LastBookedTicks(before[i]) == leastRecent).ToArray();
        var best = tiedOnRecency.MinBy(i => TieBreak(tieBreakKey, competing[i].Host.Value));
        var chosen = competing[best];
        var reason = free.Count == 1 ? AssignmentReason.OnlyFreeMember
            : competing.Length == 1 ? AssignmentReason.Priority
            : tiedOnCredit.Length == 1 ? AssignmentReason.MostCredit
            : tiedOnRecency.Length == 1 ? AssignmentReason.LeastRecentlyBooked
            : AssignmentReason.TieBreak;

        var candidates = free
            .OrderByDescending(m => m.Priority).ThenBy(m => m.Host.Value, StringComparer.Ordinal)
            .Select(m =>
            {
                var index = Array.IndexOf(competing, m);
                var standing = index >= 0 ? before[index] : ledger.StandingOf(m.Host);
                return new RoundRobinCandidate(m.Host, m.Priority, m.Weight, index >= 0 ? credits[index] : standing.Credit, standing.LastBookedAt, index >= 0);
            })
            .ToArray();
        var after = ledger.With(competing.Select((m, i) => new KeyValuePair<string, MemberStanding>(
            m.Host.Value,
            i == best
                ? new MemberStanding(credits[i] - FairnessLedger.CreditPerBooking, now)
                : before[i] with { Credit = credits[i] })));
        return new RoundRobinDecision(chosen.Host, reason, candidates, after);
    }

    /// <summary>
    /// <see cref="FairnessLedger.CreditPerBooking"/> split by weight, exactly: each gets the floor of their share and
    /// the units left over go one each to the largest remainders, then to the lowest credit (so rounding never
    /// drifts in one member's favour), then by host order.
    /// </summary>
    private static long[] Shares(TeamMember[] competing, MemberStanding[] before)
    {
        long total = competing.Sum(m => (long)m.Weight);
        var shares = new long[competing.Length];
        var remainders = new long[competing.Length];
        for (var i = 0; i < competing.Length; i++)
        {
            var exact = FairnessLedger.CreditPerBooking * competing[i].Weight;
            shares[i] = exact / total;
            remainders[i] = exact % total;
        }

        var left = FairnessLedger.CreditPerBooking - shares.Sum();
        foreach (var i in Enumerable.Range(0, competing.Length).OrderByDescending(i => remainders[i]).ThenBy(i => before[i].Credit).Take((int)left))
        {
            shares[i]++;
        }

        return shares;
    }

    private static long LastBookedTicks(MemberStanding standing) => standing.LastBookedAt?.ToUnixTimeTicks() ?? long.MinValue;

    private static ulong TieBreak(string key, string host)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes("schedly-round-robin|" + key + "|" + host), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }
}
