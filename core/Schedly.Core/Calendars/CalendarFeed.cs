using NodaTime;

namespace Schedly.Core.Calendars;

/// <summary>
/// A host's subscription to one iCalendar feed, and what its refreshes found. <see cref="ProtectedUrl"/> is the
/// address encrypted by <see cref="CalendarUrlProtector"/>; the plain address is never stored or returned.
/// <see cref="Generation"/> names the feed's current refresh chain: every edit and every refresh request starts a new
/// chain with the next generation, and a queued refresh of an older generation is dropped, so each feed has exactly
/// one chain of delayed refresh messages.
/// </summary>
public sealed record CalendarFeed
{
    public const int MaxNameLength = 100;

    /// <summary>Busy intervals stored per storage row (see <see cref="BusyChunks"/>).</summary>
    public const int IntervalsPerChunk = 1_000;

    public required string Host { get; init; }

    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string ProtectedUrl { get; init; }

    /// <summary>The address as shown: scheme and host only.</summary>
    public required string MaskedUrl { get; init; }

    public required long Generation { get; init; }

    public required Instant CreatedAt { get; init; }

    public required Instant UpdatedAt { get; init; }

    public Instant? LastAttemptAt { get; init; }

    /// <summary>The last refresh that read the feed (fetched and parsed, or found unchanged).</summary>
    public Instant? LastSuccessAt { get; init; }

    /// <summary>Why the last refresh failed (a short sentence that never contains the address); null after a success.</summary>
    public string? LastError { get; init; }

    /// <summary>Parser warnings of the last parsed body (caps reached, unknown zones).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Refreshes failed in a row (drives the backoff).</summary>
    public int Failures { get; init; }

    /// <summary>Busy intervals currently stored for the feed.</summary>
    public int BusyCount { get; init; }

    /// <summary>How many busy rows are stored (the next write replaces or deletes exactly these).</summary>
    public int BusyChunks { get; init; }

    /// <summary>The response's ETag of the last body read, sent back as <c>If-None-Match</c>.</summary>
    public string? HttpETag { get; init; }

    /// <summary>The response's Last-Modified of the last body read, sent back as <c>If-Modified-Since</c>.</summary>
    public string? HttpLastModified { get; init; }

    /// <summary>SHA-256 (hex) of the last body parsed: an identical body is neither parsed nor written again.</summary>
    public string? ContentHash { get; init; }

    public static CalendarFeed New(string host, string id, string name, string protectedUrl, string maskedUrl, Instant now) => new()
    {
        Host = host,
        Id = id,
        Name = name,
        ProtectedUrl = protectedUrl,
        MaskedUrl = maskedUrl,
        Generation = 1,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>
    /// Renamed and, when <paramref name="protectedUrl"/> is given, pointed at a new address (its validators and hash are
    /// forgotten so it is read in full). Starts a new refresh chain.
    /// </summary>
    public CalendarFeed Edited(string name, string? protectedUrl, string? maskedUrl, Instant now) =>
        protectedUrl is null
            ? this with { Name = name, Generation = Generation + 1, UpdatedAt = now }
            : this with
            {
                Name = name,
                ProtectedUrl = protectedUrl,
                MaskedUrl = maskedUrl ?? MaskedUrl,
                Generation = Generation + 1,
                UpdatedAt = now,
                HttpETag = null,
                HttpLastModified = null,
                ContentHash = null,
                Failures = 0,
            };

    /// <summary>A refresh requested now: a new refresh chain (the old one's pending message is dropped).</summary>
    public CalendarFeed RefreshRequested() => this with { Generation = Generation + 1 };

    /// <summary>The feed was read: new busy time (stored as <paramref name="chunks"/> rows), validators and hash.</summary>
    public CalendarFeed Synced(Instant now, int busyCount, int chunks, FeedValidators validators, string contentHash, IReadOnlyList<string> warnings) =>
        this with
        {
            LastAttemptAt = now,
            LastSuccessAt = now,
            LastError = null,
            Failures = 0,
            BusyCount = busyCount,
            BusyChunks = chunks,
            HttpETag = validators.ETag,
            HttpLastModified = validators.LastModified,
            ContentHash = contentHash,
            Warnings = warnings,
        };

    /// <summary>The feed answered 304, or the same body again: the stored busy time stays, and counts as fresh.</summary>
    public CalendarFeed Unchanged(Instant now, FeedValidators validators) =>
        this with
        {
            LastAttemptAt = now,
            LastSuccessAt = now,
            LastError = null,
            Failures = 0,
            HttpETag = validators.ETag ?? HttpETag,
            HttpLastModified = validators.LastModified ?? HttpLastModified,
        };

    /// <summary>
    /// The refresh failed with <paramref name="error"/>. The last good busy time is kept until
    /// <see cref="CalendarOptions.KeepLastGoodFor"/> after the last success; past that it is dropped.
    /// </summary>
    public CalendarFeed Failed(Instant now, string error)
    {
        var drop = !KeepsBusyTime(now);
        return this with
        {
            LastAttemptAt = now,
            LastError = error,
            Failures = Failures + 1,
            BusyCount = drop ? 0 : BusyCount,
            BusyChunks = drop ? 0 : BusyChunks,
            ContentHash = drop ? null : ContentHash,
            HttpETag = drop ? null : HttpETag,
            HttpLastModified = drop ? null : HttpLastModified,
        };
    }

    /// <summary>True while the busy time of the last success is used (see <see cref="CalendarOptions.KeepLastGoodFor"/>).</summary>
    public bool KeepsBusyTime(Instant now) => LastSuccessAt is { } success && now < success + CalendarOptions.KeepLastGoodFor;

    /// <summary>The status the host sees.</summary>
    public CalendarFeedStatus StatusAt(Instant now) => (LastAttemptAt, LastSuccessAt) switch
    {
        (null, _) => CalendarFeedStatus.Never,
        (_, { } success) when now >= success + CalendarOptions.KeepLastGoodFor => CalendarFeedStatus.Stale,
        _ when LastError is not null => CalendarFeedStatus.Failing,
        _ => CalendarFeedStatus.Ok,
    };
}

/// <summary>
/// <list type="bullet">
/// <item><c>never</c>: not read yet (a refresh is queued).</item>
/// <item><c>ok</c>: the last refresh read the feed; its busy time is used.</item>
/// <item><c>failing</c>: the last refresh failed; the busy time of the last success (if any) is still used, for up to
/// 24 hours after it.</item>
/// <item><c>stale</c>: no success for 24 hours: the feed's busy time is no longer used, and the host is warned.</item>
/// </list>
/// </summary>
public enum CalendarFeedStatus
{
    Never,
    Ok,
    Failing,
    Stale,
}

/// <summary>The HTTP validators of a feed response, for the next conditional GET.</summary>
public sealed record FeedValidators(string? ETag, string? LastModified)
{
    public static FeedValidators None { get; } = new(null, null);
}

/// <summary>The busy time one feed contributes to a host: the intervals stored by its last good read.</summary>
/// <param name="FeedId">The feed.</param>
/// <param name="LastSuccessAt">When the feed was last read; its busy time counts until 24 hours after.</param>
/// <param name="Busy">The stored intervals overlapping the window asked for.</param>
public sealed record ImportedBusy(string FeedId, Instant? LastSuccessAt, IReadOnlyList<Interval> Busy)
{
    /// <summary>Busy time of every feed that is not stale at <paramref name="now"/>.</summary>
    public static IEnumerable<Interval> Usable(IReadOnlyList<ImportedBusy> feeds, Instant now)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        return feeds.Where(f => f.LastSuccessAt is { } success && now < success + CalendarOptions.KeepLastGoodFor).SelectMany(f => f.Busy);
    }
}
