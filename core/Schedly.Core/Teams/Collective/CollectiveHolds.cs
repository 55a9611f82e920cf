using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Calendars;
using Schedly.Core.Concurrency;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Core.Security;

namespace Schedly.Core.Teams.Collective;

/// <summary>
/// <see cref="ICollectiveStore"/> on the booking store: a member's hold is a booking row of status
/// <see cref="BookingStatus.Held"/> with the id <see cref="BookingId.Derived"/> from the collective id, written by the
/// same conditional claim-cell transaction as any booking (after the same server re-check that the member is free,
/// in their own zone, hours, bookings and feeds). Confirming turns it <see cref="BookingStatus.Confirmed"/> with its
/// <c>booking.created</c> outbox event; releasing turns it <see cref="BookingStatus.Released"/> and frees its cells.
/// Every step finds the row an earlier attempt wrote, so each is idempotent. Intents go to <see cref="ICollectiveIntents"/>.
/// </summary>
/// <remarks><paramref name="terms"/> is null for recovery, which never takes a hold; the request uses <see cref="For"/>.</remarks>
public sealed class CollectiveHolds(
    ICollectiveIntents intents,
    IHostRepository hosts,
    IBookingStore bookings,
    IImportedBusyTime imported,
    IBookingEventPublisher publisher,
    ManageTokenIssuer tokens,
    IClock clock,
    CollectiveHoldTerms? terms = null) : ICollectiveStore
{
    /// <summary>The same store for the booking request that takes holds of <paramref name="terms"/>.</summary>
    public CollectiveHolds For(CollectiveHoldTerms terms) => new(intents, hosts, bookings, imported, publisher, tokens, clock, terms);

    /// <summary>The member's booking of collective booking <paramref name="collectiveId"/>.</summary>
    public static BookingId HoldId(HostSlug member, string collectiveId) => BookingId.Derived(member, collectiveId);

    public Task CreateIntentAsync(CollectiveIntent intent, CancellationToken cancellationToken) => intents.CreateAsync(intent, cancellationToken);

    public Task<Versioned<CollectiveIntent>?> ReadIntentAsync(string id, CancellationToken cancellationToken) => intents.ReadAsync(id, cancellationToken);

    public Task<bool> TryReplaceIntentAsync(Versioned<CollectiveIntent> current, CollectiveIntent next, CancellationToken cancellationToken) =>
        intents.TryReplaceAsync(current, next, cancellationToken);

    public async Task<HoldOutcome> TryHoldAsync(HostSlug member, CollectiveIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(intent);
        var id = HoldId(member, intent.Id);
        if (await bookings.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return Outcome(existing.Value);
        }

        var hold = terms ?? throw new InvalidOperationException("Only the booking request takes holds; recovery confirms or releases them.");
        var stored = await hosts.FindAsync(member, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.Value.Suspended)
        {
            return HoldOutcome.Unavailable;
        }

        var host = stored.Value;
        var eventType = hold.EventType;
        var scope = new SnapshotScope(SlotEngine.BusyWindow(intent.Start, eventType), BookingContext.CounterFor(eventType, hold.EventTypeSlug, intent.Start, host.Profile.TimeZone));
        var availability = await BookingContext.AvailabilityAsync(imported, host, scope.Window, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        return await OptimisticConcurrency.RunAsync<HoldOutcome>("Collective hold", async ct =>
        {
            var now = clock.GetCurrentInstant();
            var snapshot = await bookings.LoadAsync(member, scope, ct).ConfigureAwait(false);
            if (BookingContext.IsOffered(host, availability, eventType, hold.EventTypeSlug, snapshot, intent.Start, now))
            {
                var held = Booking.Create(id, hold.EventTypeSlug, eventType, intent.Start, hold.Client, tokens.Issue(id).Hash, host.Profile.TimeZone, now, hold.Location)
                    with
                { Status = BookingStatus.Held, Team = hold.Team };
                if (await bookings.TryCommitAsync(BookingChange.Hold(snapshot, held), ct).ConfigureAwait(false))
                {
                    return HoldOutcome.Held;
                }
            }

            // Not free, or the claim lost: to a repeat of this very hold (held after all), or to another booking.
            var written = await bookings.FindAsync(id, ct).ConfigureAwait(false);
            return written is not null ? Outcome(written.Value)
                : BookingContext.IsOffered(host, availability, eventType, hold.EventTypeSlug, snapshot, intent.Start, now) ? Attempt<HoldOutcome>.Conflict
                : HoldOutcome.Unavailable;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task ConfirmHoldAsync(HostSlug member, CollectiveIntent intent, CancellationToken cancellationToken) =>
        ChangeHoldAsync(member, intent, "Collective confirm", async (current, now, ct) =>
        {
            var confirmed = current.Value.ConfirmHold(now);
            var created = BookingEvent.For(BookingEvent.Created, confirmed, now);
            if (!await bookings.TryCommitAsync(BookingChange.Confirm(current, confirmed, created), ct).ConfigureAwait(false))
            {
                return false;
            }

            await publisher.PublishAsync(created, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task ReleaseHoldAsync(HostSlug member, CollectiveIntent intent, CancellationToken cancellationToken) =>
        ChangeHoldAsync(member, intent, "Collective release", async (current, now, ct) =>
        {
            var snapshot = await bookings.LoadAsync(member, new SnapshotScope(current.Value.ClaimedSpan, Changing: current.Value), ct).ConfigureAwait(false);
            return await bookings.TryCommitAsync(BookingChange.Release(current, snapshot, current.Value.ReleaseHold(now)), ct).ConfigureAwait(false);
        }, cancellationToken);

    public Task CancelMemberAsync(HostSlug member, CollectiveIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var cancellation = intent.Cancellation ?? throw new InvalidOperationException($"Collective booking {intent.Id} is not being cancelled.");
        return ChangeMemberBookingAsync(member, intent, BookingStatus.Confirmed, "Collective cancel", async (current, now, ct) =>
            await BookingCancellation.TryCommitAsync(bookings, publisher, current, cancellation.Reason, cancellation.CancelledBy, now, ct).ConfigureAwait(false) is not null,
            cancellationToken);
    }

    private static HoldOutcome Outcome(Booking booking) =>
        booking.Status is BookingStatus.Held or BookingStatus.Confirmed ? HoldOutcome.Held : HoldOutcome.Unavailable;

    /// <summary>Applies <paramref name="change"/> to the member's hold while it is still held; nothing when there is none (any more).</summary>
    private Task ChangeHoldAsync(
        HostSlug member,
        CollectiveIntent intent,
        string name,
        Func<Versioned<Booking>, Instant, CancellationToken, Task<bool>> change,
        CancellationToken cancellationToken) =>
        ChangeMemberBookingAsync(member, intent, BookingStatus.Held, name, change, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the member's booking of the intent while it has <paramref name="status"/>;
    /// nothing when it has another (changed already) or there is none. A change that loses a race is retried from a fresh read.
    /// </summary>
    private async Task ChangeMemberBookingAsync(
        HostSlug member,
        CollectiveIntent intent,
        BookingStatus status,
        string name,
        Func<Versioned<Booking>, Instant, CancellationToken, Task<bool>> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(intent);
        var id = HoldId(member, intent.Id);
        await OptimisticConcurrency.RunAsync<bool>(name, async ct =>
        {
            var current = await bookings.FindAsync(id, ct).ConfigureAwait(false);
            if (current is null || current.Value.Status != status)
            {
                return true;
            }

            return await change(current, clock.GetCurrentInstant(), ct).ConfigureAwait(false) ? true : Attempt<bool>.Conflict;
        }, cancellationToken).ConfigureAwait(false);
    }
}
