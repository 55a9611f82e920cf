using NodaTime;
using Schedly.Core.Calendars;
using Schedly.Core.Concurrency;
using Schedly.Core.Hosts;
using Schedly.Core.Scheduling;
using Schedly.Core.Teams;
using Schedly.Core.Teams.Collective;
using Schedly.Core.Validation;

namespace Schedly.Core.Bookings;

/// <summary>
/// What a client can do with the manage token of a booking: read it, cancel it, move it. An
/// unknown id and a wrong token are indistinguishable (both "not found"), and tokens are compared
/// in constant time. The client's changes follow the booking's <see cref="Scheduling.ClientPolicy"/>
/// (<see cref="ClientChangeRules"/>); the host's cancellations do not. A team booking moves under the team's event type
/// and keeps its member; a collective booking is cancelled as a whole (<see cref="CancelCollective"/>) and is not moved.
/// </summary>
public sealed class ManagedBookings(
    IHostRepository hosts,
    IBookingStore store,
    IImportedBusyTime imported,
    IBookingEventPublisher publisher,
    IClock clock,
    ITeamRepository teams,
    CancelCollective cancelCollective)
{
    public async Task<Versioned<Booking>?> FindAsync(string bookingId, string manageToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manageToken);
        if (!BookingId.TryParse(bookingId, out var id))
        {
            return null;
        }

        var booking = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        return booking is not null && booking.Value.ManageTokenHash.Matches(manageToken) ? booking : null;
    }

    /// <summary>Cancels; a second cancel is a no-op that returns the cancelled booking.</summary>
    public Task<ManageResult> CancelAsync(string bookingId, string manageToken, string? reason, CancellationToken cancellationToken) =>
        CancelAsync(ct => FindAsync(bookingId, manageToken, ct), reason, Booking.ByClient, cancellationToken);

    /// <summary>Cancels the booking <paramref name="find"/> returns (re-run on every attempt); null from it means not found.</summary>
    internal async Task<ManageResult> CancelAsync(Func<CancellationToken, Task<Versioned<Booking>?>> find, string? reason, string cancelledBy, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var cleanReason = ValidateReason(reason, errors);
        if (!errors.IsEmpty)
        {
            return new ManageResult.Invalid(errors);
        }

        return await OptimisticConcurrency.RunAsync<ManageResult>("Cancel", async ct =>
        {
            var current = await find(ct).ConfigureAwait(false);
            if (current is null)
            {
                return new ManageResult.NotFound();
            }

            if (!current.Value.HoldsTime)
            {
                return new ManageResult.Done(current.Value, Changed: false);
            }

            var now = clock.GetCurrentInstant();
            if (cancelledBy == Booking.ByClient && ClientChangeRules.RefuseCancel(current.Value, now) is { } refusal)
            {
                return new ManageResult.PolicyViolation(refusal);
            }

            if (current.Value.Team?.CollectiveId is { } collectiveId
                && await cancelCollective.CancelAsync(collectiveId, cleanReason, cancelledBy, ct).ConfigureAwait(false) is { } state)
            {
                // Every member's booking of it is cancelled (or, for an attempt that never booked, nothing was).
                var after = state == CollectiveState.Cancelled ? await find(ct).ConfigureAwait(false) : null;
                return new ManageResult.Done(after?.Value ?? current.Value, Changed: after is not null);
            }

            var cancelled = await BookingCancellation.TryCommitAsync(store, publisher, current, cleanReason, cancelledBy, now, ct).ConfigureAwait(false);
            return cancelled is null ? Attempt<ManageResult>.Conflict : new ManageResult.Done(cancelled, Changed: true);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves the booking to <c>start</c> when that is an offered slot now (the booking's own time counts as free).</summary>
    public Task<ManageResult> RescheduleAsync(string bookingId, string manageToken, string? start, CancellationToken cancellationToken) =>
        RescheduleAsync(ct => FindAsync(bookingId, manageToken, ct), start, Booking.ByClient, cancellationToken);

    /// <summary>
    /// Moves the booking <paramref name="find"/> returns (re-run on every attempt; null means not found) to <c>start</c>.
    /// The client's policy (<see cref="ClientChangeRules"/>) applies when <paramref name="movedBy"/> is
    /// <see cref="Booking.ByClient"/>; the host moves without it.
    /// </summary>
    internal async Task<ManageResult> RescheduleAsync(Func<CancellationToken, Task<Versioned<Booking>?>> find, string? start, string movedBy, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var parsedStart = SchedulingPatterns.RequiredInstant(start, "start", errors);
        if (parsedStart is not { } newStart)
        {
            return new ManageResult.Invalid(errors);
        }

        return await OptimisticConcurrency.RunAsync<ManageResult>("Reschedule", async ct =>
        {
            var current = await find(ct).ConfigureAwait(false);
            if (current is null)
            {
                return new ManageResult.NotFound();
            }

            if (!current.Value.IsActive)
            {
                return current.Value.IsPending ? new ManageResult.StillPending() : new ManageResult.BookingCancelled();
            }

            var booking = current.Value;
            if (booking.Team is { Assignment: TeamAssignment.Collective })
            {
                return new ManageResult.CollectiveNotMovable();
            }

            if (movedBy == Booking.ByClient && ClientChangeRules.RefuseReschedule(booking, clock.GetCurrentInstant()) is { } refusal)
            {
                return new ManageResult.PolicyViolation(refusal);
            }

            var host = await hosts.FindAsync(booking.Id.Host, ct).ConfigureAwait(false);
            // A deactivated event type still lets existing bookings move.
            // The booking keeps the length it was booked for (even if the host no longer offers it).
            var eventType = host is null ? null
                : await EventTypeOfAsync(booking, host.Value, ct).ConfigureAwait(false) is { } type ? type.Lasting(booking.End - booking.Start) with { Active = true }
                : null;
            if (host is null || eventType is null)
            {
                return new ManageResult.SlotUnavailable();
            }

            var now = clock.GetCurrentInstant();
            var zone = host.Value.Profile.TimeZone;
            var counter = BookingContext.CounterFor(eventType, booking.EventType, newStart, zone);
            var scope = new SnapshotScope(SlotEngine.BusyWindow(newStart, eventType), counter, Changing: booking);
            var snapshot = await store.LoadAsync(booking.Id.Host, scope, ct).ConfigureAwait(false);
            var availability = await BookingContext.AvailabilityAsync(imported, host.Value, scope.Window, now, ct).ConfigureAwait(false);
            if (!BookingContext.IsOffered(host.Value, availability, eventType, booking.EventType, snapshot, newStart, now, excludeRandomId: booking.Id.Random))
            {
                return new ManageResult.SlotUnavailable();
            }

            var moved = booking.MoveTo(newStart, eventType, zone, now, byHost: movedBy != Booking.ByClient);
            var rescheduled = BookingEvent.For(BookingEvent.Rescheduled, moved, now, booking.Start, booking.End);
            if (!await store.TryCommitAsync(BookingChange.Move(current, snapshot, moved, rescheduled), ct).ConfigureAwait(false))
            {
                return Attempt<ManageResult>.Conflict;
            }

            await publisher.PublishAsync(rescheduled, ct).ConfigureAwait(false);
            return new ManageResult.Done(moved, Changed: true);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The rules a booking moves under: its host's event type, or for a team booking the team's (its duration, buffers,
    /// notice and limits, applied to the booking's own member); null when that type no longer exists.
    /// </summary>
    private async Task<EventType?> EventTypeOfAsync(Booking booking, Host host, CancellationToken cancellationToken) =>
        booking.Team is { } team
            ? (await teams.FindAsync(team.Team, cancellationToken).ConfigureAwait(false))?.Value.FindEventType(booking.EventType)?.EventType
            : host.Schedule.FindEventType(booking.EventType);

    internal static string? ValidateReason(string? reason, ValidationErrors errors)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > ClientDetails.MaxNotesLength || TextRules.HasForbiddenControlCharacters(trimmed, multiLine: true))
        {
            errors.Add("reason", $"At most {ClientDetails.MaxNotesLength} characters, without control characters.");
        }

        return trimmed;
    }
}

public abstract record ManageResult
{
    private ManageResult()
    {
    }

    /// <summary>The booking after the operation; <paramref name="Changed"/> is false for a repeated cancel.</summary>
    public sealed record Done(Booking Booking, bool Changed) : ManageResult;

    public sealed record NotFound : ManageResult;

    public sealed record BookingCancelled : ManageResult;

    /// <summary>The booking still waits for its payment or the host's answer; it can be cancelled, not moved or marked.</summary>
    public sealed record StillPending : ManageResult;

    /// <summary>The booking no longer waits for the host's answer (answered, expired or cancelled): nothing changed.</summary>
    public sealed record NotPending(Booking Booking) : ManageResult;

    /// <summary>The booking has no payment to refund (none taken, or refunded already).</summary>
    public sealed record NotRefundable(Booking Booking) : ManageResult;

    /// <summary>The change needs the payment provider, which is not configured or did not answer; nothing was changed.</summary>
    public sealed record PaymentUnavailable : ManageResult;

    public sealed record SlotUnavailable : ManageResult;

    /// <summary>A collective booking (with every member of a team) cannot be moved: cancel it and book again.</summary>
    public sealed record CollectiveNotMovable : ManageResult;

    /// <summary>The meeting has not started yet (a no-show can only be recorded afterwards).</summary>
    public sealed record NotStarted : ManageResult;

    /// <summary>The client's change comes too late or too often under the booking's policy; <paramref name="Detail"/> names the deadline.</summary>
    public sealed record PolicyViolation(string Detail) : ManageResult;

    public sealed record Invalid(ValidationErrors Errors) : ManageResult;
}
