using NodaTime;
using Schedly.Core.Concurrency;
using Schedly.Core.Hosts;
using Schedly.Core.Validation;
using Schedly.Core.Webhooks;

namespace Schedly.Core.Calendars;

/// <summary>
/// The host's calendar subscriptions: add or edit (each queues an immediate refresh on a new refresh chain), list with
/// status, request a refresh, remove (with its busy time). Addresses are encrypted before they are stored and never
/// leave this class in plain text. Local runs accept http and loopback addresses through
/// <see cref="WebhookOptions.AllowPrivateAddresses"/>, the switch webhooks use.
/// </summary>
public sealed class ManageCalendarFeeds(
    IHostRepository hosts,
    ICalendarFeedStore feeds,
    ICalendarRefreshQueue queue,
    CalendarUrlProtector protector,
    CalendarOptions options,
    WebhookOptions webhookOptions,
    IClock clock)
{
    public async Task<CalendarFeedResult> PutAsync(HostSlug host, string id, CalendarFeedDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(draft);
        if (!CalendarFeedDraft.IsValidId(id))
        {
            return new CalendarFeedResult.Invalid(ValidationErrors.Single("id", HostSlug.Rule));
        }

        if (await hosts.FindAsync(host, cancellationToken).ConfigureAwait(false) is null)
        {
            return new CalendarFeedResult.NotFound();
        }

        var result = await OptimisticConcurrency.RunAsync<CalendarFeedResult>("Calendar", async ct =>
        {
            var existing = await feeds.FindAsync(host, id, ct).ConfigureAwait(false);
            var errors = draft.Validate(creating: existing is null, webhookOptions.AllowPrivateAddresses, out var name, out var url);
            if (!errors.IsEmpty)
            {
                return new CalendarFeedResult.Invalid(errors);
            }

            var now = clock.GetCurrentInstant();
            var protectedUrl = url is null ? null : protector.Protect(url, host.Value, id);
            var masked = url is null ? null : CalendarFeedAddress.Mask(url);
            if (existing is null)
            {
                var all = await feeds.ListAsync(host, ct).ConfigureAwait(false);
                if (all.Count >= options.MaxFeedsPerHost)
                {
                    return new CalendarFeedResult.Invalid(ValidationErrors.Single("id", $"A host may subscribe to at most {options.MaxFeedsPerHost} calendars."));
                }

                var feed = CalendarFeed.New(host.Value, id, name, protectedUrl!, masked!, now);
                return await feeds.TryAddAsync(feed, ct).ConfigureAwait(false)
                    ? new CalendarFeedResult.Saved(feed, Created: true)
                    : Attempt<CalendarFeedResult>.Conflict;
            }

            var edited = existing.Value.Edited(name, protectedUrl, masked, now);
            return await feeds.TryCommitAsync(new CalendarFeedChange(existing.Value, edited, existing.Version, Busy: null), ct).ConfigureAwait(false)
                ? new CalendarFeedResult.Saved(edited, Created: false)
                : Attempt<CalendarFeedResult>.Conflict;
        }, cancellationToken).ConfigureAwait(false);

        return await QueueRefreshAsync(result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The host's feeds sorted by id; null when there is no such host.</summary>
    public async Task<IReadOnlyList<CalendarFeed>?> ListAsync(HostSlug host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (await hosts.FindAsync(host, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var list = await feeds.ListAsync(host, cancellationToken).ConfigureAwait(false);
        return list.Select(f => f.Value).OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Queues a refresh now, on a new refresh chain.</summary>
    public async Task<CalendarFeedResult> RefreshAsync(HostSlug host, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var result = await OptimisticConcurrency.RunAsync<CalendarFeedResult>("Calendar refresh", async ct =>
        {
            if (!CalendarFeedDraft.IsValidId(id) || await feeds.FindAsync(host, id, ct).ConfigureAwait(false) is not { } existing)
            {
                return new CalendarFeedResult.NotFound();
            }

            if (protector.Unprotect(existing.Value.ProtectedUrl, host.Value, id) is null)
            {
                return new CalendarFeedResult.Unreadable();
            }

            var requested = existing.Value.RefreshRequested();
            return await feeds.TryCommitAsync(new CalendarFeedChange(existing.Value, requested, existing.Version, Busy: null), ct).ConfigureAwait(false)
                ? new CalendarFeedResult.Saved(requested, Created: false)
                : Attempt<CalendarFeedResult>.Conflict;
        }, cancellationToken).ConfigureAwait(false);

        return await QueueRefreshAsync(result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues an immediate refresh on the saved feed's new generation; other results pass through.</summary>
    private async Task<CalendarFeedResult> QueueRefreshAsync(CalendarFeedResult result, CancellationToken cancellationToken)
    {
        if (result is CalendarFeedResult.Saved { Feed: var feed })
        {
            await queue.EnqueueAsync(new CalendarRefresh(feed.Host, feed.Id, feed.Generation), Duration.Zero, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Removes the feed and its busy time; its queued refresh is dropped when it arrives.</summary>
    public Task<CalendarFeedResult> DeleteAsync(HostSlug host, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        return OptimisticConcurrency.RunAsync<CalendarFeedResult>("Calendar removal", async ct =>
        {
            if (!CalendarFeedDraft.IsValidId(id) || await feeds.FindAsync(host, id, ct).ConfigureAwait(false) is not { } existing)
            {
                return new CalendarFeedResult.NotFound();
            }

            return await feeds.TryDeleteAsync(existing.Value, existing.Version, ct).ConfigureAwait(false)
                ? new CalendarFeedResult.Deleted()
                : Attempt<CalendarFeedResult>.Conflict;
        }, cancellationToken);
    }
}

public abstract record CalendarFeedResult
{
    private CalendarFeedResult()
    {
    }

    /// <summary>Added (<paramref name="Created"/>), edited, or a refresh queued.</summary>
    public sealed record Saved(CalendarFeed Feed, bool Created) : CalendarFeedResult;

    public sealed record Deleted : CalendarFeedResult;

    public sealed record Invalid(ValidationErrors Errors) : CalendarFeedResult;

    /// <summary>No such host or feed.</summary>
    public sealed record NotFound : CalendarFeedResult;

    /// <summary>The stored address cannot be decrypted (the server secret changed): the host must save it again.</summary>
    public sealed record Unreadable : CalendarFeedResult;
}
