using NodaTime;
using Schedly.Core.Calendars;
using Schedly.Core.Hosts;

namespace Schedly.Core.Tests.Calendars;

/// <summary>Hand-written fakes of the calendar ports: feeds in memory with versions, a recording queue, a scripted fetcher.</summary>
internal sealed class InMemoryFeeds : ICalendarFeedStore
{
    private readonly Dictionary<string, (CalendarFeed Feed, int Version)> _rows = [];

    public Dictionary<string, IReadOnlyList<Interval>> Busy { get; } = [];

    public int BusyWrites { get; private set; }

    public void Put(CalendarFeed feed) => _rows[feed.Id] = (feed, _rows.TryGetValue(feed.Id, out var row) ? row.Version + 1 : 1);

    public CalendarFeed Get(string id) => _rows[id].Feed;

    public Task<IReadOnlyList<Versioned<CalendarFeed>>> ListAsync(HostSlug host, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Versioned<CalendarFeed>>>(_rows.Values.Select(r => new Versioned<CalendarFeed>(r.Feed, r.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList());

    public Task<Versioned<CalendarFeed>?> FindAsync(HostSlug host, string id, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryGetValue(id, out var row) ? new Versioned<CalendarFeed>(row.Feed, row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null);

    public Task<bool> TryAddAsync(CalendarFeed feed, CancellationToken cancellationToken)
    {
        var added = !_rows.ContainsKey(feed.Id);
        if (added)
        {
            Put(feed);
        }

        return Task.FromResult(added);
    }

    public Task<bool> TryCommitAsync(CalendarFeedChange change, CancellationToken cancellationToken)
    {
        if (!_rows.TryGetValue(change.Feed.Id, out var row) || row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) != change.Version)
        {
            return Task.FromResult(false);
        }

        Put(change.Feed);
        if (change.Busy is { } busy)
        {
            BusyWrites++;
            Busy[change.Feed.Id] = busy.SelectMany(c => c).ToList();
        }

        return Task.FromResult(true);
    }

    public Task<bool> TryDeleteAsync(CalendarFeed feed, string version, CancellationToken cancellationToken) => Task.FromResult(_rows.Remove(feed.Id));
}

internal sealed class RecordingQueue : ICalendarRefreshQueue
{
    public List<(CalendarRefresh Message, Duration Delay)> Sent { get; } = [];

    public Task EnqueueAsync(CalendarRefresh refresh, Duration delay, CancellationToken cancellationToken)
    {
        Sent.Add((refresh, delay));
        return Task.CompletedTask;
    }
}

internal sealed class ScriptedFetcher : ICalendarFeedFetcher
{
    public Queue<FeedFetch> Next { get; } = new();

    public List<FeedValidators> Asked { get; } = [];

    public Task<FeedFetch> FetchAsync(Uri url, FeedValidators validators, CancellationToken cancellationToken)
    {
        Asked.Add(validators);
        return Task.FromResult(Next.Dequeue());
    }
}
