using NodaTime;
using Schedly.Core.Concurrency;
using Schedly.Core.Hosts;
using Schedly.Core.Payments;

namespace Schedly.Core.Bookings;

/// <summary>
/// How a pending booking stops waiting: paid (the provider's <c>checkout.session.completed</c>), approved or declined by
/// the host, or expired (the provider's <c>checkout.session.expired</c>, or due work once <see cref="Booking.ExpiresAt"/>
/// has passed). Each is one conditional transaction on the booking's version with its outbox event, so of a webhook, an
/// expiry and a client's cancel racing each other exactly one wins and the others find the booking no longer pending:
/// a repeated or late event changes nothing. A payment that arrives for a booking that stopped waiting (it expired or was
/// cancelled first) is refunded at once and recorded on the booking.
/// </summary>
public sealed class PendingBookings(IBookingStore store, IBookingEventPublisher publisher, IPaymentGateway payments, IClock clock)
{
    /// <summary>Applies a paid checkout of <paramref name="id"/>'s session <paramref name="sessionId"/>.</summary>
    public Task<PendingOutcome> ApplyPaymentAsync(BookingId id, string sessionId, string paymentIntentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TransitionAsync("Payment", ct => store.FindAsync(id, ct), async (current, now, ct) =>
        {
            var booking = current.Value;
            if (booking.Payment is not { } payment || payment.SessionId != sessionId)
            {
                return new Step(PendingOutcome.Ignored);
            }

            if (booking.Status == BookingStatus.PendingPayment)
            {
                var paid = booking.ConfirmPaid(paymentIntentId, now);
                return new Step(PendingOutcome.Changed, BookingChange.Confirm(current, paid, BookingEvent.For(BookingEvent.Confirmed, paid, now)));
            }

            if (payment.PaidAt is not null || payment.RefundedAt is not null)
            {
                return new Step(PendingOutcome.AlreadyApplied);
            }

            // Paid after the booking stopped waiting: the money goes back, and the booking says so.
            var refundId = await payments.RefundAsync(paymentIntentId, RefundKey(id), ct).ConfigureAwait(false);
            var refunded = booking with { Payment = payment with { PaymentIntentId = paymentIntentId, PaidAt = now } };
            refunded = refunded.MarkRefunded(refundId, now);
            return new Step(PendingOutcome.Refunded, BookingChange.Update(current.Version, refunded, BookingEvent.For(BookingEvent.Refunded, refunded, now)));
        }, cancellationToken);
    }

    /// <summary>
    /// Expires <paramref name="id"/> when it still waits: for the provider's expired session <paramref name="sessionId"/>
    /// (which must be the booking's), or with <paramref name="sessionId"/> null from due work once its time has passed. Due
    /// work asks the provider first: a session paid whose event never arrived confirms the booking instead.
    /// </summary>
    /// <param name="id">The booking.</param>
    /// <param name="sessionId">The provider's expired session, or null for due work.</param>
    /// <param name="asOf">For due work: the time the work is due as of (the later of it and the clock counts).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<PendingOutcome> ExpireAsync(BookingId id, string? sessionId, Instant? asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TransitionAsync("Expiry", ct => store.FindAsync(id, ct), async (current, now, ct) =>
        {
            var booking = current.Value;
            if (!booking.IsPending || (sessionId is not null && booking.Payment?.SessionId != sessionId))
            {
                return new Step(PendingOutcome.AlreadyApplied);
            }

            if (sessionId is null && booking.ExpiresAt > Instant.Max(asOf ?? now, now))
            {
                return new Step(PendingOutcome.Ignored);
            }

            if (sessionId is null && booking.Payment is { } payment
                && await payments.GetCheckoutAsync(payment.SessionId, ct).ConfigureAwait(false) is { Paid: true, PaymentIntentId: { } intent })
            {
                var paid = booking.ConfirmPaid(intent, now);
                return new Step(PendingOutcome.Changed, BookingChange.Confirm(current, paid, BookingEvent.For(BookingEvent.Confirmed, paid, now)));
            }

            return await ReleaseAsync(current, booking.Expire(now), BookingEvent.Expired, now, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>The host approves a pending request: the booking is confirmed.</summary>
    public Task<ManageResult> ApproveAsync(HostSlug host, string bookingId, CancellationToken cancellationToken) =>
        DecideAsync(host, bookingId, "Approval", (current, now, _) =>
        {
            var approved = current.Value.Approve(now);
            return Task.FromResult(new Step(PendingOutcome.Changed, BookingChange.Confirm(current, approved, BookingEvent.For(BookingEvent.Confirmed, approved, now))));
        }, cancellationToken);

    /// <summary>The host declines a pending request: its time is free again.</summary>
    public Task<ManageResult> DeclineAsync(HostSlug host, string bookingId, string? reason, CancellationToken cancellationToken)
    {
        var errors = new Validation.ValidationErrors();
        var cleanReason = ManagedBookings.ValidateReason(reason, errors);
        return !errors.IsEmpty
            ? Task.FromResult<ManageResult>(new ManageResult.Invalid(errors))
            : DecideAsync(host, bookingId, "Decline", (current, now, ct) =>
                ReleaseAsync(current, current.Value.Decline(cleanReason, now), BookingEvent.Declined, now, ct), cancellationToken);
    }

    /// <summary>The idempotency key of a booking's refund: one refund per booking, however often it is asked for.</summary>
    public static string RefundKey(BookingId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return "schedly-refund-" + id.Value;
    }

    private async Task<ManageResult> DecideAsync(HostSlug host, string bookingId, string change, Func<Versioned<Booking>, Instant, CancellationToken, Task<Step>> decide, CancellationToken cancellationToken)
    {
        Booking? after = null;
        var outcome = await TransitionAsync(change, async ct =>
            BookingId.TryParse(bookingId, out var id) && id.Host == host ? await store.FindAsync(id, ct).ConfigureAwait(false) : null,
            async (current, now, ct) =>
            {
                after = current.Value;
                if (current.Value.Status != BookingStatus.PendingApproval)
                {
                    return new Step(PendingOutcome.AlreadyApplied);
                }

                var step = await decide(current, now, ct).ConfigureAwait(false);
                after = step.Change?.Booking ?? after;
                return step;
            }, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            PendingOutcome.NotFound => new ManageResult.NotFound(),
            PendingOutcome.AlreadyApplied => new ManageResult.NotPending(after!),
            _ => new ManageResult.Done(after!, Changed: true),
        };
    }

    /// <summary>A decline or expiry: the booking frees its claim cells, reminder entries and expiry entry.</summary>
    private async Task<Step> ReleaseAsync(Versioned<Booking> current, Booking released, string eventType, Instant now, CancellationToken cancellationToken)
    {
        var snapshot = await store.LoadAsync(released.Id.Host, new SnapshotScope(current.Value.ClaimedSpan, Changing: current.Value), cancellationToken).ConfigureAwait(false);
        return new Step(PendingOutcome.Changed, BookingChange.Cancel(current, snapshot, released, BookingEvent.For(eventType, released, now)));
    }

    /// <summary>The one read-decide-conditional-write loop of every transition here; publishes the change's event after its commit.</summary>
    private Task<PendingOutcome> TransitionAsync(string change, Func<CancellationToken, Task<Versioned<Booking>?>> find, Func<Versioned<Booking>, Instant, CancellationToken, Task<Step>> decide, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync<PendingOutcome>(change, async ct =>
        {
            var current = await find(ct).ConfigureAwait(false);
            if (current is null)
            {
                return PendingOutcome.NotFound;
            }

            var step = await decide(current, clock.GetCurrentInstant(), ct).ConfigureAwait(false);
            if (step.Change is not { } planned)
            {
                return step.Outcome;
            }

            if (!await store.TryCommitAsync(planned, ct).ConfigureAwait(false))
            {
                return Attempt<PendingOutcome>.Conflict;
            }

            if (planned.Event is { } announced)
            {
                await publisher.PublishAsync(announced, ct).ConfigureAwait(false);
            }

            return step.Outcome;
        }, cancellationToken);

    private sealed record Step(PendingOutcome Outcome, BookingChange? Change = null);
}

/// <summary>What a pending transition did.</summary>
public enum PendingOutcome
{
    /// <summary>The booking changed (confirmed, declined or expired).</summary>
    Changed,

    /// <summary>The booking had already stopped waiting: a repeated or late event, nothing to do.</summary>
    AlreadyApplied,

    /// <summary>A payment came for a booking that had stopped waiting; it was refunded.</summary>
    Refunded,

    /// <summary>The event is not about this booking's checkout, or its time has not come.</summary>
    Ignored,

    NotFound,
}
