using System.Text.Json;
using NodaTime;
using Schedly.Core.Bookings;
using Schedly.Core.Locations;
using Schedly.Core.Notifications;

namespace Schedly.Core.Webhooks;

public enum WebhookOutcome
{
    Delivered,

    /// <summary>The ledger already holds this delivery: a redelivered message.</summary>
    AlreadyDelivered,

    /// <summary>The endpoint was deleted or disabled, or the booking is gone: nothing to do.</summary>
    Dropped,

    /// <summary>The attempt failed; the delivery was re-sent with a delay.</summary>
    RetryScheduled,

    /// <summary>The attempt failed and the endpoint has now failed for the disable period: it was disabled.</summary>
    EndpointDisabled,
}

/// <summary>
/// Delivers one event to one endpoint: a signed JSON POST (see docs/WEBHOOKS.md). Once per delivery id as far as HTTP
/// allows: the ledger is checked first and written after a 2xx, so only a crash between the receiver's 2xx and the
/// ledger write repeats a delivery (same <c>Schedly-Delivery-Id</c>; receivers dedupe on it). A failed attempt
/// (non-2xx, timeout, refused address) is recorded on the endpoint and re-sent on the queue with a delay that doubles
/// per attempt, up to <see cref="WebhookOptions.MaxRetryDelaySeconds"/>; after <see cref="WebhookOptions.DisableAfterHours"/>
/// of continuous failure the endpoint is disabled and its pending deliveries are dropped.
/// </summary>
public sealed class DeliverWebhook(
    IWebhookStore endpoints,
    INotificationReader reader,
    IEffectLedger ledger,
    IWebhookTransport transport,
    INotificationQueue queue,
    WebhookOptions options,
    IClock clock)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static string LedgerKey(string deliveryId) => "webhook|" + deliveryId;

    public async Task<(WebhookOutcome Outcome, WebhookAttempt? Attempt)> ExecuteAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var key = LedgerKey(delivery.DeliveryId);
        if (await ledger.HasAsync(delivery.Event.Host, key, cancellationToken).ConfigureAwait(false))
        {
            return (WebhookOutcome.AlreadyDelivered, null);
        }

        var endpoint = await endpoints.FindAsync(delivery.Event.Host, delivery.EndpointId, cancellationToken).ConfigureAwait(false);
        if (endpoint is null || endpoint.Disabled || !BookingId.TryParse(delivery.Event.BookingId, out var bookingId))
        {
            return (WebhookOutcome.Dropped, null);
        }

        var booking = await reader.FindBookingAsync(bookingId, cancellationToken).ConfigureAwait(false);
        if (booking is null)
        {
            return (WebhookOutcome.Dropped, null);
        }

        var body = Body(delivery, booking);
        var now = clock.GetCurrentInstant();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [WebhookSignature.HeaderName] = WebhookSignature.Create(endpoint.Secret, now.ToUnixTimeSeconds(), body),
            ["Schedly-Event-Id"] = delivery.Event.EventId,
            ["Schedly-Delivery-Id"] = delivery.DeliveryId,
            ["Schedly-Event-Type"] = delivery.Event.Type,
        };
        // The URL passed these rules when registered; settings may have tightened since (AllowPrivateAddresses off).
        var attempt = WebhookAddressGuard.CheckUrl(endpoint.Url, options.AllowPrivateAddresses) is { } refused
            ? new WebhookAttempt(now, null, "refused: " + refused)
            : await transport.PostAsync(endpoint.Url, body, headers, cancellationToken).ConfigureAwait(false);
        if (attempt.Succeeded)
        {
            await ledger.RecordAsync(delivery.Event.Host, key, attempt.At, cancellationToken).ConfigureAwait(false);
            await endpoints.RecordAttemptAsync(delivery.Event.Host, endpoint.Id, attempt, failingSince: null, disable: false, cancellationToken).ConfigureAwait(false);
            return (WebhookOutcome.Delivered, attempt);
        }

        var failingSince = endpoint.FailingSince ?? attempt.At;
        var disable = attempt.At - failingSince >= options.DisableAfter;
        await endpoints.RecordAttemptAsync(delivery.Event.Host, endpoint.Id, attempt, failingSince, disable, cancellationToken).ConfigureAwait(false);
        if (disable)
        {
            return (WebhookOutcome.EndpointDisabled, attempt);
        }

        var next = delivery with { Attempt = delivery.Attempt + 1 };
        await queue.SendWebhookAsync(next, options.RetryDelay(next.Attempt), cancellationToken).ConfigureAwait(false);
        return (WebhookOutcome.RetryScheduled, attempt);
    }

    /// <summary>
    /// The JSON body: <c>{ id, eventId, type, occurredAt, data }</c> where data is the booking as stored now, with start,
    /// end and sequence as of the event; never the manage token (nor its hash).
    /// </summary>
    public static string Body(WebhookDelivery delivery, Booking booking)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(booking);
        var payload = new
        {
            id = delivery.DeliveryId,
            eventId = delivery.Event.EventId,
            type = delivery.Event.Type,
            occurredAt = delivery.Event.OccurredAt,
            data = new
            {
                id = booking.Id.Value,
                host = booking.Id.Host.Value,
                eventType = booking.EventType,
                status = BookingStatuses.WireName(booking.Status),
                expiresAt = booking.ExpiresAt?.ToString(),
                payment = booking.Payment is { } payment
                    ? new { paidAt = payment.PaidAt?.ToString(), refundedAt = payment.RefundedAt?.ToString() }
                    : null,
                start = delivery.Event.Start,
                end = delivery.Event.End,
                previousStart = delivery.Event.PreviousStart,
                previousEnd = delivery.Event.PreviousEnd,
                sequence = delivery.Event.Sequence,
                name = booking.Client.Name,
                email = booking.Client.Email,
                timeZone = booking.Client.TimeZone.Id,
                notes = booking.Client.Notes,
                answers = booking.Client.Answers,
                questionAnswers = booking.Client.QuestionAnswers.Select(a => new { questionId = a.QuestionId, label = a.Label, type = Questions.QuestionTypes.Name(a.Type), value = a.Value, optionIds = a.OptionIds }),
                price = booking.Price is { } price ? new { amount = price.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), currency = price.Currency } : null,
                location = booking.Location is { } location
                    ? new { kind = LocationKinds.Name(location.Kind), display = location.Display, url = location.Url?.AbsoluteUri }
                    : null,
                durationMinutes = (int)(booking.End - booking.Start).TotalMinutes,
                noShow = booking.NoShow,
                cancelReason = booking.CancelReason,
                cancelledBy = booking.CancelledBy,
                createdAt = booking.CreatedAt.ToString(),
            },
        };
        return JsonSerializer.Serialize(payload, _json);
    }
}
