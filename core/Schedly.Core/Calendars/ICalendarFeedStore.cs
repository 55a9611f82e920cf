using NodaTime;
using Schedly.Core.Hosts;

namespace Schedly.Core.Calendars;

/// <summary>
/// Storage of a host's calendar feeds and their busy time, in the host's partition. Every write is conditional on the
/// version the feed was read at and returns false when the feed changed (or vanished) since.
/// </summary>
public interface ICalendarFeedStore
{
    Task<IReadOnlyList<Versioned<CalendarFeed>>> ListAsync(HostSlug host, CancellationToken cancellationToken);

    Task<Versioned<CalendarFeed>?> FindAsync(HostSlug host, string id, CancellationToken cancellationToken);

    /// <summary>Adds a new feed; false when one with that id exists already.</summary>
    Task<bool> TryAddAsync(CalendarFeed feed, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="change"/> atomically: the feed at the version it was read at and, when
    /// <see cref="CalendarFeedChange.Busy"/> is set, its busy rows (the old ones replaced or deleted).
    /// </summary>
    Task<bool> TryCommitAsync(CalendarFeedChange change, CancellationToken cancellationToken);

    /// <summary>Deletes the feed and its busy rows at <paramref name="version"/>; false when it changed since.</summary>
    Task<bool> TryDeleteAsync(CalendarFeed feed, string version, CancellationToken cancellationToken);
}

/// <summary>The imported busy time the slot query and the booking re-check read: one range query of the host's partition.</summary>
public interface IImportedBusyTime
{
    /// <summary>Each feed's stored busy intervals overlapping <paramref name="window"/>, with the feed's last success.</summary>
    Task<IReadOnlyList<ImportedBusy>> LoadAsync(HostSlug host, Interval window, CancellationToken cancellationToken);
}

/// <summary>A feed write: the feed as it is now, the version it was read at, and (when it changed) all its busy time.</summary>
/// <param name="Previous">The feed as read: its <see cref="CalendarFeed.BusyChunks"/> are the rows to replace.</param>
/// <param name="Feed">The feed to write.</param>
/// <param name="Version">The version <paramref name="Previous"/> was read at.</param>
/// <param name="Busy">
/// Null: the busy rows stay as they are. Otherwise the feed's whole busy time, sorted and disjoint, in rows of at most
/// <see cref="CalendarFeed.IntervalsPerChunk"/> (<see cref="CalendarFeed.BusyChunks"/> of them).
/// </param>
public sealed record CalendarFeedChange(CalendarFeed Previous, CalendarFeed Feed, string Version, IReadOnlyList<IReadOnlyList<Interval>>? Busy)
{
    /// <summary>Splits sorted busy time into rows of <see cref="CalendarFeed.IntervalsPerChunk"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<Interval>> Chunk(IReadOnlyList<Interval> busy)
    {
        ArgumentNullException.ThrowIfNull(busy);
        return busy.Chunk(CalendarFeed.IntervalsPerChunk).Select(c => (IReadOnlyList<Interval>)c).ToList();
    }
}

/// <summary>Sends <c>calendar-refresh</c> messages.</summary>
public interface ICalendarRefreshQueue
{
    /// <summary>Queues <paramref name="refresh"/> to become visible after <paramref name="delay"/> (zero: now).</summary>
    Task EnqueueAsync(CalendarRefresh refresh, Duration delay, CancellationToken cancellationToken);
}

/// <summary>
/// Fetches a feed over HTTP with every guard of docs/SECURITY.md. Refused addresses, timeouts, HTTP errors and bodies
/// over the caps come back as <see cref="FeedFetch.Failed"/> with a short message that never contains the address.
/// </summary>
public interface ICalendarFeedFetcher
{
    Task<FeedFetch> FetchAsync(Uri url, FeedValidators validators, CancellationToken cancellationToken);
}

/// <summary>The outcome of one fetch.</summary>
public abstract record FeedFetch
{
    private FeedFetch()
    {
    }

    /// <summary>304 Not Modified.</summary>
    public sealed record NotModified(FeedValidators Validators) : FeedFetch;

    /// <summary>A 2xx body, decompressed, within the caps.</summary>
    public sealed record Fetched(byte[] Body, FeedValidators Validators) : FeedFetch;

    public sealed record Failed(string Error) : FeedFetch;
}
