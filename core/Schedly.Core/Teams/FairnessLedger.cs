using System.Collections.Immutable;
using Schedly.Core.Hosts;

namespace Schedly.Core.Teams;

/// <summary>
/// Round-robin's memory for one team: each member's <see cref="MemberStanding"/>. Every booking adds exactly
/// <see cref="CreditPerBooking"/> of credit, shared among the members that competed for it in proportion to their
/// weights, and takes exactly that much from the member assigned, so the credits always sum to zero: a member's
/// credit is how many bookings (× <see cref="CreditPerBooking"/>) they are owed for the chances they had. Members who
/// were absent earn nothing (no calibration), a newcomer starts at zero (no flood of bookings), and a change of the
/// team or of weights keeps everyone's history. It also remembers the last <see cref="RememberedBookings"/> bookings
/// it took (<see cref="Apply"/>), so a booking's change applied again (by its outbox event, after the booking request
/// wrote it or died before) counts once.
/// </summary>
public sealed class FairnessLedger
{
    /// <summary>The credit one booking is worth; integral so that sums are exact.</summary>
    public const long CreditPerBooking = 1_000_000;

    /// <summary>
    /// How many applied bookings the ledger remembers: far more than a team books between a booking and its outbox
    /// event's handling (seconds, or the outbox guard's minutes after a crash); 500 ids ≈ 14 KB of the row.
    /// </summary>
    public const int RememberedBookings = 500;

    public static readonly FairnessLedger Empty = new(ImmutableSortedDictionary<string, MemberStanding>.Empty.WithComparers(StringComparer.Ordinal), []);

    private readonly ImmutableSortedDictionary<string, MemberStanding> _standings;

    private FairnessLedger(ImmutableSortedDictionary<string, MemberStanding> standings, ImmutableList<string> applied)
    {
        _standings = standings;
        AppliedBookings = applied;
    }

    /// <summary>The ids of the bookings whose change this ledger holds, oldest first (at most <see cref="RememberedBookings"/>).</summary>
    public ImmutableList<string> AppliedBookings { get; }

    /// <summary>Members with a standing, by host slug (ordinal order).</summary>
    public IEnumerable<KeyValuePair<string, MemberStanding>> Standings => _standings;

    /// <summary>The sum of every member's credit; zero for any ledger built by round-robin.</summary>
    public long TotalCredit => _standings.Values.Sum(s => s.Credit);

    /// <summary>A ledger read back from storage.</summary>
    public static FairnessLedger From(IEnumerable<KeyValuePair<HostSlug, MemberStanding>> standings, IEnumerable<string>? appliedBookings = null)
    {
        ArgumentNullException.ThrowIfNull(standings);
        return new(standings.ToImmutableSortedDictionary(p => p.Key.Value, p => p.Value, StringComparer.Ordinal), [.. appliedBookings ?? []]);
    }

    /// <summary>True when the change of booking <paramref name="bookingId"/> is already in this ledger.</summary>
    public bool HasApplied(string bookingId) => AppliedBookings.Contains(bookingId, StringComparer.Ordinal);

    /// <summary>
    /// This ledger with booking <paramref name="bookingId"/>'s change, remembered as applied; the ledger itself when it
    /// already holds that booking.
    /// </summary>
    public FairnessLedger Apply(LedgerChange change, string bookingId)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrEmpty(bookingId);
        if (HasApplied(bookingId))
        {
            return this;
        }

        var applied = AppliedBookings.Add(bookingId);
        var moved = Moved(change);
        return new(moved._standings, applied.Count > RememberedBookings ? applied.RemoveRange(0, applied.Count - RememberedBookings) : applied);
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
    public FairnessLedger Plus(FairnessLedger before, FairnessLedger after) => Moved(LedgerChange.Between(before, after));

    /// <summary>Each member of <paramref name="change"/> with its credit moved and the later of the two booking dates.</summary>
    private FairnessLedger Moved(LedgerChange change) =>
        With(change.Entries.Select(entry =>
        {
            var mine = _standings.GetValueOrDefault(entry.Host.Value, MemberStanding.New);
            var last = entry.BookedAt is { } booked && (mine.LastBookedAt is null || booked > mine.LastBookedAt) ? booked : mine.LastBookedAt;
            return new KeyValuePair<string, MemberStanding>(entry.Host.Value, new MemberStanding(mine.Credit + entry.CreditDelta, last));
        }));

    internal FairnessLedger With(IEnumerable<KeyValuePair<string, MemberStanding>> changes) => new(_standings.SetItems(changes), AppliedBookings);
}
