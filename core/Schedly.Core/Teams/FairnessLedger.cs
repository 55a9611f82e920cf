using System.Collections.Immutable;
using Schedly.Core.Hosts;

namespace Schedly.Core.Teams;

/// <summary>
/// Round-robin's memory for one team: each member's <see cref="MemberStanding"/>. Every booking adds exactly
/// <see cref="CreditPerBooking"/> of credit, shared among the members that competed for it in proportion to their
/// weights, and takes exactly that much from the member assigned, so the credits always sum to zero: a member's
/// credit is how many bookings (× <see cref="CreditPerBooking"/>) they are owed for the chances they had. Members who
/// were absent earn nothing (no calibration), a newcomer starts at zero (no flood of bookings), and a change of the
/// team or of weights keeps everyone's history.
/// </summary>
public sealed class FairnessLedger
{
    /// <summary>The credit one booking is worth; integral so that sums are exact.</summary>
    public const long CreditPerBooking = 1_000_000;

    public static readonly FairnessLedger Empty = new(ImmutableSortedDictionary<string, MemberStanding>.Empty.WithComparers(StringComparer.Ordinal));

    private readonly ImmutableSortedDictionary<string, MemberStanding> _standings;

    private FairnessLedger(ImmutableSortedDictionary<string, MemberStanding> standings) => _standings = standings;

    /// <summary>Members with a standing, by host slug (ordinal order).</summary>
    public IEnumerable<KeyValuePair<string, MemberStanding>> Standings => _standings;

    /// <summary>The sum of every member's credit; zero for any ledger built by round-robin.</summary>
    public long TotalCredit => _standings.Values.Sum(s => s.Credit);

    /// <summary>A ledger read back from storage.</summary>
    public static FairnessLedger From(IEnumerable<KeyValuePair<HostSlug, MemberStanding>> standings)
    {
        ArgumentNullException.ThrowIfNull(standings);
        return new(standings.ToImmutableSortedDictionary(p => p.Key.Value, p => p.Value, StringComparer.Ordinal));
    }

    public MemberStanding StandingOf(HostSlug host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return _standings.TryGetValue(host.Value, out var standing) ? standing : MemberStanding.New;
    }

    /// <summary>
    /// This ledger plus what one decision changed (<paramref name="after"/> against <paramref name="before"/>, the
    /// ledger it was decided on): each changed member's credit moves by the same amount and takes the later booking
    /// date. Applied to a ledger that moved meanwhile (another booking's update won the write), credits still sum to zero.
    /// </summary>
    public FairnessLedger Plus(FairnessLedger before, FairnessLedger after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<KeyValuePair<string, MemberStanding>>();
        foreach (var (host, decided) in after._standings)
        {
            var was = before._standings.GetValueOrDefault(host, MemberStanding.New);
            if (decided == was)
            {
                continue;
            }

            var mine = _standings.GetValueOrDefault(host, MemberStanding.New);
            var last = decided.LastBookedAt is { } booked && (mine.LastBookedAt is null || booked > mine.LastBookedAt) ? booked : mine.LastBookedAt;
            changes.Add(new(host, new MemberStanding(mine.Credit + decided.Credit - was.Credit, last)));
        }

        return With(changes);
    }

    internal FairnessLedger With(IEnumerable<KeyValuePair<string, MemberStanding>> changes) => new(_standings.SetItems(changes));
}
