using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Concurrency;
using Schedly.Core.Hosts;

namespace Schedly.Core.Payments;

/// <summary>
/// Gives a booking's payment back: when the host asks (<see cref="HostRefundAsync"/>), and when a paid booking is
/// cancelled (<see cref="RefundCancelledAsync"/>, from the fan-out of <c>booking.cancelled</c>: the client may cancel only
/// within the free-cancellation window, so every cancel that went through is refunded, as is every cancel by the host).
/// The provider's refund carries an idempotency key from the booking, and the booking records it in one conditional
/// update with its <c>booking.refunded</c> event, so however often it is asked for, the money goes back once.
/// </summary>
public sealed class RefundPayments(IBookingStore store, IBookingEventPublisher publisher, IPaymentGateway payments, IClock clock)
{
    public async Task<ManageResult> HostRefundAsync(HostSlug host, string bookingId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (!BookingId.TryParse(bookingId, out var id) || id.Host != host)
        {
            return new ManageResult.NotFound();
        }

        try
        {
            return await RefundAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (PaymentUnavailableException)
        {
            return new ManageResult.PaymentUnavailable();
        }
    }

    /// <summary>Refunds <paramref name="id"/> when it is cancelled and paid; true when this call refunded it.</summary>
    public async Task<bool> RefundCancelledAsync(BookingId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var booking = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (booking is not { Value: { Status: BookingStatus.Cancelled, Payment.IsRefundable: true } })
        {
            return false;
        }

        return await RefundAsync(id, cancellationToken).ConfigureAwait(false) is ManageResult.Done { Changed: true };
    }

    private Task<ManageResult> RefundAsync(BookingId id, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync<ManageResult>("Refund", async ct =>
        {
            var current = await store.FindAsync(id, ct).ConfigureAwait(false);
            if (current is null)
            {
                return new ManageResult.NotFound();
            }

            if (current.Value.Payment is not { IsRefundable: true, PaymentIntentId: { } intent })
            {
                return new ManageResult.NotRefundable(current.Value);
            }

            var refundId = await payments.RefundAsync(intent, PendingBookings.RefundKey(id), ct).ConfigureAwait(false);
            var now = clock.GetCurrentInstant();
            var refunded = current.Value.MarkRefunded(refundId, now);
            var refundedEvent = BookingEvent.For(BookingEvent.Refunded, refunded, now);
            if (!await store.TryCommitAsync(BookingChange.Update(current.Version, refunded, refundedEvent), ct).ConfigureAwait(false))
            {
                return Attempt<ManageResult>.Conflict;
            }

            await publisher.PublishAsync(refundedEvent, ct).ConfigureAwait(false);
            return new ManageResult.Done(refunded, Changed: true);
        }, cancellationToken);
}
