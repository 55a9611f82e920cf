using System.Security.Cryptography;
using System.Text;
using NodaTime;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;

namespace Schedly.Core.Calendars;

/// <summary>
/// Handles one <c>calendar-refresh</c> message: drops it when the feed was edited, refreshed on request or removed
/// since (another generation); otherwise fetches the feed (conditional GET), skips the parse when the body is unchanged
/// (same SHA-256), parses it in the host's zone over the expansion window, writes the feed's status and busy time in one
/// transaction, and queues the next refresh of the same generation: <see cref="CalendarOptions.RefreshMinutes"/> with
/// jitter after a success, exponential backoff after a failure. Work is O(feeds due): nothing scans hosts.
/// A failed fetch or parse is a status, not an exception; storage failures throw so the queue retries the message.
/// </summary>
public sealed class RefreshCalendarFeed(
    IHostRepository hosts,
    ICalendarFeedStore feeds,
    ICalendarRefreshQueue queue,
    ICalendarFeedFetcher fetcher,
    CalendarUrlProtector protector,
    CalendarOptions options,
    IClock clock)
{
    /// <summary>The shortest expansion window ahead of now, whatever the event types' booking windows.</summary>
    public static readonly Duration MinimumHorizon = Duration.FromDays(60);

    /// <summary>The longest expansion window ahead of now.</summary>
    public static readonly Duration MaximumHorizon = Duration.FromDays(RollingBookingWindow.MaxDays + 2);

    public async Task<CalendarRefreshOutcome> ExecuteAsync(CalendarRefresh refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        if (!HostSlug.TryParse(refresh.Host, out var slug))
        {
            return CalendarRefreshOutcome.Dropped;
        }

        var stored = await feeds.FindAsync(slug, refresh.Feed, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.Value.Generation != refresh.Generation)
        {
            return CalendarRefreshOutcome.Dropped;
        }

        var host = await hosts.FindAsync(slug, cancellationToken).ConfigureAwait(false);
        if (host is null)
        {
            return CalendarRefreshOutcome.Dropped;
        }

        var feed = stored.Value;
        var (change, outcome) = await ReadAsync(host.Value, feed, stored.Version, cancellationToken).ConfigureAwait(false);
        if (!await feeds.TryCommitAsync(change, cancellationToken).ConfigureAwait(false))
        {
            return CalendarRefreshOutcome.Dropped; // edited or removed meanwhile: the new generation has its own message
        }

        var delay = options.NextRefreshDelay(change.Feed.Failures, Jitter(refresh, clock.GetCurrentInstant()));
        await queue.EnqueueAsync(refresh, delay, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>The window busy time is expanded in: a day back, and ahead to the farthest booking window (60 to 732 days).</summary>
    public static Interval ExpansionWindow(Host host, Instant now)
    {
        ArgumentNullException.ThrowIfNull(host);
        var end = now + MinimumHorizon;
        foreach (var type in host.Schedule.EventTypes.Values)
        {
            var bound = type.BookingWindow.Bounds(now, host.Profile.TimeZone).End + type.Duration + type.BufferAfter + Duration.FromDays(1);
            end = Instant.Max(end, bound);
        }

        return new Interval(now - Duration.FromDays(1), Instant.Min(end, now + MaximumHorizon));
    }

    private async Task<(CalendarFeedChange Change, CalendarRefreshOutcome Outcome)> ReadAsync(Host host, CalendarFeed feed, string version, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var url = protector.Unprotect(feed.ProtectedUrl, feed.Host, feed.Id);
        if (url is null)
        {
            return Fail(feed, version, now, "The saved address can no longer be read; save the calendar's address again.");
        }

        var validators = feed.ContentHash is null ? FeedValidators.None : new FeedValidators(feed.HttpETag, feed.HttpLastModified);
        var fetched = await fetcher.FetchAsync(url, validators, cancellationToken).ConfigureAwait(false);
        switch (fetched)
        {
            case FeedFetch.NotModified notModified:
                return (new CalendarFeedChange(feed, feed.Unchanged(now, notModified.Validators), version, Busy: null), CalendarRefreshOutcome.Unchanged);
            case FeedFetch.Failed failed:
                return Fail(feed, version, now, failed.Error);
        }

        var body = (FeedFetch.Fetched)fetched;
        var hash = Convert.ToHexStringLower(SHA256.HashData(body.Body));
        if (string.Equals(hash, feed.ContentHash, StringComparison.Ordinal) && feed.KeepsBusyTime(now))
        {
            return (new CalendarFeedChange(feed, feed.Unchanged(now, body.Validators), version, Busy: null), CalendarRefreshOutcome.Unchanged);
        }

        var request = new BusyFeedRequest(host.Profile.TimeZone, ExpansionWindow(host, now), OwnBookingUids.ForHost(host.Slug));
        var parsed = BusyFeedParser.Parse(Encoding.UTF8.GetString(body.Body), request);
        if (parsed is BusyFeedResult.Failed failure)
        {
            return Fail(feed, version, now, failure.Detail);
        }

        var result = (BusyFeedResult.Parsed)parsed;
        var chunks = CalendarFeedChange.Chunk(result.Busy);
        var synced = feed.Synced(now, result.Busy.Count, chunks.Count, body.Validators, hash, result.Report.Warnings());
        return (new CalendarFeedChange(feed, synced, version, chunks), CalendarRefreshOutcome.Synced);
    }

    private static (CalendarFeedChange, CalendarRefreshOutcome) Fail(CalendarFeed feed, string version, Instant now, string error)
    {
        var failed = feed.Failed(now, error);
        var busy = failed.BusyChunks == feed.BusyChunks ? null : Array.Empty<IReadOnlyList<Interval>>();
        return (new CalendarFeedChange(feed, failed, version, busy), CalendarRefreshOutcome.Failed);
    }

    /// <summary>A number in [0, 1) that differs between feeds and refreshes, so feeds added together drift apart.</summary>
    private static double Jitter(CalendarRefresh refresh, Instant now)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{refresh.Host}|{refresh.Feed}|{now.ToUnixTimeTicks()}"));
        return BitConverter.ToUInt32(bytes, 0) / (uint.MaxValue + 1.0);
    }
}

public enum CalendarRefreshOutcome
{
    /// <summary>The message was stale (feed edited, refreshed on request or removed since): nothing done.</summary>
    Dropped,

    /// <summary>New busy time stored.</summary>
    Synced,

    /// <summary>304 or the same body: only the status was written.</summary>
    Unchanged,

    /// <summary>The fetch or the parse failed; the status says why.</summary>
    Failed,
}
