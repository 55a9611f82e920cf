using NodaTime;
using Schedly.Core.Hosts;

namespace Schedly.Core.Teams.Collective;

/// <summary>
/// The record of one collective booking, kept in the team's partition: the time, the members in the fixed order in
/// which their time is held (ordinal by host slug, so two bookings never wait on each other in opposite orders), its
/// state, and when untaken-over holds expire (after which recovery rolls back a booking that never committed).
/// </summary>
public sealed record CollectiveIntent
{
    public CollectiveIntent(string id, Instant start, Instant end, IEnumerable<HostSlug> members, Instant holdsExpireAt, CollectiveState state = CollectiveState.Holding)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(members);
        if (end <= start)
        {
            throw new ArgumentException("A booking must end after it starts.", nameof(end));
        }

        Id = id;
        Start = start;
        End = end;
        Members = [.. members.DistinctBy(m => m.Value).OrderBy(m => m.Value, StringComparer.Ordinal)];
        HoldsExpireAt = holdsExpireAt;
        State = state;
        if (Members.Count == 0)
        {
            throw new ArgumentException("A collective booking has at least one member.", nameof(members));
        }
    }

    public string Id { get; }

    public Instant Start { get; }

    public Instant End { get; }

    /// <summary>The members, ordinal by slug: the order holds are taken in (and released in reverse).</summary>
    public IReadOnlyList<HostSlug> Members { get; }

    public Instant HoldsExpireAt { get; }

    public CollectiveState State { get; init; }

    /// <summary>Why and by whom the booking was cancelled as a whole; set with <see cref="CollectiveState.Cancelling"/>.</summary>
    public CollectiveCancellation? Cancellation { get; init; }
}
