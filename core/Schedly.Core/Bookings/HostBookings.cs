using NodaTime;
using Schedly.Core.Concurrency;
using Schedly.Core.Hosts;
using Schedly.Core.Validation;

namespace Schedly.Core.Bookings;

/// <summary>
/// What a host (or the operator) does with the host's bookings: list them by start, cancel one with
/// a reason (the client is told through the outbox), and mark or unmark a no-show once the meeting
/// has started. The booking id must belong to the host named in the route.
/// </summary>
public sealed class HostBookings(IHostRepository hosts, IBookingStore store, ManagedBookings managed, IBookingEventPublisher publisher, IClock clock)
{

    /// <summary>The most store pages one list call reads while looking for a client email (the rest come with the token).</summary>
    public const int MaxPagesPerEmailSearch = 10;

    /// <summary>
    /// Bookings starting on host-local dates <c>start</c>..<c>end</c> (both inclusive; default today and 90 days on; at
    /// most 366 days), of the statuses asked for (default all), sorted by start, with the seats of a seated event type's
    /// sessions grouped (<see cref="HostSession"/>). With an <c>email</c>, the store's pages are read until one holds a
    /// booking of a matching client, or <see cref="MaxPagesPerEmailSearch"/> were read: a page may then be empty and
    /// still carry a token.
    /// </summary>
    public async Task<HostBookingsResult> ListAsync(HostSlug host, BookingListDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(draft);
        var stored = await hosts.FindAsync(host, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return new HostBookingsResult.NotFound();
        }

        var zone = stored.Value.Profile.TimeZone;
        var validated = draft.Validate(clock.GetCurrentInstant().InZone(zone).Date);
        if (!validated.IsValid)
        {
            return new HostBookingsResult.Invalid(validated.Errors);
        }

        var query = validated.Value;
        var range = new Interval(query.From.AtStartOfDayInZone(zone).ToInstant(), query.To.PlusDays(1).AtStartOfDayInZone(zone).ToInstant());
        var found = new List<Booking>();
        var token = query.ContinuationToken;
        var pagesRead = 0;
        do
        {
            var page = await store.ListAsync(host, range, query.Statuses, query.PageSize, token, cancellationToken).ConfigureAwait(false);
            found.AddRange(page.Bookings.Where(query.MatchesEmail));
            token = page.ContinuationToken;
            pagesRead++;
        }
        while (query.Email is not null && found.Count == 0 && token is not null && pagesRead < MaxPagesPerEmailSearch);

        return new HostBookingsResult.Page(new BookingPage(found, token), HostSession.Group(found, stored.Value.Schedule));
    }

    /// <summary>
    /// The host moves a booking to <paramref name="start"/>: the same path as the client's reschedule (the slot must be
    /// offered now, the booking's own time counting as free; one atomic claim; the rescheduled event, emails and
    /// webhooks), without the client's change policy.
    /// </summary>
    public Task<ManageResult> RescheduleAsync(HostSlug host, string bookingId, string? start, CancellationToken cancellationToken) =>
        managed.RescheduleAsync(ct => FindOwnAsync(host, bookingId, ct), start, Booking.ByHost, cancellationToken);

    public Task<ManageResult> CancelAsync(HostSlug host, string bookingId, string? reason, CancellationToken cancellationToken) =>
        managed.CancelAsync(ct => FindOwnAsync(host, bookingId, ct), reason, Booking.ByHost, cancellationToken);

    /// <summary>Marks (or with <paramref name="noShow"/> false, unmarks) a no-show; only once the meeting has started.</summary>
    public Task<ManageResult> SetNoShowAsync(HostSlug host, string bookingId, bool noShow, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync<ManageResult>("No-show", async ct =>
        {
            var current = await FindOwnAsync(host, bookingId, ct).ConfigureAwait(false);
            if (current is null)
            {
                return new ManageResult.NotFound();
            }

            var now = clock.GetCurrentInstant();
            if (!current.Value.IsActive)
            {
                return new ManageResult.BookingCancelled();
            }

            if (current.Value.Start > now)
            {
                return new ManageResult.NotStarted();
            }

            if (current.Value.NoShow == noShow)
            {
                return new ManageResult.Done(current.Value, Changed: false);
            }

            var updated = current.Value.SetNoShow(noShow, now);
            // Both directions are events: webhooks may follow them, and analytics are recomputed from events.
            var noShowEvent = BookingEvent.For(noShow ? BookingEvent.NoShow : BookingEvent.NoShowCleared, updated, now);
            if (!await store.TryCommitAsync(BookingChange.Update(current.Version, updated, noShowEvent), ct).ConfigureAwait(false))
            {
                return Attempt<ManageResult>.Conflict;
            }

            await publisher.PublishAsync(noShowEvent, ct).ConfigureAwait(false);

            return new ManageResult.Done(updated, Changed: true);
        }, cancellationToken);

    private async Task<Versioned<Booking>?> FindOwnAsync(HostSlug host, string bookingId, CancellationToken cancellationToken) =>
        BookingId.TryParse(bookingId, out var id) && id.Host == host
            ? await store.FindAsync(id, cancellationToken).ConfigureAwait(false)
            : null;
}

public abstract record HostBookingsResult
{
    private HostBookingsResult()
    {
    }

    /// <summary>One page of bookings, and the sessions of seated event types among them (seats grouped).</summary>
    public sealed record Page(BookingPage Bookings, IReadOnlyList<HostSession> Sessions) : HostBookingsResult;

    public sealed record NotFound : HostBookingsResult;

    public sealed record Invalid(ValidationErrors Errors) : HostBookingsResult;
}
